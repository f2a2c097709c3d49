import Foundation
import Testing
import LeverTestSupport
@testable import LeverTesting

/// The parameter diff compares meaning, not text: respelt constants, reordered declarations and
/// comments are no change; rules that are not constant compare by their text.
@Suite struct DiffParameterTests {
    static func check(_ text: String) -> CheckResult {
        Checker.check(source: text, path: "/tmp/diff-fixture.lever")
    }

    @Test func respeltConstantsAndReorderedDeclarationsAreNoChange() {
        let old = Self.check("""
            param z = 2.33
            class major { liquidation_threshold = 80%; haircut = 10% }
            curve rate(utilization) = points { 0% -> 0%, 90% -> 5%, 100% -> 60% }
            """)
        let new = Self.check("""
            // the same policy, written differently
            curve rate(utilization) = points { 0% -> 0%, 0.9 -> 500 bps, 100% -> 0.6 }
            class major {
              haircut = 5% + 5%
              liquidation_threshold = 0.8
            }
            param z = 2.33
            """)
        #expect(ParameterDiff.compare(old: old, new: new).isEmpty)
    }

    @Test func curvePointsAddedAndRemovedAreNamedByTheirX() {
        let old = Self.check("curve rate(utilization) = points { 0% -> 0%, 90% -> 5%, 100% -> 60% }")
        let new = Self.check("curve rate(utilization) = points { 0% -> 0%, 80% -> 4%, 100% -> 60% }")
        #expect(ParameterDiff.compare(old: old, new: new).map(\.line) == [
            "curve rate: added point 80% → 4%",
            "curve rate: removed point 90% → 5%",
        ])
    }

    @Test func nonConstantRulesCompareByTheirText() {
        let old = Self.check("param z = 2.33\nclass major { haircut = clamp(z * vol * sqrt(2 days), 10%, 40%) }")
        let new = Self.check("param z = 2.33\nclass major { haircut = clamp(z * vol * sqrt(3 days), 10%, 40%) }")
        #expect(ParameterDiff.compare(old: old, new: new).map(\.line) == [
            "class major: haircut clamp(z * vol * sqrt(2 days), 10%, 40%) → clamp(z * vol * sqrt(3 days), 10%, 40%)",
        ])
    }

    /// How old a score may be, and what a stale one means, are credit terms: each change shows.
    @Test func reputationRulesShowInTheDiff() {
        let tiers = "input account.score in [0, 1000]\ntiers by account.score {\n  [500, 1000] -> Good { credit_line = 1M USD }\n  [0, 500) -> Watch { credit_line = 0 USD }\n}\n"
        let old = Self.check(tiers + "reputation {\n  max_score_age = 7 days\n  stale_score = Watch\n}")
        let new = Self.check(tiers + "reputation {\n  max_score_age = 30 days\n  stale_score = unvalued\n}")
        let lines = ParameterDiff.compare(old: old, new: new).map(\.line).sorted()
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.contains { $0.contains("max_score_age") && $0.contains("7 days") && $0.contains("30 days") }, "\(lines)")
        #expect(lines.contains { $0.contains("stale_score") && $0.contains("Watch") && $0.contains("unvalued") }, "\(lines)")
        // Dropping the block is a change too.
        #expect(ParameterDiff.compare(old: old, new: Self.check(tiers)).count == 2)
    }

    /// A chain's bridge rules and the bridge block are risk terms: each change shows.
    @Test func chainsAndBridgesShowInTheDiff() {
        let base = "class crypto { haircut = 20% }\nasset ETH : crypto\nchain ethereum\n"
        let old = Self.check(base + "chain arbitrum { bridge_haircut = 3% }\nbridge { max_cross_chain_share = 50% }")
        let new = Self.check(base + "chain arbitrum { bridge_haircut = 5% }\nbridge { max_cross_chain_share = 40% }")
        let lines = ParameterDiff.compare(old: old, new: new).map(\.line).sorted()
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.contains { $0.contains("chain arbitrum") && $0.contains("3%") && $0.contains("5%") }, "\(lines)")
        #expect(lines.contains { $0.contains("max_cross_chain_share") && $0.contains("50%") && $0.contains("40%") }, "\(lines)")
    }

    /// The remedies a policy offers are part of what a committee approves: each change shows.
    @Test func remedyOffersShowInTheDiff() {
        let assets = "class stable { haircut = 0% }\nasset USDC : stable\nasset USDT : stable\nasset DAI : stable\n"
        let old = Self.check(assets + "remedy top_up in USDC, USDT\nremedy repay")
        let new = Self.check(assets + "remedy top_up in USDC, DAI")
        let lines = ParameterDiff.compare(old: old, new: new).map(\.line).sorted()
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("remedy top_up") && $0.contains("USDC, USDT") && $0.contains("USDC, DAI") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("remedy repay") }, "\(lines)")
        let hedged = ParameterDiff.compare(old: Self.check(assets + "remedy hedge within 5%"), new: Self.check(assets + "remedy hedge within 10%"))
        #expect(hedged.map(\.line).contains { $0.contains("remedy hedge") && $0.contains("5%") && $0.contains("10%") }, "\(hedged.map(\.line))")
        // Respelt (another order of the same declarations) is no change.
        #expect(ParameterDiff.compare(old: old, new: Self.check(assets + "remedy repay\nremedy top_up in USDC, USDT")).isEmpty)
    }

    // MARK: - Rule chains (issue 10's three edits of Rules/prime.lever)

    static let prime = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Rules/prime.lever").standardized.path

    /// The shipped prime policy with `edit` applied to its text (which must change it).
    static func prime(editing from: String, to: String) throws -> (CheckResult, CheckResult) {
        let text = try String(contentsOfFile: prime, encoding: .utf8)
        let edited = text.replacingOccurrences(of: from, with: to)
        #expect(edited != text, "the edit must apply")
        return (Checker.check(source: text, path: prime), Checker.check(source: edited, path: prime))
    }

    @Test func aClassFloorInsideAClampIsAChangeOfThatClassNamingTheAssetsItReaches() throws {
        let (old, new) = try Self.prime(editing: "sqrt(major_horizon), 10%, 40%)", to: "sqrt(major_horizon), 12%, 40%)")
        #expect(ParameterDiff.compare(old: old, new: new).map(\.line) == [
            "class major: haircut = clamp(z * vol * sqrt(major_horizon), 10%, 40%) → = clamp(z * vol * sqrt(major_horizon), 12%, 40%)"
                + " (rule 1 of 2); applies to BTC, ETH, SOL",
        ])
    }

    @Test func aRuleInsertedBeforeAnotherIsAnInsertionNotAReplacement() throws {
        let (old, new) = try Self.prime(editing: "asset SOL : major { haircut *= 120% }",
                                        to: "asset SOL : major { haircut += 2%; haircut *= 120% }")
        let changes = ParameterDiff.compare(old: old, new: new)
        #expect(changes.map(\.line) == ["asset SOL: haircut added: += 2% (before *= 120%)"])
        #expect(changes.first?.kind == .added)
    }

    @Test func aRuleAppendedAfterAnotherIsAnInsertionAfterIt() throws {
        let (old, new) = try Self.prime(editing: "asset SOL : major { haircut *= 120% }",
                                        to: "asset SOL : major { haircut *= 120%; haircut += 2% }")
        #expect(ParameterDiff.compare(old: old, new: new).map(\.line) == ["asset SOL: haircut added: += 2% (after *= 120%)"])
    }

    @Test func movedCompoundAssignmentsAreAReordering() {
        let old = Self.check("class c { haircut = 10%; haircut += 2%; haircut *= 110% }\nasset A : c")
        let new = Self.check("class c { haircut = 10%; haircut *= 110%; haircut += 2% }\nasset A : c")
        let changes = ParameterDiff.compare(old: old, new: new)
        #expect(changes.map(\.kind) == [.reordered])
        #expect(changes.map(\.line) == [
            "class c: haircut reordered: = 10%, then += 2%, then *= 110% became = 10%, then *= 110%, then += 2%; applies to A",
        ])
    }

    @Test func aClassRuleEveryAssetSetsAgainChangesNoAssetsRules() {
        let old = Self.check("class c { haircut = 10% }\nclass d : c { haircut = 20% }\nasset A : d")
        let new = Self.check("class c { haircut = 12% }\nclass d : c { haircut = 20% }\nasset A : d")
        #expect(ParameterDiff.compare(old: old, new: new).map(\.line) == ["class c: haircut 10% → 12%; changes no asset's rules"])
    }

    @Test func rowOrderCurveShapeAndTableKeysAreChanges() {
        let old = Self.check("""
            table t by account.score hit first { >= 500 -> A { x = 1 }\n else -> B { x = 2 } }
            curve r(utilization) = points { 0% -> 1%, 100% -> 5% }
            """)
        let new = Self.check("""
            table t by account.score hit first { else -> B { x = 2 }\n >= 500 -> A { x = 1 } }
            curve r(utilization) = steps { 0% -> 1%, 100% -> 5% }
            """)
        #expect(ParameterDiff.compare(old: old, new: new).map(\.line) == [
            "table t: row order A, B → B, A",
            "curve r: shape points → steps",
        ])
    }

    @Test func anOverrideReplacesTheImportedDeclarationWhole() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("diff-override-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "class c { haircut = 10%; initial_weight = 5% }\nasset A : c\n".write(
            to: dir.appendingPathComponent("base.lever"), atomically: true, encoding: .utf8)
        let root = dir.appendingPathComponent("root.lever").path
        try "import \"base.lever\"\noverride class c { haircut = 10% }\n".write(toFile: root, atomically: true, encoding: .utf8)
        let old = Checker.check(source: "class c { haircut = 10%; initial_weight = 5% }\nasset A : c", path: "/tmp/diff-old.lever")
        let new = Checker.check(path: root)
        // The compiled program has no initial_weight for c any more: that is a removal.
        #expect(ParameterDiff.compare(old: old, new: new).map(\.line) == [
            "class c: initial_weight removed (was 5%); applies to A",
        ])
    }

    @Test func commentsAndLineBreaksInsideARuleAreNoChange() {
        let old = Self.check("param z = 2\nclass c { haircut = clamp(z * vol, 10%, 40%) }")
        let new = Self.check("param z = 2\nclass c {\n  haircut = clamp(z * vol,  // volatility-scaled\n    10%, 40%)\n}")
        #expect(ParameterDiff.compare(old: old, new: new).isEmpty)
    }
}
