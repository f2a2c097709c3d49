import Testing
@testable import LeverSyntax

/// Parses `text` as file 0 named `test.lever`.
func parse(_ text: String) -> ParsedFile {
    Parser.parse(SourceFile(id: 0, path: "test.lever", text: text))
}

/// `line:col code message` for each diagnostic, in order.
func located(_ parsed: ParsedFile) -> [String] {
    parsed.diagnostics.map { d in
        let (line, col) = parsed.source.location(of: d.primary.span.start)
        return "\(line):\(col) \(d.code) \(d.message)"
    }
}

struct ParserTests {
    static let design = """
    policy "Cross-venue prime margin" version "2026.11"

    param horizon = 2 days
    param z = 2.33                       // one-sided 99%

    class stable { haircut = 2% }
    class major  { haircut = clamp(z * vol * sqrt(horizon), 10%, 40%) }
    class alt    { haircut = clamp(z * vol * sqrt(horizon), 25%, 100%) }

    asset USDC : stable
    asset BTC  : major
    asset SOL  : alt { haircut += 1% per 1M USD of notional above 5M USD }

    venue Binance { haircut += 3% }      // custody risk of where the asset sits

    margin {
      initial     = max(5%, 0.1% * sqrt(notional / 1 USD))
      maintenance = 60% * initial
      liquidate when health < 1
      close_factor = if health < 0.95 then 100% else 50%
      bonus = 5%
    }

    tiers by account.score {             // a decision table: gaps and overlaps are compile errors
      [800, 1000] -> Prime { credit_line = 5M USD; haircut_discount = 20% }
      [650, 800)  -> Core  { credit_line = 1M USD; haircut_discount = 10% }
      [500, 650)  -> Basic { credit_line = 0 USD }
      [0, 500)    -> Watch { haircut_discount = -10% }
    }

    curve borrow_rate(utilization) = kinked(base: 0%, slope1: 4%, kink: 80%, slope2: 75%)
    curve usdc_rate(utilization)   = points { 0% -> 0%, 90% -> 5%, 100% -> 60% }

    scenario crash   { major: -30%, alt: -50%, vol: +50% }
    scenario squeeze { major: +25%, alt: +60% }

    assert every asset: haircut in [0%, 100%]
    assert maintenance < initial
    """

    @Test func designExampleParsesCleanly() {
        let parsed = parse(Self.design)
        #expect(located(parsed) == [])
        #expect(parsed.policy.header?.name == "Cross-venue prime margin")
        #expect(parsed.policy.header?.version == "2026.11")
        #expect(parsed.policy.declarations.count == 17)
        #expect(parsed.comments.count == 3)
        #expect(parsed.comments.allSatisfy { $0.isTrailing })
    }

    @Test func numbersCarryMagnitudeAndUnit() {
        let parsed = parse("param a = 5M USD\nparam b = 25 bps\nparam c = 8h\nparam d = 1_000.5")
        let values = parsed.policy.declarations.compactMap { decl -> NumberLiteral? in
            if case .param(_, let e) = decl.kind, case .number(let n) = e.kind { return n }
            return nil
        }
        #expect(values.map(\.value) == [5e6, 25, 8, 1000.5])
        #expect(values.map(\.unit?.text) == ["USD", "bps", "h", nil])
        #expect(values.map(\.magnitude) == ["M", nil, nil, nil])
    }

    @Test func precedenceAndAssociativity() {
        let parsed = parse("param a = 1 + 2 * 3 ^ 2 ^ 3 - 4")
        guard case .param(_, let e) = parsed.policy.declarations[0].kind,
              case .binary(.subtract, let lhs, _) = e.kind,
              case .binary(.add, _, let product) = lhs.kind,
              case .binary(.multiply, _, let power) = product.kind,
              case .binary(.power, _, let exponent) = power.kind,
              case .binary(.power, _, _) = exponent.kind
        else {
            Issue.record("unexpected tree")
            return
        }
    }

    @Test func unitMustBeOnTheSameLine() {
        let parsed = parse("class a {\n  x = 2\n  d = 3\n}")
        #expect(located(parsed) == [])
        guard case .classDecl(_, _, let body) = parsed.policy.declarations[0].kind else { return }
        #expect(body.map(\.name.text) == ["x", "d"])
    }

