import LeverSyntax
import Testing
@testable import LeverEngine

/// A market with BTC, ETH and USDC, for book tests.
let testMarketText = """
{"as_of": "2026-11-25T12:00:00Z", "assets": {
  "BTC": {"class": "major", "price": 97250.5, "price_time": "2026-11-25T11:59:58Z", "vol": 0.55, "util": 0.45},
  "ETH": {"class": "major", "price": 3420.75, "vol": 0.7, "supplied": 1000, "borrowed": 780},
  "USDC": {"class": "stable", "price": 1, "vol": 0.02, "utilization": 0.85}
}}
"""

func testMarket() -> MarketSnapshot? {
    MarketLoader.load(SourceFile(id: 1, path: "market.json", text: testMarketText)).value
}

/// Loads `text` as `book.json` (file 0) and returns the result with one-line diagnostics.
func loadBook(_ text: String, keepGoing: Bool = false, withMarket: Bool = true) -> (Loaded<Book>, [String]) {
    var sources = SourceMap()
    let file = sources.add(path: "book.json", text: text)
    let loaded = BookLoader.load(file, market: withMarket ? testMarket() : nil, options: LoadOptions(keepGoing: keepGoing))
    return (loaded, loaded.diagnostics.map { $0.inputSummary(in: sources) })
}

@Suite struct BookLoaderTests {
    @Test func everyPositionKindLoads() throws {
        let (loaded, messages) = loadBook("""
        {"accounts": [{"id": "a1", "score": 720, "attributes": {"region": "EU", "age_days": 400},
          "positions": [
            {"asset": "BTC", "qty": 1.5},
            {"kind": "spot", "asset": "USDC", "quantity": -20000, "venue": "Binance"},
            {"kind": "perp", "asset": "ETH", "size": -10, "entry_price": 3300, "venue": "OKX"},
            {"kind": "option", "underlying": "BTC", "right": "put", "strike": 90000,
             "expiry": "2026-12-25T08:00:00Z", "size": 2, "venue": "Deribit"}]}]}
        """)
        #expect(messages == [])
        let account = try #require(loaded.value?.accounts.first)
        #expect(account.attributes == ["region": .string("EU"), "age_days": .number(400)])
        #expect(account.positions == [
            .spot(.init(asset: "BTC", quantity: 1.5)),
            .spot(.init(asset: "USDC", quantity: -20000, venue: "Binance")),
            .perpetual(.init(asset: "ETH", size: -10, entryPrice: 3300, venue: "OKX")),
            .option(.init(underlying: "BTC", right: .put, strike: 90000,
                          expiry: try #require(Timestamp(iso8601: "2026-12-25T08:00:00Z")), size: 2, venue: "Deribit")),
        ])
    }

    @Test func wrongTypeNamesPathAndLineColumn() {
        let (loaded, messages) = loadBook("""
        {"accounts": [
          {"id": "a", "score": 1, "positions": []},
          {"id": "b", "score": 1, "positions": [
            {"asset": "BTC", "qty": 1},
            {"kind": "perp", "asset": "ETH", "size": "ten", "entry_price": 1, "venue": "OKX"}]}]}
        """)
        #expect(loaded.value == nil)
        #expect(messages == ["error[L0701]: accounts[1].positions[1].size: expected a number, found a string (book.json:5:46)"])
    }

    @Test func misspelledFieldIsAnErrorWithASuggestionAndFixIt() throws {
        let (_, messages) = loadBook(#"{"accounts": [{"id": "a", "score": 1, "positions": [{"asset": "BTC", "qunatity": 1}]}]}"#)
        #expect(messages == [
            "error[L0703]: accounts[0].positions[0]: unknown field `qunatity` (book.json:1:70)",
            "error[L0702]: accounts[0].positions[0]: missing required field `quantity` (book.json:1:53)",
        ])
        let (loaded, _) = loadBook(#"{"accounts": [{"id": "a", "score": 1, "positions": [{"asset": "BTC", "qunatity": 1}]}]}"#)
        #expect(loaded.diagnostics.first?.help == "use `quantity`")
        #expect(loaded.diagnostics.first?.fixIts.first?.edits.first?.replacement == "\"quantity\"")
    }

