import Foundation
import LeverSyntax
import Testing
@testable import LeverEngine

/// Plain spot balances (`{"asset", "qty"|"quantity", "venue"?}`) are read straight from the
/// bytes, a whole `positions` array at a time; anything else goes to the general decoder. The
/// two must agree on every book: each case is loaded as written and again with `"kind": "spot"`
/// put in every position (which only the general decoder reads), and the accounts, the rejected
/// accounts and the diagnostics (but for their columns) must be the same.
@Suite struct PlainSpotTests {
    static let cases: [String] = [
        #"[{"asset":"BTC","qty":1.5},{"asset":"ETH","quantity":-2e3}]"#,
        #"[ { "asset" : "BTC" , "qty" : 1.5 , "venue" : "Binance" } ,{"venue":"OKX","qty":0.25,"asset":"USDC"}]"#,
        "[\n  {\"asset\": \"BTC\",\n   \"qty\": 3}\n]",
        #"[{"asset":"BTC","qty":1},{"kind":"perp","asset":"ETH","size":-10,"entry_price":3300,"venue":"OKX"},{"asset":"USDC","qty":5}]"#,
        #"[{"asset":"B\u0054C","qty":1}]"#,
        #"[{"asset":"BTC","asset":"ETH","qty":1}]"#,
        #"[{"asset":"BTC","qty":1,"qty":2}]"#,
        #"[{"asset":"BTC","qty":1,"quantity":2}]"#,
        #"[{"asset":"XYZ","qty":1}]"#,
        #"[{"asset":"","qty":1}]"#,
        #"[{"asset":"BTC","qty":1e400}]"#,
        #"[{"asset":"BTC","qty":-0},{"asset":"ETH","qty":0.000123},{"asset":"USDC","qty":123456789012345678901234}]"#,
        #"[{"asset":"BTC","qty":1E5},{"asset":"ETH","qty":0.1000000000000000055511151231257827},{"asset":"USDC","qty":97250.50000000001}]"#,
        #"[{"asset":"BTC","qty":160001.89643870218},{"asset":"ETH","qty":12345678.12345678},{"asset":"USDC","qty":99999999.99999999}]"#,
        #"[{"asset":"BTC"}]"#,
        #"[{"asset":"BTC","qty":"1"}]"#,
        #"[{"asset":"BTC","qty":1,"venue":"Bìnance"}]"#,
        #"[{"asset":"BTC","qty":1,"note":"x"}]"#,
        #"[{"asset":"BTC","qty":01}]"#,
        #"[{"asset":"BTC","qty":1.}]"#,
        #"[]"#,
        #"[{"asset":"BTC","qty":1},]"#,
        #"[{"asset":"BTC","qty":1}"#,
        #"[{"asset":"BTC","qty":1} {"asset":"ETH","qty":1}]"#,
        #"[{"asset":"BTC" "qty":1}]"#,
        #"[{"asset":"BT\"C","qty":1}]"#,
    ]

