import Foundation
import Testing
import LeverCheck
import LeverSyntax
@testable import LeverEngine

/// The shared margin workload (../shared/workloads/margin) written as `Rules/margin_workload.lever`
/// must reproduce the Python reference to 1e-9 relative on every account. The reference results
/// are copied into Fixtures/margin/*.expected.json (made with the workload's `workload.py`), so
/// the test runs on any machine.
struct WorkloadAgreementTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/LeverEngineTests/Fixtures/margin")

    static func engine() throws -> MarginEngine {
        let checked = Checker.check(path: root.appendingPathComponent("Rules/margin_workload.lever").path)
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics.map(\.message))")
        let (compiled, diagnostics) = Compiler.compile(checked)
        let policy = try #require(compiled, "\(diagnostics.map(\.message))")
        return MarginEngine(policy: policy, identity: PolicyIdentity(name: "workload", version: "", hash: ""),
                            horizon: 1.0 / 365)
    }

    static func load(_ name: String) throws -> (Book, MarketSnapshot) {
        var sources = SourceMap()
        let market = try MarketLoader.load(path: fixtures.appendingPathComponent("market.json").path, into: &sources)
        let m = try #require(market.value, "\(market.diagnostics.map(\.message))")
        let book = try BookLoader.load(path: fixtures.appendingPathComponent(name).path, into: &sources, market: m)
        return (try #require(book.value, "\(book.diagnostics.map(\.message))"), m)
    }

    static func expected(_ name: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b))
    }

    /// Compares every account; returns the mismatches as readable lines.
    static func mismatches(_ report: Report, _ want: [[String: Any]]) -> [String] {
        var bad: [String] = []
        for (i, account) in report.accounts.enumerated() {
            let w = want[i]
            func number(_ output: String) -> Double? {
                guard let k = report.index(of: output), case .number(let x) = account.values[k] else { return nil }
                return x
            }
            func label(_ output: String) -> String? {
                guard let k = report.index(of: output), case .label(let s) = account.values[k] else { return nil }
                return s
            }
            for field in ["collateral", "debt", "interest"] {
                let got = number(field) ?? .nan, exp = (w[field] as? Double) ?? .nan
                if !close(got, exp) { bad.append("\(account.id) \(field): got \(got), want \(exp)") }
            }
            let health = number("health") ?? .nan
            if let exp = w["health"] as? Double {
                if !close(health, exp) { bad.append("\(account.id) health: got \(health), want \(exp)") }
            } else if health != .infinity {
                bad.append("\(account.id) health: got \(health), want infinite")
            }
            if label("tier") != w["tier"] as? String { bad.append("\(account.id) tier: got \(label("tier") ?? "-")") }
            if label("status") != w["status"] as? String { bad.append("\(account.id) status: got \(label("status") ?? "-")") }
        }
        return bad
    }

    @Test func edgeCasesAgree() throws {
        let (book, market) = try Self.load("edge_cases.json")
        let report = try Self.engine().evaluate(book: book, market: market)
        let want = try Self.expected("edge_cases.expected.json")
        #expect(report.accounts.count == want.count)
        let bad = Self.mismatches(report, want)
        #expect(bad.count == 0, "\(bad.prefix(10).joined(separator: "\n"))")
    }

    @Test func tenThousandAccountsAgreeAtAnyThreadCount() throws {
        let (book, market) = try Self.load("accounts_10000.json")
        let engine = try Self.engine()
        let want = try Self.expected("accounts_10000.expected.json")
        let one = engine.evaluate(book: book, market: market, threads: 1)
        #expect(one.accounts.count == 10_000)
        let bad = Self.mismatches(one, want)
        #expect(bad.count == 0, "\(bad.count) mismatches, first: \(bad.prefix(10).joined(separator: "\n"))")
        let two = engine.evaluate(book: book, market: market, threads: 2)
        #expect(one.accounts == two.accounts)
    }
}
