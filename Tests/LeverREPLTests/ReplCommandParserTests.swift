import Testing
@testable import LeverREPL

@Suite struct ReplCommandParserTests {
    static let cases: [(String, ReplCommand)] = [
        (":load Rules/prime.lever", .load("Rules/prime.lever")),
        ("  :reload  ", .reload),
        (":market m.json", .market("m.json")),
        (":book b.json", .book("b.json")),
        (":type z * 2", .type("z * 2")),
        (":explain fund-a", .explain("fund-a")),
        (":explain fund-a.borrowing_power", .explain("fund-a.borrowing_power")),
        (":explain collateral / debt", .explain("collateral / debt")),
        (":account fund-a", .account("fund-a")),
        (":account", .account(nil)),
        (":eval", .eval(account: nil)),
        (":eval fund-a", .eval(account: "fund-a")),
        (":remedy trader-tundra", .remedy("trader-tundra")),
        (":set BTC.price = 50_000", .set(asset: "BTC", field: .price, value: 50_000)),
        (":set ETH.vol=0.9", .set(asset: "ETH", field: .vol, value: 0.9)),
        (":set USDC.utilization = 85%", .set(asset: "USDC", field: .utilization, value: 0.85)),
        (":set SOL.price = 100 USD", .set(asset: "SOL", field: .price, value: 100)),
        (":set BTC.price = 97.5k USD", .set(asset: "BTC", field: .price, value: 97_500)),
        (":set ETH.vol = 90%", .set(asset: "ETH", field: .vol, value: 0.9)),
        (":set USDC.utilization = 8500 bps", .set(asset: "USDC", field: .utilization, value: 0.85)),
        (":shock crash", .shock("crash")),
        (":reset", .reset),
        (":plot borrow_rate", .plot("borrow_rate")),
        (":plot 2 * x", .plot("2 * x")),
        (":help", .help),
        (":quit", .quit),
        (":q", .quit),
    ]

    @Test(arguments: cases) func parses(_ text: String, _ expected: ReplCommand) throws {
        #expect(try ReplCommandParser.parse(text).get() == expected)
    }

    static let setUsage = ":set needs ASSET.FIELD = VALUE (FIELD is price, vol or utilization; "
        + "e.g. :set SOL.price = 100 USD, :set ETH.vol = 90%)"

    static let errors: [(String, String)] = [
        (":load", ":load needs FILE"),
        (":type   ", ":type needs EXPR"),
        (":set BTC.price", Self.setUsage),
        (":set BTC.supply = 3", "cannot set `BTC.supply`: a what-if sets price, vol or utilization"),
        (":set BTC.prize = 3", "cannot set `BTC.prize` (did you mean `price`?): a what-if sets price, vol or utilization"),
        (":set BTC.price = lots", Self.setUsage),
        (":set ETH.vol = 90 USD", "`vol` is not a USD amount: write it as a number or a percentage"),
        (":reset now", ":reset takes no argument"),
        (":bogus", "unknown command `:bogus`; type :help for the list"),
        (":quti", "unknown command `:quti` (did you mean `:quit`?); type :help for the list"),
    ]

    @Test(arguments: errors) func rejects(_ text: String, _ message: String) {
        #expect(ReplCommandParser.parse(text) == .failure(ReplCommandError(message)))
    }

    @Test func helpHasOneLinePerCommand() {
        let lines = ReplCommandParser.help.split(separator: "\n")
        let named = Set(lines.compactMap { $0.split(separator: " ").first.map { String($0.dropFirst()) } })
        #expect(named == Set(ReplCommandParser.names.filter { $0 != "q" }))
        #expect(lines.count == ReplCommandParser.names.count)
    }
}
