import Testing
import Lever

/// Long flat expressions, as generated policies write them: a sum of 10,000 terms is 10,000
/// levels of left nesting but no deep nesting, so it must check, format (idempotently), compile
/// and evaluate, and every walk over it must loop along the chain rather than recurse. Run in a
/// debug build, where each stack frame is largest.
@Suite struct LongExpressionTests {
    static let terms = 10_000

    static func chain(_ term: String, _ op: String) -> String {
        Array(repeating: term, count: terms).joined(separator: " \(op) ")
    }

    static let policy = LendingFixture.policy + """

        param long_sum = \(chain("1", "+"))
        measure long_collateral per account = \(chain("collateral", "+"))
        measure long_position per position = \(chain("notional", "+"))
        measure long_alternating per account = collateral\(String(repeating: " - debt + debt", count: terms / 2))
        measure long_product per account = \(chain("1", "*")) * debt
        measure long_or per account = \(chain("debt > 1 USD", "or"))
        measure long_and per account = \(chain("debt >= 0 USD", "and"))
        measure long_filter per account = sum(notional where \(chain("notional > 0 USD", "or")))
        measure long_argument per account = sum(\(chain("notional", "+")))
        assert every asset: \(chain("haircut >= 0%", "or"))

        """

    @Test func checksAndFolds() throws {
        let checked = Checker.check(source: Self.policy, path: "long.lever")
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics.prefix(3).map(\.message))")
        let sum = try #require(checked.symbols.param("long_sum"))
        #expect(ConstantFolder(symbols: checked.symbols).fold(sum) == Double(Self.terms))
    }

    @Test func formatsIdempotentlyWithTheSameTree() {
        let parsed = Parser.parse(SourceFile(id: 0, path: "long.lever", text: Self.policy))
        #expect(parsed.diagnostics.isEmpty)
        let once = Formatter.format(parsed)
        let reparsed = Parser.parse(SourceFile(id: 0, path: "long.lever", text: once))
        #expect(reparsed.diagnostics.isEmpty)
        #expect(Formatter.format(reparsed) == once)
        #expect(ASTDump.dump(reparsed.policy) == ASTDump.dump(parsed.policy))
    }

    @Test func compilesAndEvaluates() throws {
        let engine = try #require(Lever.loadPolicy(source: Self.policy, path: "long.lever").engine)
        let (book, market) = try #require(LendingFixture.inputs())
        let report = Lever.evaluate(engine, book: book, market: market)
        func number(_ output: String, _ account: String) throws -> Double {
            let column = try #require(engine.policy.output(output))
            let row = try #require(report.accounts.first { $0.id == account })
            guard case .number(let x) = row.values[column] else { throw Unexpected(value: "\(row.values[column])") }
            return x
        }
        for account in ["nodebt", "call", "deep"] {
            let collateral = try number("collateral", account), debt = try number("debt", account)
            // The same additions in the same order as the engine, so the sums agree to the bit.
            var sum = 0.0, alternating = collateral
            for _ in 0..<Self.terms { sum += collateral }
            for _ in 0..<(Self.terms / 2) { alternating = alternating - debt + debt }
            #expect(try number("long_collateral", account) == sum)
            #expect(try number("long_alternating", account) == alternating)
            #expect(try number("long_product", account) == debt)
        }
        let call = try #require(report.accounts.first { $0.id == "call" })
        let nodebt = try #require(report.accounts.first { $0.id == "nodebt" })
        let or = try #require(engine.policy.output("long_or")), and = try #require(engine.policy.output("long_and"))
        #expect(call.values[or] == .flag(true) && nodebt.values[or] == .flag(false))
        #expect(call.values[and] == .flag(true))
        // ETH 1 × 2000 and USDC 1200: every notional is positive.
        #expect(try number("long_filter", "call") == 3200)
        // The chain as an aggregate's argument (the checker looked for a grouped aggregate in it
        // by recursion, which a debug build's stack did not hold).
        var argument = 0.0
        for notional in [2000.0, 1200] {
            var chain = 0.0
            for _ in 0..<Self.terms { chain += notional }
            argument += chain
        }
        #expect(try number("long_argument", "call") == argument)
        #expect(!report.hasFindings)
    }

    @Test func explainsALongMeasure() throws {
        let loaded = Lever.loadPolicy(source: Self.policy, path: "long.lever")
        let engine = try #require(loaded.engine)
        let (book, market) = try #require(LendingFixture.inputs())
        let tree = try #require(Explainer(engine: engine, sources: loaded.sources)
            .explain(account: "call", book: book, market: market, measure: "long_collateral"))
        #expect(tree.rendered().contains("long_collateral"))
    }

    struct Unexpected: Error { var value: String }
}
