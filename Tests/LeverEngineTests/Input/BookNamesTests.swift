import LeverSyntax
import Testing
@testable import LeverEngine

/// The names of a small prime policy: what a book is checked against when it loads with one.
/// `jurisdiction` is compared with "US" and "EU" only; `age` is read as a number.
let primeNames = PolicyNames(assets: ["USDC", "BTC", "ETH", "AVAX"], venues: ["Custody", "Coinbase", "Binance", "OKX", "Bybit"],
                             attributes: ["age", "jurisdiction"], attributeValues: ["jurisdiction": ["EU", "US"]])

/// Loads `text` as `book.json` checked against `primeNames` (and no market).
func loadChecked(_ text: String, keepGoing: Bool = false) -> (Loaded<Book>, [String]) {
    var sources = SourceMap()
    let file = sources.add(path: "book.json", text: text)
    let loaded = BookLoader.load(file, policy: primeNames, options: LoadOptions(keepGoing: keepGoing))
    return (loaded, loaded.diagnostics.map { $0.inputSummary(in: sources) })
}

@Suite struct BookNamesTests {
    static let misspeltVenue = """
    {"accounts": [
      {"id": "good", "score": 700, "positions": [{"asset": "BTC", "quantity": 1, "venue": "Binance"}]},
      {"id": "typo", "score": 700, "positions": [
        {"asset": "USDC", "quantity": 100},
        {"asset": "BTC", "quantity": 1, "venue": "Binanse"}]},
      {"id": "other", "score": 500, "positions": [{"asset": "ETH", "quantity": 2}]}]}
    """

    @Test func anUndeclaredVenueIsALocatedErrorWithASuggestion() throws {
        let (loaded, messages) = loadChecked(Self.misspeltVenue)
        #expect(loaded.value == nil)
        #expect(messages == ["error[L0715]: accounts[1].positions[1].venue: venue `Binanse` is not declared in the policy (book.json:5:46)"])
        let d = try #require(loaded.diagnostics.first)
        #expect(d.help == "use `Binance`")
        #expect(d.fixIts.first?.edits.first?.replacement == "\"Binance\"")
        #expect(d.notes.first == "the policy declares `Custody`, `Coinbase`, `Binance`, `OKX`, `Bybit`")
    }

