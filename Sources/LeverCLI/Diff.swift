import ArgumentParser
import Foundation
import Lever
import LeverTesting

/// `lever diff OLD NEW --book BOOK --market MARKET`: what a policy change does to a book.
struct Diff: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the impact of a policy change: parameter changes, status changes, totals and movers.",
        discussion: """
            Compares two policies declaration by declaration (params, class/asset/venue properties,
            margin and oracle settings, table rows, curve points, scenarios, measures, asserts), then
            evaluates both over the book: accounts whose status changes, initial and maintenance
            requirement, credit extended and collateral overall, by tier and by asset, and the largest
            movers. --html writes a self-contained page with the curves of both versions in SVG.
            --enforce fails when a change moves a parameter beyond its `guard` cap (the caps of the old,
            approved version) and names the parameter.
            Exit status: 0 computed; 1 policy or input errors, or a guardrail violation with --enforce;
            2 usage errors or unreadable/unwritable files.
            """)

    /// The report forms.
    enum DiffFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    @ArgumentParser.Argument(help: "The current policy file.") var old: String
    @ArgumentParser.Argument(help: "The proposed policy file.") var new: String
    @Option(help: "The book of accounts (JSON).") var book: String
    @Option(help: "The market snapshot (JSON).") var market: String
    @Option(help: "Report format: table or json.") var format: DiffFormat = .table
    @Option(help: "Also write a self-contained HTML page to this file.") var html: String?
    @Flag(help: "Fail when a change exceeds a `guard` declared in the approved (old) policy.") var enforce = false
    @Option(help: "How many of the largest movers to show.") var top = 10
    @Option(help: "Interest horizon: a number and a duration unit, e.g. 30d, 12h, 1y.") var horizon = "1d"

    func validate() throws {
        guard Horizon.parse(horizon) != nil else {
            throw ValidationError("invalid --horizon `\(horizon)`: use a number and one of \(Horizon.words.joined(separator: ", ")), e.g. 30d")
        }
        if top < 0 { throw ValidationError("--top must be at least 0") }
    }

    func run(console: Console) throws -> ExitCode {
        guard let limits = Limits.read(console), InputFile.allReadable([old, new, book, market], console: console)
        else { return .usageOrIO }
        let years = Horizon.parse(horizon) ?? Horizon.defaultYears
        let before = Lever.loadPolicy(path: console.resolve(old), horizon: years, limits: limits.policy)
        let after = Lever.loadPolicy(path: console.resolve(new), horizon: years, limits: limits.policy)
        for loaded in [before, after] where loaded.engine == nil {
            let code = diagnose(loaded.diagnostics, loaded.sources, console)
            return loaded.checked.isUnreadable ? .usageOrIO : code
        }
        guard let oldEngine = before.engine, let newEngine = after.engine else { return .findings }
        // Checked against the names either policy knows: one the old policy lacks is the change under review.
        let names = PolicyNames(policy: oldEngine.policy).union(PolicyNames(policy: newEngine.policy))
        guard let inputs = InputFile.reading([book, market], console: console, {
            try Lever.loadInputs(market: console.resolve(market), book: console.resolve(book), policy: names,
                                 options: LoadOptions(limits: limits.input))
        }) else { return .usageOrIO }
        guard inputs.isUsable, let book = inputs.book, let market = inputs.market else {
            return diagnose(inputs.diagnostics, inputs.sources, console)
        }
        // Guardrails are always checked: a breach is a warning, and fails the run with --enforce.
        var report = PolicyDiff.report(old: before, new: after, oldEngine: oldEngine, newEngine: newEngine,
                                       book: book, market: market, top: top,
                                       checks: GuardrailChecks.declared(in: after.checked))
        report.guardrailsEnforced = enforce
        console.out(format == .json ? DiffJSON.render(report) : DiffTable.render(report))
        if let html {
            do { try OutputFile.write(DiffHTML.render(report), to: console.resolve(html)) } catch {
                console.err("error: \(error)\n")  // OutputFile.WriteError names the file and the reason
                return .usageOrIO
            }
        }
        for v in report.violations { console.err("\(enforce ? "error" : "warning"): guardrail exceeded: \(v.line)\n") }
        return enforce && !report.violations.isEmpty ? .findings : .success
    }

    func diagnose(_ diagnostics: [Diagnostic], _ sources: SourceMap, _ console: Console) -> ExitCode {
        console.err(DiagnosticRenderer(style: console.allowsColor ? .human(color: true) : .plain)
            .render(diagnostics, sources: sources))
        return .findings
    }
}
