import Foundation
import Testing
import LeverCheck
import LeverSyntax
@testable import LeverEngine

/// The shipped policies under `Rules/`, evaluated by the engine and by the reference on a
/// generated market and book over each policy's own assets and venues.
struct ShippedPolicyReferenceTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let policies = ["prime.lever", "lending.lever", "margin_workload.lever"]

    @Test(arguments: policies)
    func shippedPolicyAgreesWithTheReference(file: String) throws {
        let checked = Checker.check(path: Self.root.appendingPathComponent("Rules/\(file)").path)
        #expect(checked.isValid, "\(checked.diagnostics.filter { $0.severity == .error }.map(\.message))")
        let symbols = checked.symbols
        let boundaries = symbols.table("tier").map(Self.boundaries) ?? []
        var data = MarketBookGenerator(random: SeededRandom(seed: UInt64(file.utf8.count) &* 977),
                                       assets: symbols.names(.asset), venues: symbols.names(.venue),
                                       boundaries: boundaries)
        let (compiled, compileDiagnostics) = Compiler.compile(checked)
        guard compiled != nil else {
            Issue.record("the compiler refuses \(file): \(compileDiagnostics.map { "\($0.code) \($0.message)" })")
            return
        }
        var total = ReferenceComparison()
        for round in 0..<4 {
            let market = data.market()
            let book = data.book(accounts: 200)
            let (comparison, _) = try #require(ReferenceComparison.run(checked: checked, book: book, market: market,
                                                                       horizon: Double(round * 10 + 1) / 365))
            total.compared += comparison.compared
            total.accounts += comparison.accounts
            total.disagreements += comparison.disagreements
            total.tally.merge(comparison.tally, uniquingKeysWith: +)
        }
        print("\(file): \(total.accounts) accounts, \(total.compared) values compared, \(total.disagreements.count) disagreements; \(total.tally.sorted { $0.key < $1.key })")
        #expect(total.compared > 1_000)
        #expect(total.disagreements.isEmpty, "\(total.disagreements.prefix(10))")
    }

    /// The sample market and book of the quick start (`Rules/sample`), under prime.lever (the
    /// policy they are written for): the reference agrees on every account, and the engine's
    /// report is identical at 1, 2, 3 and 4 threads.
    @Test func sampleBookAgreesWithTheReference() throws {
        let sample = Self.root.appendingPathComponent("Rules/sample")
        let marketText = try String(contentsOf: sample.appendingPathComponent("market.json"), encoding: .utf8)
        let bookText = try String(contentsOf: sample.appendingPathComponent("book.json"), encoding: .utf8)
        let market = try #require(MarketLoader.load(SourceFile(id: 1, path: "market.json", text: marketText)).value)
        let book = try #require(BookLoader.load(SourceFile(id: 2, path: "book.json", text: bookText), market: market).value)
        let checked = Checker.check(path: Self.root.appendingPathComponent("Rules/prime.lever").path)
        let (comparison, report) = try #require(ReferenceComparison.run(checked: checked, book: book, market: market))
        #expect(comparison.accounts == book.accounts.count && comparison.compared > 0)
        #expect(comparison.disagreements.isEmpty, "\(comparison.disagreements.prefix(10))")
        let compiled = try #require(Compiler.compile(checked).0)
        let engine = MarginEngine(policy: compiled, identity: PolicyIdentity(name: "prime", version: "", hash: ""),
                                  horizon: 1.0 / 365)
        let baseline = "\(report.accounts)"
        for threads in 2...4 {
            #expect("\(engine.evaluate(book: book, market: market, threads: threads).accounts)" == baseline)
        }
        print("sample book: \(comparison.accounts) accounts, \(comparison.compared) values compared; \(comparison.tally.sorted { $0.key < $1.key })")
    }

    /// The numeric bounds of a table's rows (interval ends and comparison bounds), to hit exactly.
    static func boundaries(_ table: TableDecl) -> [Double] {
        table.rows.flatMap { row in
            row.patterns.flatMap { pattern -> [Double] in
                switch pattern {
                case .interval(let i): return [i.lower, i.upper].compactMap(Self.literal)
                case .comparison(_, let bound, _): return [bound].compactMap(Self.literal)
                default: return []
                }
            }
        }
    }

    static func literal(_ e: Expr) -> Double? {
        if case .number(let n) = e.kind { return UnitTable.quantity(of: n)?.value }
        return nil
    }
}
