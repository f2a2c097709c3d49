import ArgumentParser
import Foundation
import Lever

/// `lever explain POLICY --book BOOK --market MARKET --account ID [--measure M | --expression E]`:
/// how one account's numbers (or any expression of the policy) were derived.
struct Explain: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the derivation of one account's numbers: which rule, override, tier row and curve produced each.",
        discussion: """
            Prints a tree per output (or only --measure): the rule's text and where it is written, the
            account's value, and beneath it the rules and inputs it was computed from, with per-asset
            and per-position values. The numbers are those `lever eval` reports: the same compiled rules
            run for this account alone. --expression explains any expression of the policy instead
            (e.g. 'collateral / debt'), compiled with it; its errors point into the expression.
            Exit status: 0 when explained; 1 when the policy or inputs have errors or the account or
            measure does not exist; 2 for usage errors or unreadable files.
            """)

    @ArgumentParser.Argument(help: "The policy file.") var policy: String
    @Option(help: "The book of accounts (JSON).") var book: String
    @Option(help: "The market snapshot (JSON).") var market: String
    @Option(help: "The account to explain.") var account: String
    @Option(help: "Explain only this output (a measure or standard result, e.g. health).") var measure: String?
    @Option(help: "Explain this expression of the policy instead, e.g. 'collateral / debt'.") var expression: String?
    @Option(help: "Interest horizon: a number and a duration unit, e.g. 30d, 12h, 1y.") var horizon = "1d"
    @Flag(help: "Show what would cure the account instead: the least top-up, repayment or position reduction that brings it to --remedy-target, each verified.")
    var remedy = false
    @Option(help: "The status a remedy restores: healthy (default) or out_of_liquidation.") var remedyTarget: Remedy.Target?

    func validate() throws {
        if measure != nil, expression != nil { throw ValidationError("use --measure or --expression, not both") }
        if remedy, measure != nil || expression != nil { throw ValidationError("use --remedy alone, without --measure or --expression") }
        if remedyTarget != nil, !remedy { throw ValidationError("--remedy-target needs --remedy") }
        guard Horizon.parse(horizon) != nil else {
            throw ValidationError("invalid --horizon `\(horizon)`: use a number and one of \(Horizon.words.joined(separator: ", ")), e.g. 30d")
        }
    }

    func run(console: Console) throws -> ExitCode {
        guard let limits = Limits.read(console), InputFile.allReadable([policy, book, market], console: console)
        else { return .usageOrIO }
        let loaded = Lever.loadPolicy(path: console.resolve(policy), horizon: Horizon.parse(horizon) ?? Horizon.defaultYears,
                                      limits: limits.policy)
        guard let engine = loaded.engine else {
            let code = console.reportFindings(loaded.diagnostics, sources: loaded.sources, color: console.allowsColor)
            return loaded.checked.isUnreadable ? .usageOrIO : code
        }
        guard let inputs = InputFile.reading([book, market], console: console, {
            try Lever.loadInputs(market: console.resolve(market), book: console.resolve(book),
                                 for: engine, options: LoadOptions(limits: limits.input))
        }) else { return .usageOrIO }
        guard inputs.isUsable, let book = inputs.book, let market = inputs.market else {
            return console.reportFindings(inputs.diagnostics, sources: inputs.sources, color: console.allowsColor)
        }
        if let expression { return explain(expression, policy: loaded, book: book, market: market, console: console) }
        if remedy {
            guard let holder = book.account(id: account) else {
                console.err("error: no account `\(account)` in `\(self.book)`\(Suggestion.hint(for: account, in: book.ids))\n")
                return .findings
            }
            let found = RemedyFinder(engine: engine, market: market, target: remedyTarget ?? .healthy).remedy(for: holder)
            console.out(ReportRenderer.text(found).joined(separator: "\n") + "\n")
            return .success
        }
        if let measure, !engine.policy.outputs.contains(where: { $0.name == measure }) {
            let names = engine.policy.outputs.map(\.name)
            console.err("error: no output `\(measure)`\(Suggestion.hint(for: measure, in: names)); "
                        + "the policy reports: \(names.joined(separator: ", "))\n")
            return .findings
        }
        guard let tree = Explainer(engine: engine, sources: loaded.sources)
            .explain(account: account, book: book, market: market, measure: measure)
        else {
            console.err("error: no account `\(account)` in `\(self.book)`\(Suggestion.hint(for: account, in: book.ids))\n")
            return .findings
        }
        console.out(tree.rendered())
        return .success
    }

    /// `--expression`: the expression compiled with the policy and explained for the account.
    private func explain(_ text: String, policy: LoadedPolicy, book: Book, market: MarketSnapshot, console: Console) -> ExitCode {
        guard let holder = book.account(id: account) else {
            console.err("error: no account `\(account)` in `\(self.book)`\(Suggestion.hint(for: account, in: book.ids))\n")
            return .findings
        }
        switch CompiledExpression.compile(text, in: policy) {
        case .failure(let problem): return console.reportFindings(problem.diagnostics, sources: problem.sources, color: console.allowsColor)
        case .success(let expression):
            guard let tree = expression.explain(holder, market: market) else {
                console.err("error: cannot explain `\(text)`\n")
                return .findings
            }
            console.out(tree.rendered())
            return .success
        }
    }
}