    /// Every position object of `positions` with `"kind": "spot"` first.
    static func general(_ positions: String) -> String {
        positions.replacingOccurrences(of: "{", with: #"{"kind": "spot", "#)
            .replacingOccurrences(of: #""kind": "spot", "kind":"perp""#, with: #""kind":"perp""#)
    }

    static func book(_ positions: String) -> String {
        #"{"accounts": [{"id": "a", "score": 700, "positions": "# + positions + #"}, {"id": "b", "score": 1, "positions": [{"asset": "ETH", "qty": 2}]}]}"#
    }

    /// The accounts, their warnings without places (the added member moves them).
    static func comparable(_ book: Book?) -> [Account]? {
        book?.accounts.map { account in
            var account = account
            account.warnings = account.warnings.map { warning in
                var warning = warning
                warning.primary.span = .synthetic
                warning.fixIts = []
                return warning
            }
            return account
        }
    }

    /// Diagnostics without their columns (the added member moves them).
    static func lines(_ messages: [String]) -> [String] {
        messages.map { $0.replacingOccurrences(of: #"book\.json:(\d+):\d+"#, with: "book.json:$1", options: .regularExpression) }
    }

    @Test(arguments: cases)
    func thePlainPathReadsAsTheGeneralOne(_ positions: String) {
        for keepGoing in [false, true] {
            let (plain, plainMessages) = loadBook(Self.book(positions), keepGoing: keepGoing)
            let (general, generalMessages) = loadBook(Self.book(Self.general(positions)), keepGoing: keepGoing)
            #expect(Self.comparable(plain.value) == Self.comparable(general.value), "\(positions)")
            #expect(plain.value?.rejected.map(\.id) == general.value?.rejected.map(\.id))
            #expect(Self.lines(plainMessages) == Self.lines(generalMessages), "\(positions)")
        }
    }

    /// Whole accounts, read as written and again with `"attributes": {}` in each (which only
    /// the general decoder reads): ids repeated, escaped, empty or of the wrong type, members in
    /// any order, missing or repeated, and other members.
    static let accounts: [String] = [
        #"{"id":"a","score":700,"positions":[{"asset":"BTC","qty":1}]}, {"id":"b","score":1,"positions":[{"asset":"ETH","qty":2}]}"#,
        #"{"positions":[{"asset":"BTC","qty":1}],"score":700,"id":"a"}, { "score" : 5 , "id" : "b" , "positions" : [ {"asset":"ETH","qty":2} ] }"#,
        #"{"id":"a","score":700,"positions":[{"asset":"BTC","qty":1}]}, {"id":"a","score":1,"positions":[{"asset":"ETH","qty":2}]}"#,
        #"{"id":"a","score":700,"positions":[{"asset":"BTC","qty":1}]}, {"id":"a","score":1,"positions":[{"asset":"ETH","qty":2}]}"#,
        #"{"id":"","score":700,"positions":[{"asset":"BTC","qty":1}]}"#,
        #"{"id":7,"score":700,"positions":[{"asset":"BTC","qty":1}]}"#,
        #"{"id":"a","score":"high","positions":[{"asset":"BTC","qty":1}]}"#,
        #"{"id":"a","score":1e999,"positions":[{"asset":"BTC","qty":1}]}"#,
        #"{"id":"a","positions":[{"asset":"BTC","qty":1}]}"#,
        #"{"id":"a","score":700}"#,
        #"{"id":"a","score":700,"score":1,"positions":[{"asset":"BTC","qty":1}]}"#,
        #"{"id":"a","score":700,"positions":[{"asset":"BTC","qty":1}],"positions":[]}"#,
        #"{"id":"a","score":700,"positions":[{"asset":"BTC","qty":1}],"$note":"x"}"#,
        #"{"id":"a","score":700,"positions":[{"asset":"BTC","qty":1}],"region":"EU"}"#,
        #"{"id":"a","score":700,"positions":[{"asset":"XYZ","qty":1}]}, {"id":"b","score":1,"positions":[{"asset":"ETH","qty":2}]}"#,
        #"{"id":"a","score":700,"positions":[{"asset":"BTC","qty":1}]} {"id":"b","score":1,"positions":[]}"#,
        #"{"id":"a","score":700,"positions":[{"asset":"BTC","qty":1}],}"#,
        #"{"id":"ä","score":700,"positions":[{"asset":"BTC","qty":1}]}"#,
    ]

    @Test(arguments: accounts)
    func thePlainAccountPathReadsAsTheGeneralOne(_ accounts: String) {
        let general = accounts.replacingOccurrences(of: #"{"id""#, with: #"{"attributes": {}, "id""#)
            .replacingOccurrences(of: #"{"positions""#, with: #"{"attributes": {}, "positions""#)
            .replacingOccurrences(of: #"{ "score""#, with: #"{"attributes": {}, "score""#)
        for keepGoing in [false, true] {
            let (plain, plainMessages) = loadBook(#"{"accounts": ["# + accounts + "]}", keepGoing: keepGoing)
            let (read, generalMessages) = loadBook(#"{"accounts": ["# + general + "]}", keepGoing: keepGoing)
            #expect(Self.comparable(plain.value) == Self.comparable(read.value), "\(accounts)")
            #expect(plain.value?.rejected.map(\.id) == read.value?.rejected.map(\.id))
            #expect(Self.lines(plainMessages) == Self.lines(generalMessages), "\(accounts)")
        }
    }

    /// With a string limit below a member's name, the member is the general decoder's to report
    /// (L0722), however plain the account.
    @Test func aKeyOverTheStringLimitIsReported() {
        var limits = InputLimits.standard
        limits.maxStringLength = 4
        let text = #"{"accounts": [{"id": "a", "score": 1, "positions": [{"asset": "BTC", "qty": 1}]}]}"#
        let loaded = BookLoader.load(SourceFile(id: 0, path: "book.json", text: text), market: testMarket(),
                                     options: LoadOptions(limits: limits))
        #expect(loaded.value == nil)
        #expect(loaded.diagnostics.contains { $0.code == "L0722" })
    }

    @Test func thePlainPathKeepsEveryDigit() throws {
        let (loaded, messages) = loadBook(Self.book(Self.cases[13]))
        #expect(messages == [])
        let account = try #require(loaded.value?.accounts.first)
        #expect(account.positions.map(\.quantity) == [160001.89643870218, 12345678.12345678, 99999999.99999999])
    }
}
