import Foundation
import Lever

/// Runs golden cases: evaluates each case's book under its policy and compares the stable JSON
/// report with `expected.json`, or (blessing) rewrites `expected.json` from the report.
///
/// Blessing rewrites the expectation of each case that does not pass, recording the policy and
/// engine it ran under. A case that passes keeps its values byte for byte: when its file records
/// another policy or engine (`GoldenApproval`), blessing re-records only those two members, so a
/// case with a tolerance or hand-rounded, partial expectations keeps them; blessing a passing,
/// current corpus changes nothing.
public struct GoldenRunner: Sendable {
    /// Rewrite failing expectations instead of reporting them, and re-record the policy and
    /// engine of passing cases whose files record others.
    public var bless: Bool
    /// Threads per evaluation (reports are identical at any count).
    public var threads: Int
    /// How large each case's policy may be.
    public var policyLimits: PolicyLimits = .standard
    /// How large each case's book and market may be.
    public var inputLimits: InputLimits = .standard

    /// How many differences per case are traced back to their rule.
    static let attributedDifferences = 100

    /// A runner.
    public init(bless: Bool = false, threads: Int = 1) {
        self.bless = bless
        self.threads = max(1, threads)
    }

    /// Discovers the cases under `paths` and runs them; throws only when a path is not a directory.
    public func run(paths: [String]) throws -> GoldenSummary {
        GoldenSummary(results: try GoldenDiscovery.cases(under: paths).map(run))
    }

    /// Runs one case.
    public func run(_ testCase: GoldenCase) -> GoldenResult {
        switch evaluate(testCase) {
        case .failure(let problem): return GoldenResult(testCase: testCase, accountCount: 0, outcome: .error(problem.message))
        case .success(let run): return judge(run, testCase)
        }
    }

    /// Compares (or blesses) an evaluated case, with the accounts it holds apart counted.
    func judge(_ run: GoldenEvaluation, _ testCase: GoldenCase) -> GoldenResult {
        var result = judgeValues(run, testCase)
        let statuses = run.report.statusSummary
        result.unvalued = statuses.first { $0.status == "unvalued" }?.count ?? 0
        result.notEvaluated = statuses.first { $0.status == "not evaluated" }?.count ?? 0
        result.violating = run.report.accountsWithViolations
        return result
    }

    private func judgeValues(_ run: GoldenEvaluation, _ testCase: GoldenCase) -> GoldenResult {
        let count = run.report.accounts.count
        let current = GoldenProvenance.current(policy: run.engine.identity)
        var result = GoldenResult(testCase: testCase, accountCount: count, outcome: .passed)
        let expectedText = FileManager.default.contents(atPath: testCase.expectedPath).map { String(decoding: $0, as: UTF8.self) }
        if let expectedText {
            if case .success(let expected) = JSONValue.parse(Array(expectedText.utf8)) {
                result.approval = GoldenApproval(recorded: GoldenProvenance(recordedIn: expected), current: current)
                result.outcome = compare(expected, run, testCase)
            } else {
                result.outcome = .error("`\(testCase.expectedPath)` is not valid JSON")
            }
        } else {
            result.outcome = .error("no `\(testCase.expectedPath)`: run `lever test --bless` to record the current report")
        }
        guard bless else { return result }
        if result.outcome != .passed {
            result.outcome = write(current, into: run.json, testCase) ?? .blessed
        } else if let expectedText, result.approval?.isCurrent == false {
            result.outcome = write(current, into: expectedText, testCase) ?? .passed
            result.rerecorded = result.isPassing
        }
        return result
    }

    /// Writes `text` with `provenance` recorded in it to the case's `expected.json`; nil when
    /// written, or the error the case then ends with.
    private func write(_ provenance: GoldenProvenance, into text: String, _ testCase: GoldenCase) -> GoldenResult.Outcome? {
        do {
            try OutputFile.write(provenance.recorded(in: text), to: testCase.expectedPath)
            return nil
        } catch {
            return .error("\(error)")
        }
    }

    func compare(_ expected: JSONValue, _ run: GoldenEvaluation, _ testCase: GoldenCase) -> GoldenResult.Outcome {
        guard case .success(let actual) = JSONValue.parse(Array(run.json.utf8)) else {
            return .error("internal: the report did not render as JSON")
        }
        var comparison = GoldenComparison(tolerance: testCase.tolerance, fields: testCase.fields)
        comparison.compare(expected: expected, actual: actual)
        if comparison.differences.isEmpty { return .passed }
        // Naming a rule re-evaluates the account; a policy change that moves every account would
        // make that the slow part, so only the first differences get their rule.
        let differences = comparison.differences.enumerated().map { index, difference in
            index < Self.attributedDifferences ? run.attributing(difference) : difference
        }
        return .failed(differences)
    }

    /// Loads the policy and inputs and evaluates, or says why the case cannot run.
    func evaluate(_ testCase: GoldenCase) -> Result<GoldenEvaluation, GoldenProblem> {
        if let problem = testCase.problem { return .failure(GoldenProblem(problem)) }
        guard let policyPath = testCase.policy else {
            return .failure(GoldenProblem("no policy: `case.json` names none and no `Rules/\(testCase.stem).lever` is above the case"))
        }
        guard FileManager.default.isReadableFile(atPath: policyPath) else {
            return .failure(GoldenProblem("cannot read policy `\(policyPath)`"))
        }
        let horizon = Horizon.parse(testCase.horizon) ?? Horizon.defaultYears
        let loaded = Lever.loadPolicy(path: policyPath, horizon: horizon, limits: policyLimits)
        guard let engine = loaded.engine else {
            return .failure(GoldenProblem(loaded.diagnostics, loaded.sources))
        }
        let inputs: LoadedInputs
        do {
            inputs = try Lever.loadInputs(market: testCase.marketPath, book: testCase.bookPath,
                                          for: engine,
                                          options: LoadOptions(keepGoing: testCase.keepGoing, limits: inputLimits, threads: threads))
        } catch {
            return .failure(GoldenProblem("\(error)"))
        }
        let usable = testCase.keepGoing || !inputs.diagnostics.hasErrors
        guard let book = inputs.book, let market = inputs.market, usable else {
            return .failure(GoldenProblem(inputs.diagnostics, inputs.sources))
        }
        let full = Lever.evaluate(engine, book: book, market: market, threads: threads)
        return GoldenEvaluation.make(full, testCase: testCase, engine: engine, sources: loaded.sources,
                                     book: book, market: market)
    }
}