    @Test func recoveryReportsEveryIndependentError() {
        let parsed = parse("""
        param a = 1 +
        param b = (2
        class c { haircut = 2% hair = 3 }
        asset BTC major
        tiers by account.score hit best { [0, 1) -> A }
        param ok = 1
        """)
        #expect(located(parsed) == [
            "2:1 L0112 expected an expression, found `param`",
            "3:1 L0113 expected `)` to close `(`, found `class`",
            "3:24 L0119 expected a line break or `;` before `hair`",
            "4:11 L0110 expected `:` after the asset name (every asset belongs to a class: `asset BTC : major`), found `major`",
            "5:28 L0118 unknown hit policy `best`",
        ])
        #expect(parsed.policy.declarations.compactMap(\.name?.text).contains("ok"))
    }

    @Test func unclosedBlockNamesItsOpener() {
        let parsed = parse("margin {\n  bonus = 5%\n")
        #expect(located(parsed) == ["3:1 L0104 expected `}` to close `{`, found end of file"])
        #expect(parsed.diagnostics[0].secondary.first?.message == "opened here")
    }

    @Test func chainedComparisonIsAnError() {
        #expect(located(parse("assert 1 < 2 < 3")) == ["1:14 L0116 comparisons cannot be chained"])
    }

    @Test func unknownUnitSuggestsTheClosest() {
        let parsed = parse("param a = 5 USDD\nparam b = 2dys")
        #expect(located(parsed) == ["1:13 L0111 expected a declaration, found `USDD`", "2:12 L0114 unknown unit `dys`"])
        #expect(parsed.diagnostics[1].help == "use `days`")
    }

    @Test func deepNestingIsReportedNotACrash() {
        let depth = 10_000
        let text = "param p = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        let parsed = parse(text)
        #expect(parsed.diagnostics.map(\.code) == ["L0115"])
        let unary = parse("param p = " + String(repeating: "-", count: depth) + "1")
        #expect(unary.diagnostics.map(\.code) == ["L0115"])
        let nots = parse("param p = " + String(repeating: "not ", count: depth) + "true")
        #expect(nots.diagnostics.map(\.code) == ["L0115"])
    }

    @Test func binaryAndEmptyInputs() {
        #expect(parse("").diagnostics.isEmpty)
        let binary = Parser.parse(SourceFile(id: 0, path: "x", bytes: [0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]))
        #expect(binary.diagnostics.map(\.code) == ["L0100"])
    }

    @Test func multiColumnTableWithCategories() {
        let parsed = parse("""
        table cap by account.region, account.score hit first {
          "EU" | "UK", [0, 500) -> Small { cap = 1M USD }
          else, >= 500          -> Large
        }
        """)
        #expect(located(parsed) == [])
        guard case .table(let t) = parsed.policy.declarations[0].kind else { return }
        #expect(t.keys.count == 2 && t.rows.count == 2 && t.hit == .first)
        #expect(t.rows.map(\.label.text) == ["Small", "Large"])
    }
}

struct LongChainTests {
    /// A long sum is not deep nesting: generated policies write them, and they parse whatever
    /// their length. Member chains (`a.b.c`) still count as nesting.
    @Test func longOperatorChainsParse() {
        let sum = "param a = 1" + String(repeating: " + 1", count: 100_000) + "\nparam b = 2"
        let parsed = parse(sum)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.policy.declarations.compactMap(\.name?.text) == ["a", "b"])
        let path = "param p = account" + String(repeating: ".x", count: 50_000)
        #expect(parse(path).diagnostics.map(\.code) == ["L0115"])
    }

    /// Equality, hashing and freeing walk a 100,000-level tree in a loop, not by recursion.
    @Test func longChainsCompareAndHash() {
        let sum = "param a = 1" + String(repeating: " + 1", count: 100_000)
        let (x, y) = (parse(sum).policy, parse(sum).policy)
        #expect(x == y)
        #expect(x.hashValue == y.hashValue)
        #expect(x != parse(sum + " + 2").policy)
        #expect(x != parse(sum.replacingOccurrences(of: "param a = 1 +", with: "param a = 2 +")).policy)
    }

    @Test func realNestingIsStillCapped() {
        let parens = "param a = " + String(repeating: "(", count: 201) + "1" + String(repeating: ")", count: 201)
        #expect(parse(parens).diagnostics.map(\.code) == ["L0115"])
        let conditionals = "param a = " + String(repeating: "if true then 1 else ", count: 201) + "1"
        #expect(parse(conditionals).diagnostics.map(\.code) == ["L0115"])
        let within = "param a = " + String(repeating: "(", count: 150) + "1" + String(repeating: " + 1)", count: 150)
        #expect(parse(within).diagnostics.isEmpty)
    }
}

@Suite struct NumberLiteralLimitTests {
    /// `1e400` is not a number a policy can mean: an error, not a silent +∞.
    @Test func aLiteralBeyondDoubleIsAnError() {
        let parsed = Parser.parse(SourceFile(id: 0, path: "t.lever", text: "param big = 1e400\nparam ok = 1.7e308\nparam huge = 1e306B\n"))
        #expect(parsed.diagnostics.map(\.code) == ["L0120", "L0120"])
        #expect(parsed.diagnostics.first?.message == "number `1e400` is too large")
    }
}