    @Test func withKeepGoingOnlyThatAccountIsLeftOutAndItsNoteKeepsTheSuggestion() throws {
        let (loaded, _) = loadChecked(Self.misspeltVenue, keepGoing: true)
        let book = try #require(loaded.value)
        #expect(book.accounts.map(\.id) == ["good", "other"])
        #expect(book.rejected.map(\.id) == ["typo"])
        #expect(book.rejected.first?.index == 1)
        let report = AccountReport(rejected: try #require(book.rejected.first))
        #expect(!report.evaluated)
        #expect(report.notes == [AccountNote(severity: .error, message:
            "accounts[1].positions[1].venue: venue `Binanse` is not declared in the policy; use `Binance`")])
    }

    @Test func aVenueNothingIsCloseToSaysHowToFixIt() throws {
        let (loaded, messages) = loadChecked(#"{"accounts": [{"id": "a", "score": 1, "positions": [{"asset": "BTC", "quantity": 1, "venue": "self-custody"}]}]}"#)
        #expect(messages == ["error[L0715]: accounts[0].positions[0].venue: venue `self-custody` is not declared in the policy (book.json:1:94)"])
        #expect(loaded.diagnostics.first?.help
            == "fix the name, or declare the venue in the policy (`venue NAME`); a spot balance held on no venue leaves `venue` out")
        #expect(loaded.diagnostics.first?.fixIts.isEmpty == true)
    }

    @Test func everyPositionKindHasItsVenueChecked() {
        let (_, messages) = loadChecked("""
        {"accounts": [{"id": "a", "score": 1, "positions": [
          {"kind": "perp", "asset": "BTC", "size": 1, "entry_price": 1, "venue": "Deribit"},
          {"kind": "option", "underlying": "ETH", "right": "put", "strike": 1, "expiry": "2026-12-25", "size": 1, "venue": "OKX"}]}]}
        """)
        #expect(messages == ["error[L0715]: accounts[0].positions[0].venue: venue `Deribit` is not declared in the policy (book.json:2:74)"])
    }

    @Test func anUndeclaredAssetTellsToDeclareItOrFixTheSpelling() throws {
        let (loaded, messages) = loadChecked("""
        {"accounts": [{"id": "a", "score": 1, "positions": [
          {"asset": "BTX", "quantity": 1},
          {"kind": "option", "underlying": "XRP", "right": "call", "strike": 1, "expiry": "2026-12-25", "size": 1, "venue": "OKX"}]}]}
        """)
        #expect(messages == [
            "error[L0716]: accounts[0].positions[0].asset: asset `BTX` is not declared in the policy (book.json:2:13)",
            "error[L0716]: accounts[0].positions[1].underlying: asset `XRP` is not declared in the policy (book.json:3:36)",
        ])
        #expect(loaded.diagnostics.map(\.help) == ["use `BTC`", "fix the symbol, or declare the asset in the policy (`asset XRP : CLASS`)"])
        #expect(loaded.diagnostics.allSatisfy { !($0.help ?? "").contains("market") }, "the market file is not where assets are declared")
    }

    /// AVAX is declared but the book is not checked against a market: a borrowed (or held) asset
    /// missing from the snapshot is the oracle rule's business at evaluation, not a load error.
    @Test func aDeclaredAssetNeedsNoQuoteToLoad() throws {
        var sources = SourceMap()
        let market = try #require(MarketLoader.load(sources.add(path: "market.json", text: testMarketText)).value)
        let file = sources.add(path: "book.json", text: #"{"accounts": [{"id": "a", "score": 1, "positions": [{"asset": "AVAX", "quantity": -5}, {"asset": "BTC", "quantity": 1}]}]}"#)
        let loaded = BookLoader.load(file, policy: primeNames, market: market)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.value?.accounts.first?.flags == [])
    }

    @Test func aSpotBalanceWithNoVenueIsFine() {
        let (loaded, messages) = loadChecked(#"{"accounts": [{"id": "a", "score": 1, "positions": [{"asset": "BTC", "quantity": 1}]}]}"#)
        #expect(messages == [])
        #expect(loaded.value?.accounts.count == 1)
    }

    @Test func anAttributeValueThePolicyNeverNamesIsAWarningOnTheAccount() throws {
        let (loaded, messages) = loadChecked("""
        {"accounts": [
          {"id": "lower", "score": 1, "attributes": {"jurisdiction": "us"}, "positions": []},
          {"id": "uk", "score": 1, "attributes": {"jurisdiction": "UK", "age": 40}, "positions": []},
          {"id": "eu", "score": 1, "attributes": {"jurisdiction": "EU", "desk": "macro"}, "positions": []}]}
        """)
        #expect(messages == [
            #"warning[L0717]: accounts[0].attributes.jurisdiction: the policy never compares `account.jurisdiction` with "us" (book.json:2:62)"#,
        ])
        let book = try #require(loaded.value, "warnings do not fail the load")
        #expect(book.accounts.map(\.id) == ["lower", "uk", "eu"])
        let lower = try #require(book.accounts.first?.warnings.first)
        #expect(lower.help == #"use "US""#)
        #expect(lower.fixIts.first?.edits.first?.replacement == #""US""#)
        #expect(lower.notes == [#"it compares it with "EU", "US"; only `else` rows and `!=` accept another value"#])
        // A two-letter code one letter from a named one is another code, not a typo: no warning
        // (an `else` row takes it; where none does, evaluation names the unmatched key itself).
        #expect(book.accounts[1].warnings.isEmpty)
        #expect(book.accounts[2].warnings.isEmpty)
    }

    @Test func aNumberWhereThePolicyComparesStringsIsAnError() {
        // Strings are compared by code: a number could equal a string's code and match its row.
        let (loaded, messages) = loadChecked("""
        {"accounts": [{"id": "number", "score": 1, "attributes": {"jurisdiction": 1}, "positions": []}]}
        """)
        #expect(messages == [
            "error[L0723]: accounts[0].attributes.jurisdiction: a number where the policy compares `account.jurisdiction` with strings (book.json:1:75)",
        ])
        #expect(loaded.value == nil)
    }

    @Test func anAttributeNameCloseToOneThePolicyReadsIsAWarningUnlessBothAreSet() {
        let (_, messages) = loadChecked("""
        {"accounts": [
          {"id": "typo", "score": 1, "attributes": {"jurisdicton": "US"}, "positions": []},
          {"id": "both", "score": 1, "attributes": {"jurisdiction": "US", "jurisdicton": "EU"}, "positions": []},
          {"id": "other", "score": 1, "attributes": {"region": "US"}, "positions": []}]}
        """)
        #expect(messages == ["warning[L0718]: accounts[0].attributes.jurisdicton: the policy does not read `account.jurisdicton` (book.json:2:45)"])
    }

    @Test func withoutAPolicyNothingIsCheckedButTheMarket() {
        let (loaded, messages) = loadBook(#"{"accounts": [{"id": "a", "score": 1, "attributes": {"jurisdiction": "us"}, "positions": [{"asset": "BTC", "quantity": 1, "venue": "Binanse"}]}]}"#)
        #expect(messages == [])
        #expect(loaded.value?.accounts.first?.warnings == [])
    }
}
