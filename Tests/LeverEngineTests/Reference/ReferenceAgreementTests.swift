import Foundation
import Testing
import LeverCheck
import LeverSyntax
@testable import LeverEngine

/// The compiled closures path agrees with the tree-walking reference on generated policies,
/// markets and books, and the engine's report does not depend on the thread count.
struct ReferenceAgreementTests {
    /// 100 by default (about 10 s in debug); `LEVER_REFERENCE_POLICIES=2000` for a longer sweep.
    static let policies = ProcessInfo.processInfo.environment["LEVER_REFERENCE_POLICIES"].flatMap { Int($0) } ?? 100
    static let accountsPerPolicy = 50

    /// What one generated policy produced.
    struct Outcome {
        var seed: UInt64
        var source: String
        var comparison: ReferenceComparison?
        var threadMismatch: Bool
        var diagnostics: [String]
        /// Not run: the policy would hit the known compiler crash (see `ReferenceKnownIssueTests`).
        var knownCrash = false
        /// Liquidation plans of this policy are known to differ (account-level margin bonus).
        var knownBonusIssue = false
    }

    static func generate(seed: UInt64, reference: Bool = true, accounts: Int = accountsPerPolicy) -> Outcome {
        var generator = PolicyGenerator(seed: seed)
        let source = generator.policy()
        if generator.hitsAssetHaircutTierDiscountCrash {
            return Outcome(seed: seed, source: source, comparison: nil, threadMismatch: false, diagnostics: [],
                           knownCrash: true)
        }
        let checked = Checker.check(source: source, path: "generated-\(seed).lever")
        guard checked.isValid else {
            let errors = checked.diagnostics.filter { $0.severity == .error }.map { "\($0.code) \($0.message)" }
            return Outcome(seed: seed, source: source, comparison: nil, threadMismatch: false, diagnostics: errors)
        }
        var data = MarketBookGenerator(random: SeededRandom(seed: seed &* 31 &+ 7), assets: generator.assets,
                                       venues: generator.venues, boundaries: generator.boundaries)
        let market = data.market()
        let book = data.book(accounts: accounts)
        let horizon = Double(seed % 60 + 1) / 365
        guard let policy = Compiler.compile(checked, options: CompileOptions(horizon: horizon)).0 else {
            return Outcome(seed: seed, source: source, comparison: nil, threadMismatch: false, diagnostics: ["compile refused"])
        }
        let engine = MarginEngine(policy: policy, identity: PolicyIdentity(name: "ref", version: "", hash: ""), horizon: horizon)
        guard reference else {
            // Determinism: the whole report (values, notes, liquidation plans) at 1, 2 and 3 threads.
            let baseline = "\(engine.evaluate(book: book, market: market, threads: 1).accounts)"
            let mismatch = [2, 3].contains { "\(engine.evaluate(book: book, market: market, threads: $0).accounts)" != baseline }
            return Outcome(seed: seed, source: source, comparison: ReferenceComparison(), threadMismatch: mismatch,
                           diagnostics: [])
        }
        let report = engine.evaluate(book: book, market: market)
        var comparison = ReferenceComparison()
        comparison.compare(report: report, book: book,
                           reference: ReferenceEvaluator(checked: checked, market: market, horizon: horizon))
        return Outcome(seed: seed, source: source, comparison: comparison, threadMismatch: false, diagnostics: [],
                       knownBonusIssue: false)
    }

    @Test func compiledPathAgreesWithTheReferenceOnGeneratedPolicies() {
        let outcomes = (1...UInt64(Self.policies)).map { Self.generate(seed: $0) }
        let crashes = outcomes.filter(\.knownCrash).count
        let discarded = outcomes.filter { $0.comparison == nil && !$0.knownCrash }
        let compared = outcomes.compactMap(\.comparison)
        let values = compared.map(\.compared).reduce(0, +), accounts = compared.map(\.accounts).reduce(0, +)
        print("reference agreement: \(compared.count) policies, \(accounts) accounts, \(values) values compared; "
              + "\(discarded.count) of \(outcomes.count) generated policies discarded by the checker, "
              + "\(crashes) not run (known compiler crash)")
        var tally: [String: Int] = [:]
        for c in compared { tally.merge(c.tally, uniquingKeysWith: +) }
        print("reference agreement coverage: \(tally.sorted { $0.key < $1.key })")
        for d in discarded.prefix(3) { print("discarded seed \(d.seed): \(d.diagnostics.prefix(3))\n\(d.source)") }
        #expect(discarded.count * 20 <= outcomes.count, "more than 5% of generated policies were refused")
        var knownBonus = 0
        for outcome in outcomes {
            guard let c = outcome.comparison, !c.disagreements.isEmpty else { continue }
            let known = c.disagreements.filter { outcome.knownBonusIssue && $0.output.hasPrefix("liquidation") }
            let unknown = c.disagreements.filter { !(outcome.knownBonusIssue && $0.output.hasPrefix("liquidation")) }
            if !unknown.isEmpty {
                Issue.record("seed \(outcome.seed): \(unknown.count) disagreements, first: \(unknown.prefix(5))\n\(outcome.source)")
            }
            knownBonus += known.count
        }
        print("reference agreement: \(knownBonus) liquidation-plan values differ in policies with an account-level margin bonus (known issue)")
        if knownBonus > 0 {
            withKnownIssue("liquidation plans pay no bonus when the margin bonus depends on the account") {
                Issue.record("\(knownBonus) liquidation-plan values differ")
            }
        }
        #expect(values > 10_000)
    }

    @Test func reportIsIdenticalAtOneTwoAndThreeThreads() {
        let outcomes = (1...UInt64(Self.policies)).map { Self.generate(seed: $0 &+ 10_000, reference: false) }
        for o in outcomes where o.threadMismatch { Issue.record("seed \(o.seed): report differs across thread counts") }
        let refused = outcomes.filter { $0.comparison == nil && !$0.knownCrash }.count
        #expect(refused * 20 <= outcomes.count)
    }

    /// Books large enough to span several batches of positions (512 per batch) on each thread:
    /// accounts that straddle a batch boundary must come out the same as the others.
    @Test func largeBooksAgreeAcrossBatches() {
        let outcomes = (1...UInt64(4)).map { Self.generate(seed: $0 &+ 20_000, accounts: 1_200) }
        var values = 0
        for outcome in outcomes {
            guard let c = outcome.comparison else { continue }
            values += c.compared
            let unknown = c.disagreements.filter { !(outcome.knownBonusIssue && $0.output.hasPrefix("liquidation")) }
            if !unknown.isEmpty { Issue.record("seed \(outcome.seed): \(unknown.prefix(5))\n\(outcome.source)") }
        }
        let threaded = (1...UInt64(4)).map { Self.generate(seed: $0 &+ 20_000, reference: false, accounts: 1_200) }
        for o in threaded where o.threadMismatch { Issue.record("seed \(o.seed): report differs across thread counts") }
        #expect(values > 10_000)
    }
}
