import Testing
import LeverCheck
import LeverCompile
import LeverNumerics
import LeverSyntax
@testable import LeverEngine

/// Decision tables against the `if … then … else` chains they stand for: generated tables over a
/// string column and a numeric column (every pattern kind: value lists, intervals open and
/// closed, comparisons, `else`), hit `first` and `unique`, evaluated by the engine on generated
/// accounts, must give what the equivalent chain gives, for every account.
///
/// Tables keyed on a string once never matched when no other part of the policy mentioned the
/// string (its code was looked up, not interned): this is the test that would have caught it.
struct TableDifferentialTests {
    /// The string values rows may name; `"E"` is in books only, never in a row.
    static let words = ["A", "B", "C", "D"]

    struct Row {
        var strings: [String]?          // nil: `else`
        var numeric: (pattern: String, condition: String)?
        var value: Int
    }

    static func pattern(_ row: Row) -> String {
        let s = row.strings.map { $0.map { "\"\($0)\"" }.joined(separator: " | ") } ?? "else"
        return "\(s), \(row.numeric?.pattern ?? "else")"
    }

    static func condition(_ row: Row) -> String {
        var parts: [String] = []
        if let strings = row.strings { parts.append("(" + strings.map { "account.c == \"\($0)\"" }.joined(separator: " or ") + ")") }
        if let numeric = row.numeric { parts.append("(" + numeric.condition + ")") }
        return parts.isEmpty ? "true" : parts.joined(separator: " and ")
    }

    static func numericPattern(_ random: inout SplitMix64) -> (pattern: String, condition: String) {
        let a = Int(random.next() % 100), b = a + 1 + Int(random.next() % 40)
        switch random.next() % 6 {
        case 0: return ("[\(a), \(b))", "account.score >= \(a) and account.score < \(b)")
        case 1: return ("[\(a), \(b)]", "account.score >= \(a) and account.score <= \(b)")
        case 2: return ("(\(a), \(b)]", "account.score > \(a) and account.score <= \(b)")
        case 3: return (">= \(a)", "account.score >= \(a)")
        case 4: return ("< \(a)", "account.score < \(a)")
        default: return ("> \(a)", "account.score > \(a)")
        }
    }

    /// A `hit first` table of two columns and its chain, ending in an `else, else` row.
    static func firstHitPolicy(_ random: inout SplitMix64) -> String {
        var rows: [Row] = []
        for r in 0..<(1 + Int(random.next() % 5)) {
            let strings: [String]? = random.next() % 3 == 0 ? nil
                : Array(Set((0...Int(random.next() % 2)).map { _ in words[Int(random.next() % 4)] })).sorted()
            let numeric = random.next() % 3 == 0 ? nil : numericPattern(&random)
            rows.append(Row(strings: strings, numeric: numeric, value: r + 1))
        }
        rows.append(Row(strings: nil, numeric: nil, value: 99))
        let table = rows.enumerated().map { i, row in "  \(pattern(row)) -> R\(i) { v = \(row.value) }" }
        var chain = "99"
        for row in rows.dropLast().reversed() { chain = "if \(condition(row)) then \(row.value) else \(chain)" }
        return """
        policy "Differential" version "1"
        input account.score in [0, 200]
        class cash
        asset USDC : cash
        table t by account.c, account.score hit first {
        \(table.joined(separator: "\n"))
        }
        measure from_table per account = t.v
        measure from_chain per account = \(chain)
        """
    }

    /// A `hit unique` table over the string column alone: disjoint value lists, then `else`.
    static func uniquePolicy(_ random: inout SplitMix64) -> String {
        var pool = words.shuffled(using: &random)
        var rows: [String] = [], chain = "99"
        var conditions: [(String, Int)] = []
        var r = 0
        while !pool.isEmpty && random.next() % 4 != 0 {
            let take = min(pool.count, 1 + Int(random.next() % 2))
            let group = Array(pool.prefix(take))
            pool.removeFirst(take)
            r += 1
            rows.append("  " + group.map { "\"\($0)\"" }.joined(separator: " | ") + " -> U\(r) { v = \(r) }")
            conditions.append((group.map { "account.c == \"\($0)\"" }.joined(separator: " or "), r))
        }
        rows.append("  else -> Rest { v = 99 }")
        for (c, v) in conditions.reversed() { chain = "if \(c) then \(v) else \(chain)" }
        return """
        policy "Differential" version "1"
        input account.score in [0, 200]
        class cash
        asset USDC : cash
        table t by account.c hit unique {
        \(rows.joined(separator: "\n"))
        }
        measure from_table per account = t.v
        measure from_chain per account = \(chain)
        """
    }

    @Test func generatedTablesAgreeWithIfChains() throws {
        var random = SplitMix64(seed: 2026)
        let market = try #require(MarketLoader.load(SourceFile(id: 1, path: "m.json", text: """
        {"as_of": "2026-11-25T12:00:00Z", "assets": {"USDC": {"price": 1, "vol": 0.01}}}
        """)).value)
        var compared = 0
        for t in 0..<80 {
            let source = t % 4 == 3 ? Self.uniquePolicy(&random) : Self.firstHitPolicy(&random)
            let checked = Checker.check(source: source, path: "t\(t).lever")
            #expect(!checked.diagnostics.hasErrors, "\(source)\n\(checked.diagnostics.map(\.message))")
            guard let compiled = Compiler.compile(checked).0 else { continue }
            let accounts = (0..<80).map { i -> String in
                let score = [0, 1, 39, 40, 41, 99, 100, 139, 140, 200][Int(random.next() % 10)] + (i % 7 == 0 ? Int(random.next() % 60) : 0)
                let c = (Self.words + ["E"])[Int(random.next() % 5)]
                return "{\"id\": \"a\(i)\", \"score\": \(min(score, 200)), \"attributes\": {\"c\": \"\(c)\"}, \"positions\": []}"
            }
            let book = try #require(BookLoader.load(SourceFile(id: 2, path: "b.json", text: "{\"accounts\": [\(accounts.joined(separator: ","))]}"),
                                                    market: market).value)
            let report = MarginEngine(policy: compiled, identity: PolicyIdentity(name: "d", version: "1", hash: ""), horizon: 1.0 / 365)
                .evaluate(book: book, market: market)
            for account in report.accounts {
                let table = report.value("from_table", account: account.id)
                let chain = report.value("from_chain", account: account.id)
                #expect(table == chain, "\(account.id) in\n\(source)")
                #expect(table != .undefined)
                compared += 1
            }
        }
        #expect(compared == 80 * 80)
    }
}
