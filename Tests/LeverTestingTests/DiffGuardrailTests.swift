import Foundation
import Testing
import LeverTestSupport
@testable import LeverTesting

/// The cap comparison `--enforce` will run once policies declare caps: a change beyond a cap is a
/// violation naming the parameter; within it, none.
@Suite struct DiffGuardrailTests {
    static let old = Checker.check(path: goldenPath("diff/old.lever"))
    static let new = Checker.check(path: goldenPath("diff/new.lever"))

    @Test func aThresholdRaisedBeyondItsCapIsNamed() {
        let check = CapTableCheck(caps: [ParameterCap(item: "liquidation_threshold", maxAbsolute: 0.04)])
        let violations = check.violations(old: Self.old, new: Self.new)
        #expect(violations.map(\.parameter) == ["class major: liquidation_threshold"])
        #expect(violations.first?.message.contains("80% → 85%") == true)
    }

    @Test func changesWithinTheirCapsPass() {
        let check = CapTableCheck(caps: [ParameterCap(item: "liquidation_threshold", maxAbsolute: 0.05),
                                         ParameterCap(item: "slope2", maxRelative: 0.5)])
        #expect(check.violations(old: Self.old, new: Self.new).isEmpty)
    }

    @Test func aRelativeCapOnARateSlope() {
        let check = CapTableCheck(caps: [ParameterCap(item: "slope2", maxRelative: 0.1)])
        #expect(check.violations(old: Self.old, new: Self.new).map(\.parameter) == ["curve borrow_rate: slope2"])
    }
}

/// `lever diff --enforce` against the policy's own `guard` declarations.
@Suite struct DiffEnforceTests {
    /// The fixture pair (threshold 80% → 85%) with `guard` appended to both versions.
    static func run(guard line: String, enforce: Bool = true, extra: [String] = []) throws -> CommandResult {
        let directory = try makeTemporaryDirectory("lever-diff-enforce")
        for name in ["old", "lt85"] {
            let text = try String(contentsOfFile: goldenPath("diff/\(name).lever"), encoding: .utf8)
            try (text + line + "\n").write(toFile: "\(directory)/\(name).lever", atomically: true, encoding: .utf8)
        }
        return runCommand(["diff", "old.lever", "lt85.lever", "--book", goldenPath("diff/book.json"),
                           "--market", goldenPath("diff/market.json")] + (enforce ? ["--enforce"] : []) + extra,
                          in: directory)
    }

    @Test func aChangeBeyondADeclaredCapFailsNamingTheParameter() throws {
        let result = try Self.run(guard: "guard liquidation_threshold moves at most 3%")
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("liquidation_threshold"), "\(result.stderr)")
        #expect(result.stderr.contains("80%") && result.stderr.contains("85%"), "\(result.stderr)")
    }

    @Test func withoutEnforceABreachIsAWarningAndTheRunPasses() throws {
        let result = try Self.run(guard: "guard liquidation_threshold moves at most 3%", enforce: false)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: guardrail exceeded"), "\(result.stderr)")
        #expect(result.stdout.contains("Guardrail violations (not enforced"), "\(result.stdout)")
        #expect(result.stdout.contains("  warning: "), "\(result.stdout)")
    }

    /// Without `--enforce` the breach is listed in JSON (not enforced) and in the HTML page too.
    @Test func withoutEnforceJSONAndHTMLListTheBreach() throws {
        let directory = try makeTemporaryDirectory("lever-diff-warn")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try Self.run(guard: "guard liquidation_threshold moves at most 3%", enforce: false,
                                  extra: ["--format", "json", "--html", directory + "/page.html"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let json = try JSONValue.parse(Array(result.stdout.utf8)).get()
        #expect(json["guardrails_enforced"] == .bool(false))
        guard case .array(let violations)? = json["guardrail_violations"] else { Issue.record("\(result.stdout)"); return }
        #expect(violations.count == 1)
        #expect(violations.first?["parameter"] == .string("asset ETH: liquidation_threshold"))
        let html = try String(contentsOfFile: directory + "/page.html", encoding: .utf8)
        #expect(html.contains("Guardrail violations (warnings: not enforced)"))
        #expect(html.contains("liquidation_threshold"))
    }

    @Test func aChangeWithinItsCapPasses() throws {
        let result = try Self.run(guard: "guard liquidation_threshold moves at most 5%")
        #expect(result.exitCode == 0, "\(result.stderr)")
    }
}