    @Test func unrelatedUnknownFieldIsAWarningAndDollarKeysAreComments() throws {
        let (loaded, messages) = loadBook(#"{"$schema": "x", "accounts": [{"id": "a", "score": 1, "positions": [], "desk": "rates", "$comment": "hi"}]}"#)
        #expect(messages == ["warning[L0703]: accounts[0]: unknown field `desk` is ignored (book.json:1:72)"])
        #expect(loaded.value?.accounts.count == 1)
    }

    @Test func missingRequiredFieldsAndBadWords() {
        let (_, messages) = loadBook("""
        {"accounts": [{"score": 1, "positions": [
          {"kind": "future", "asset": "BTC"},
          {"kind": "option", "underlying": "BTC", "right": "cal", "strike": -5, "expiry": "2026-13-01", "size": 1},
          {"kind": "perp", "asset": "BTC", "quantity": 1, "size": 1, "entry_price": 1, "venue": "OKX"}]}]}
        """)
        #expect(messages == [
            "error[L0709]: accounts[0].positions[0].kind: unknown value `future` (book.json:2:12)",
            "error[L0709]: accounts[0].positions[1].right: unknown value `cal` (book.json:3:52)",
            "error[L0706]: accounts[0].positions[1].strike: must be positive (book.json:3:69)",
            "error[L0710]: accounts[0].positions[1].expiry: not an RFC 3339 time (book.json:3:83)",
            "error[L0702]: accounts[0].positions[1]: missing required field `venue` (book.json:3:3)",
            "error[L0714]: accounts[0].positions[2].quantity: `quantity` does not apply to a perp position (book.json:4:36)",
            "error[L0702]: accounts[0]: missing required field `id` (book.json:1:15)",
        ])
    }

    @Test func duplicatesAndConflicts() {
        let (_, messages) = loadBook("""
        {"accounts": [
          {"id": "a", "score": 1, "score": 2, "positions": [{"asset": "BTC", "qty": 1, "quantity": 1}]},
          {"id": "a", "score": 1, "positions": []}]}
        """)
        #expect(messages == [
            "error[L0704]: accounts[0]: field `score` appears twice (book.json:2:27)",
            "error[L0711]: accounts[0].positions[0]: `quantity` and `qty` give the same value twice (book.json:2:70)",
            "error[L0707]: accounts[1].id: account id `a` is used twice (book.json:3:10)",
        ])
    }

    @Test func numbersOutOfRangeAndNonNumbers() {
        let (_, messages) = loadBook(#"{"accounts": [{"id": "a", "score": 1e999, "positions": [], "attributes": {"x": true}}]}"#)
        #expect(messages == [
            "error[L0705]: accounts[0].score: number is too large for a 64-bit float (book.json:1:36)",
            "error[L0701]: accounts[0].attributes.x: expected a number, a string, or an object with `value`, `time` and `source`, found a boolean (book.json:1:80)",
        ])
    }

    @Test func unknownAssetFlagsTheAccountInsteadOfDroppingIt() throws {
        let text = #"{"accounts": [{"id": "a", "score": 1, "positions": [{"asset": "BTX", "qty": 1}, {"asset": "ETH", "qty": 2}]}]}"#
        let (strict, messages) = loadBook(text)
        #expect(strict.value == nil)
        #expect(messages == ["error[L0708]: accounts[0].positions[0].asset: asset `BTX` is not in the market snapshot (book.json:1:63)"])
        #expect(strict.diagnostics.first?.help == "use `BTC`")
        let (lenient, _) = loadBook(text, keepGoing: true)
        let account = try #require(lenient.value?.accounts.first)
        #expect(account.flags == .unknownAsset)
        #expect(account.positions.count == 2)
        let columns = BookColumns(book: try #require(lenient.value), market: try #require(testMarket()))
        #expect(columns.asset == [-1, 1])
    }

    @Test func keepGoingRejectsOnlyTheBadAccount() throws {
        let text = """
        {"accounts": [
          {"id": "good1", "score": 700, "positions": [{"asset": "BTC", "qty": 1}]},
          {"id": "bad", "score": "high", "positions": [{"asset": "BTC", "qty": 1}]},
          {"id": "good2", "score": 500, "positions": [{"asset": "ETH", "qty": [1]}]},
          {"id": "good3", "score": 500, "positions": []}]}
        """
        let (strict, strictMessages) = loadBook(text)
        #expect(strict.value == nil)
        #expect(strictMessages.count == 2)
        let (loaded, _) = loadBook(text, keepGoing: true)
        let book = try #require(loaded.value)
        #expect(book.accounts.map(\.id) == ["good1", "good3"])
        #expect(book.rejected.map(\.index) == [1, 2])
        #expect(book.rejected.map(\.id) == ["bad", "good2"])
        #expect(book.rejected[1].diagnostics.map(\.code) == ["L0701"])
    }

    @Test func syntaxErrorsFailEvenWhenKeepingGoing() {
        let (loaded, messages) = loadBook("{\"accounts\": [\n  {\"id\": \"a\", \"score\": 1, \"positions\": [],}]}", keepGoing: true)
        #expect(loaded.value == nil)
        #expect(messages == ["error[L0700]: expected a string key (book.json:2:43)"])
    }

    @Test func documentShapeErrors() {
        #expect(loadBook("[]").1 == ["error[L0701]: expected an object, found an array (book.json:1:1)"])
        #expect(loadBook("{}").1 == ["error[L0702]: missing required field `accounts` (book.json:1:1)"])
        #expect(loadBook(#"{"accounts": {}}"#).1 == ["error[L0701]: accounts: expected an array, found an object (book.json:1:14)"])
    }
}
