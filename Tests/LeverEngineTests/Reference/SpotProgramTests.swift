import Foundation
import Testing
import LeverCheck
@testable import LeverCompile
import LeverSyntax
import LeverTestSupport
@testable import LeverEngine

/// The spot program (`Plan.specialized(.kind, as: 0)`, run for batches of spot balances only)
/// gives the whole program's results bit for bit: on generated policies with every account in a
/// batch of its own (so each account of spot balances runs the spot program), against the
/// whole program without it.
struct SpotProgramTests {
    /// 60 generated policies by default; `LEVER_SPOT_POLICIES=600` for a longer sweep.
    static let policies = ProcessInfo.processInfo.environment["LEVER_SPOT_POLICIES"].flatMap { UInt64($0) } ?? 60

    /// Results of the program with and without the spot program, and how many accounts hold
    /// only spot balances.
    static func compare(_ plan: Plan, _ inputs: ProgramInputs) -> (differences: [(output: Int, account: Int)], spotAccounts: Int) {
        let whole = Program<Double>(plan, batchPositions: 512, specializing: false)
        let specialized = Program<Double>(plan, batchPositions: 1)
        let expected = whole.evaluate(inputs.book, snapshot: whole.prepare(inputs.market))
        let found = specialized.evaluate(inputs.book, snapshot: specialized.prepare(inputs.market), threads: 2)
        let kinds = inputs.book.positionColumns[.kind]
        let spotAccounts = (0..<inputs.book.accountCount).count { a in
            (Int(inputs.book.accountStart[a])..<Int(inputs.book.accountStart[a + 1])).allSatisfy { kinds?[$0] == 0 }
        }
        // And in batches of the usual size (a batch holding one position that is no spot
        // balance runs the whole program).
        let batched = Program<Double>(plan)
        let foundBatched = batched.evaluate(inputs.book, snapshot: batched.prepare(inputs.market))
        var differences: [(Int, Int)] = []
        if let first = NativeProgram.firstDifference(expected, found) { differences.append(first) }
        if let first = NativeProgram.firstDifference(expected, foundBatched) { differences.append(first) }
        return (differences, spotAccounts)
    }

    @Test func generatedPoliciesGiveTheWholeProgramsBits() throws {
        var compared = 0, specialized = 0, spotAccounts = 0
        for seed in 1...Self.policies {
            guard let generated = GeneratedCase(seed: seed, accounts: 80) else { continue }
            let policy = generated.engine.policy
            let (differences, spot) = Self.compare(policy.plan, generated.inputs)
            for (j, a) in differences { Issue.record("seed \(seed): output \(j) of account \(a) differs\n\(generated.source)") }
            compared += 1
            spotAccounts += spot
            if policy.program.spot != nil { specialized += 1 }
        }
        #expect(compared * 10 >= Int(Self.policies) * 9)
        #expect(specialized * 2 >= compared, "most generated policies read the position kind")
        #expect(spotAccounts > 100, "the books hold accounts of spot balances only")
    }

    /// The margin workload's 10,000 accounts and its edge cases (spot balances only: every batch
    /// runs the spot program, with the classes' haircuts merged into one per-asset choice).
    @Test func theWorkloadGivesTheWholeProgramsBits() throws {
        let engine = try WorkloadAgreementTests.engine()
        #expect(engine.policy.program.spot != nil)
        for name in ["accounts_10000.json", "edge_cases.json"] {
            let (book, market) = try WorkloadAgreementTests.load(name)
            let (differences, spot) = Self.compare(engine.policy.plan, engine.programInputs(book: book, market: market))
            #expect(differences.isEmpty, "\(name): \(differences)")
            #expect(spot * 10 >= book.count * 9)
        }
    }

    /// −0 and +0 are equal numbers but different literals: the builder keeps them apart (a
    /// folded +0 must never take the place of a −0, nor the other way round).
    @Test func negativeZeroIsItsOwnLiteral() {
        var builder = PlanBuilder()
        let negative = builder.constant(-0.0), positive = builder.constant(0.0)
        #expect(negative != positive)
        #expect(builder.plan.constant(negative)?.sign == .minus)
        #expect(builder.plan.constant(positive)?.sign == .plus)
        #expect(builder.constant(0.0) == positive)
    }

    /// A lending policy: the spot program has about half the per-position steps (20 of 39: what
    /// the kind decides is decided once), and the same outputs.
    @Test func theSpotPlanIsSmaller() throws {
        let checked = Checker.check(source: HandWorkedLending.policy, path: "lending.lever")
        let policy = try #require(Compiler.compile(checked).0)
        let spot = try #require(policy.plan.specialized(.kind, as: 0))
        func perPosition(_ plan: Plan) -> Int { plan.live.indices.count { plan.live[$0] && plan.nodes[$0].domain == .position } }
        let (live, spotLive) = (perPosition(policy.plan), perPosition(spot))
        #expect(spotLive * 3 < live * 2, "\(spotLive) per-position steps against \(live)")
        #expect(!spot.nodes.contains { $0.op == .positionInput(.kind) })
        #expect(spot.outputs.map(\.name) == policy.plan.outputs.map(\.name))
        // The margin workload: a spot balance's steps only.
        let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rules/margin_workload.lever")
        let workload = try #require(Compiler.compile(Checker.check(source: try String(contentsOf: rules, encoding: .utf8),
                                                                   path: rules.path)).0)
        let workloadSpot = try #require(workload.plan.specialized(.kind, as: 0))
        #expect(perPosition(workloadSpot) * 4 < perPosition(workload.plan) * 3,
                "\(perPosition(workloadSpot)) per-position steps against \(perPosition(workload.plan))")
        // Every gathered per-asset value is read by one operation, fused with it: no gather steps.
        let steps = StepBuilder<Double>(plan: workloadSpot, fusingGathers: true)
        let gathers = workloadSpot.nodes.indices.filter { i in
            if case .gather = workloadSpot.nodes[i].op { return steps.live[i] } else { return false }
        }
        #expect(gathers.isEmpty, "\(gathers.count) gathers left")
        #expect(steps.fused.count >= 5)
    }
}
