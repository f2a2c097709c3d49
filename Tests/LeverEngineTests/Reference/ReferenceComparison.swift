import Foundation
import LeverCheck
import LeverSyntax
@testable import LeverEngine

/// Compares the engine's report with the reference evaluator, account by account and output by
/// output, and keeps every disagreement (with enough context to reproduce it).
struct ReferenceComparison {
    struct Disagreement: CustomStringConvertible {
        var account: String
        var output: String
        var engine: String
        var reference: String
        var description: String { "\(account).\(output): engine \(engine), reference \(reference)" }
    }

    var compared = 0
    var accounts = 0
    var disagreements: [Disagreement] = []
    /// What the compared values were (finite, infinite, undefined, each status, not evaluated), to
    /// show the sweep reaches the edge cases.
    var tally: [String: Int] = [:]

    /// Numbers agree to 1e-12 relative (strictly: no absolute slack near zero), or are both infinite with the same
    /// sign; labels and flags are equal; undefined in the same places.
    static func agree(_ a: ReportValue, _ b: ReportValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)):
            if x.isInfinite || y.isInfinite { return x == y }
            return x == y || abs(x - y) <= 1e-12 * max(abs(x), abs(y))
        default: return a == b
        }
    }

    mutating func compare(report: Report, book: Book, reference: ReferenceEvaluator) {
        for (a, account) in book.accounts.enumerated() {
            accounts += 1
            let engine = report.accounts[a]
            guard let expected = reference.evaluate(account) else {
                tally["not evaluated", default: 0] += 1
                if engine.evaluated { note(account.id, "evaluated", "true", "false (not evaluable)") }
                continue
            }
            guard engine.evaluated else {
                note(account.id, "evaluated", "false \(engine.notes.map(\.message))", "true")
                continue
            }
            let names = report.outputs.map(\.name)
            if names != expected.map(\.name) {
                note(account.id, "output names", "\(names)", "\(expected.map(\.name))")
                continue
            }
            for (i, (name, value)) in expected.enumerated() {
                compared += 1
                tally[Self.category(name, value), default: 0] += 1
                if !Self.agree(engine.values[i], value) { note(account.id, name, "\(engine.values[i])", "\(value)") }
            }
            compareLiquidation(engine: engine, expected: expected, account: account, reference: reference)
        }
    }

    /// The liquidation plan of a liquidatable account: totals and each step.
    mutating func compareLiquidation(engine: AccountReport, expected: [(name: String, value: ReportValue)],
                                     account: Account, reference: ReferenceEvaluator) {
        let liquidatable = expected.first { $0.name == "status" }?.value == .label("liquidatable")
        guard liquidatable else {
            if engine.liquidation != nil { note(account.id, "liquidation", "a plan", "none") }
            return
        }
        guard let plan = engine.liquidation else { return note(account.id, "liquidation", "none", "a plan") }
        var closeFactor = 0.5
        if case .number(let x)? = expected.first(where: { $0.name == "close_factor" })?.value { closeFactor = x }
        let mine = reference.liquidationPlan(account, closeFactor: closeFactor)
        tally["liquidation plans", default: 0] += 1
        if mine.collateralSeizedValue > 0 { tally["liquidation plans seizing collateral", default: 0] += 1 }
        let pairs: [(String, Double, Double)] = [("debt_repaid", plan.debtRepaidValue, mine.debtRepaidValue),
                                                 ("collateral_seized", plan.collateralSeizedValue, mine.collateralSeizedValue),
                                                 ("bad_debt", plan.badDebt, mine.badDebtValue)]
        for (name, a, b) in pairs where !Self.agree(.number(a), .number(b)) {
            note(account.id, "liquidation.\(name)", "\(a)", "\(b)")
        }
        let engineBonus = plan.steps.map(\.bonus), referenceBonus = mine.steps.map(\.fill.bonus)
        if engineBonus.count != referenceBonus.count
            || zip(engineBonus, referenceBonus).contains(where: { !Self.agree(.number($0), .number($1)) }) {
            note(account.id, "liquidation.bonus", "\(engineBonus)", "\(referenceBonus)")
        }
    }

    static func category(_ name: String, _ value: ReportValue) -> String {
        switch value {
        case .number(let x), .decimal(let x, _): return x.isFinite ? "finite" : "infinite"
        case .undefined: return "undefined"
        case .flag: return "flag"
        case .label(let l): return name == "status" ? l : "label"
        }
    }

    private mutating func note(_ account: String, _ output: String, _ engine: String, _ reference: String) {
        disagreements.append(Disagreement(account: account, output: output, engine: engine, reference: reference))
    }

    /// Checks and compiles a policy source and evaluates the book with both evaluators.
    static func run(source: String, path: String, book: Book, market: MarketSnapshot, horizon: Double = 1.0 / 365,
                    threads: Int = 1) -> (ReferenceComparison, Report)? {
        let checked = Checker.check(source: source, path: path)
        return run(checked: checked, book: book, market: market, horizon: horizon, threads: threads)
    }

    static func run(checked: CheckResult, book: Book, market: MarketSnapshot, horizon: Double = 1.0 / 365,
                    threads: Int = 1) -> (ReferenceComparison, Report)? {
        guard checked.isValid, let compiled = Compiler.compile(checked, options: CompileOptions(horizon: horizon)).0
        else { return nil }
        let engine = MarginEngine(policy: compiled, identity: PolicyIdentity(name: "ref", version: "", hash: ""),
                                  horizon: horizon)
        let report = engine.evaluate(book: book, market: market, threads: threads)
        var comparison = ReferenceComparison()
        comparison.compare(report: report, book: book,
                           reference: ReferenceEvaluator(checked: checked, market: market, horizon: horizon))
        return (comparison, report)
    }
}
