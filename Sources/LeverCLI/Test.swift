import ArgumentParser
import Foundation
import Lever
import LeverTesting

/// `lever test [PATHS…]`: runs the golden cases found under PATHS (default `Tests/Golden`).
struct Test: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run golden-portfolio cases: evaluate each case and compare with its expected report.",
        discussion: """
            A case is a directory holding market.json, book.json, expected.json (the stable JSON of
            `lever eval --format json`) and optionally case.json (policy, horizon, tolerance, accounts,
            fields). Prints one line per case, the differences of each failure with the rule behind
            each actual value, and the summary line `N passed, N failed`.
            expected.json also records the policy (name, version, hash) and the engine version it was
            blessed under. They never decide pass or fail; a case whose file records others is named
            (`blessed under policy 2026.10 3f2c1ab0…; now 2026.11 9ab1c2d3…`) and counted on the
            summary line.
            Exit status: 0 when every case passes; 1 when any fails; 2 for usage errors, a path that is
            not a directory, or a file that cannot be written.
            """)

    /// The report forms.
    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, junit }

    @ArgumentParser.Argument(help: "Directories to search for cases (default: Tests/Golden).") var paths: [String] = []
    @Flag(help: """
        Rewrite the expected.json of each failing case from the actual report; in a passing case \
        blessed under another policy or engine, re-record only those (its values stay as written).
        """)
    var bless = false
    @Option(help: "Report format on standard output: text or junit.") var format: ReportFormat = .text
    @Option(help: "Also write a JUnit XML report to this file.") var junit: String?

    func run(console: Console) throws -> ExitCode {
        let roots = (paths.isEmpty ? ["Tests/Golden"] : paths).map(console.resolve)
        guard let limits = Limits.read(console) else { return .usageOrIO }
        var runner = GoldenRunner(bless: bless, threads: ProcessInfo.processInfo.activeProcessorCount)
        (runner.policyLimits, runner.inputLimits) = (limits.policy, limits.input)
        let summary: GoldenSummary
        do {
            summary = try runner.run(paths: roots)
        } catch {
            console.err("\(error)\n")
            return .usageOrIO
        }
        let xml = GoldenJUnitReporter().render(summary)
        console.out(format == .junit ? xml : GoldenTextReporter().render(summary))
        if let junit {
            do {
                // A CI job names a report folder before anything created it (`test-results/`),
                // as JUnit-writing test runners let it.
                let path = console.resolve(junit)
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
                try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try OutputFile.write(xml, to: path)
            } catch {
                console.err("error: \(error)\n")  // OutputFile.WriteError names the file and the reason
                return .usageOrIO
            }
        }
        return summary.failed == 0 ? .success : .findings
    }
}
