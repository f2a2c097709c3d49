import ArgumentParser
import Foundation
import Lever
import LeverREPL

/// `lever eval POLICY --book BOOK --market MARKET`: the margin report of every account.
struct Eval: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a policy over a book of accounts and a market snapshot.",
        discussion: """
            Prints one row per account (or stable JSON with --format json) naming the policy, its version,
            file and the SHA-256 of its canonical form, the book and market files with the SHA-256 of their
            bytes, and the engine version. The report goes to standard output; diagnostics about
            the policy or the input files go to standard error. With --keep-going, accounts with input
            errors are reported as not evaluated and the others are evaluated. With --set ASSET.FIELD=VALUE
            (price, vol or utilization, as the REPL's :set takes them) and --scenario NAME (as `under` and the
            REPL's :shock move the market), each repeatable, the book is evaluated in the market they make, in
            that order, and the report says so.
            Exit status: 0 when every account was evaluated; 1 when the policy has errors, an input file
            has errors, an account could not be evaluated, or --account names no account; 2 for usage
            errors (including unknown --fields) or unreadable files.
            """)

    /// The report forms.
    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case table, json, jsonl, csv }

    @ArgumentParser.Argument(help: "The policy file.") var policy: String
    @Option(help: "The book of accounts (JSON).") var book: String
    @Option(help: "The market snapshot (JSON).") var market: String
    @Option(help: "Report format: table, json, jsonl (a header line, one line per account, the summary last) or csv (one row per account).")
    var format: ReportFormat = .table
    @Option(help: "Report only the account with this id.") var account: String?
    @Option(help: "Comma-separated outputs to report (default: a summary for the table, all for JSON).")
    var fields: String?
    @Option(help: "Interest horizon: a number and a duration unit, e.g. 30d, 12h, 1y.") var horizon = "1d"
    @Option(help: "Threads to read, evaluate and write with (default: the number of processors); output is the same for any.")
    var threads: Int?
    @Flag(help: "Report accounts with input errors as not evaluated and evaluate the others.") var keepGoing = false
    @Option(help: "Evaluate in the market this scenario's shocks make (a what-if), e.g. crash; repeat to apply several in turn.")
    var scenario: [String] = []
    @Option(name: .customLong("set"), help: "Set one market input first, e.g. BTC.price=50k USD or ETH.vol=90%; repeatable.")
    var sets: [String] = []
    @Option(help: "Colour: auto (a terminal and NO_COLOR unset), always or never.") var color: OutputOptions.ColorMode = .auto
    @Flag(help: "For every account not at --remedy-target, the least top-up, repayment or position reduction that brings it there, each verified (milliseconds per such account).")
    var remedy = false
    @Option(help: "The status a remedy restores: healthy (default) or out_of_liquidation.") var remedyTarget: Remedy.Target?
    @Flag(help: "Evaluate with the policy compiled to native code (built once with the Swift toolchain's clang and cached); the same results. Without a compiler, the closure engine runs and says why.")
    var native = false

    func validate() throws {
        guard Horizon.parse(horizon) != nil else {
            throw ValidationError("invalid --horizon `\(horizon)`: use a number and one of \(Horizon.words.joined(separator: ", ")), e.g. 30d")
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if fields != nil && requestedFields.isEmpty { throw ValidationError("--fields needs at least one name") }
        if remedyTarget != nil, !remedy { throw ValidationError("--remedy-target needs --remedy") }
        if remedy, format == .csv {
            throw ValidationError("--remedy has no column in CSV (one row of values per account): use --format table, json or jsonl")
        }
    }

    func run(console: Console) throws -> ExitCode {
        guard let limits = Limits.read(console), InputFile.allReadable([policy, book, market], console: console)
        else { return .usageOrIO }
        let loaded = Lever.loadPolicy(path: console.resolve(policy), horizon: Horizon.parse(horizon) ?? Horizon.defaultYears,
                                      limits: limits.policy)
        guard var engine = loaded.engine else {
            let code = report(loaded.diagnostics, loaded.sources, console)
            return loaded.checked.isUnreadable ? .usageOrIO : code
        }
        if remedy { engine.remedyTarget = remedyTarget ?? .healthy }
        if native {
            do throws(NativeRefusal) { try engine.useNative() } catch {
                console.err("warning: --native: \(error); evaluating with the closure engine\n")
            }
        }
        let names = engine.policy.outputs.map(\.name)
        if let unknown = UnknownOutputs.check(requestedFields, available: names) {
            console.err("error: \(unknown.message)\n")
            return .usageOrIO
        }
        // A scenario the policy does not declare, or a --set that does not parse, is a usage
        // error, said before the book is read.
        for name in scenario where !loaded.scenarioNames.contains(name) {
            let names = loaded.scenarioNames
            let hint = Suggestion.hint(for: name, in: names)
            let list = names.isEmpty ? "the policy declares none" : "declared: " + names.joined(separator: ", ")
            console.err("error: no scenario `\(name)` in the policy\(hint); \(list)\n")
            return .usageOrIO
        }
        guard let edits = parsedSets(console) else { return .usageOrIO }
        guard let inputs = InputFile.reading([book, market], console: console, {
            try Lever.loadInputs(market: console.resolve(market), book: console.resolve(book),
                                 for: engine, options: LoadOptions(keepGoing: keepGoing, limits: limits.input,
                                                                  threads: threads ?? ProcessInfo.processInfo.activeProcessorCount))
        }) else { return .usageOrIO }
        if !inputs.diagnostics.isEmpty { _ = report(inputs.diagnostics, inputs.sources, console) }
        guard let selected = select(inputs, console: console), let book = selected.book, let read = selected.market
        else { return .findings }
        // The what-ifs, in order: every --set, then each scenario (checked above to be declared).
        var snapshot = read
        for edit in edits {
            switch snapshot.setting(edit.asset, edit.field, to: edit.value) {
            case .success(let moved): snapshot = moved
            case .failure(let problem):
                console.err("error: --set \(edit.text): \(problem.message)\n")
                return .usageOrIO
            }
        }
        for name in scenario { snapshot = loaded.market(snapshot, under: name) ?? snapshot }
        var recorded = provenance(inputs, console: console)
        let whatIfs = edits.map(\.text) + scenario
        recorded.whatIf = whatIfs.isEmpty ? nil : whatIfs.joined(separator: ", ")
        let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
        let renderer = ReportRenderer(style: style(console))
        let shownFields = fields == nil ? renderer.defaultFields(names) : requestedFields
        let evaluated: Report
        if let form = streamedForm {
            // Written as it is computed, a chunk of accounts at a time: memory stays bounded.
            var writer = ReportWriter(form: form, outputs: engine.policy.outputs, fields: shownFields,
                                      declaresFlags: !engine.policy.flags.isEmpty)
            evaluated = writer.write(engine, book: book, market: snapshot, threads: max(1, threadCount), provenance: recorded,
                                     emitBytes: console.outBytes)
        } else {
            var report = Lever.evaluate(engine, book: book, market: snapshot, threads: threadCount)
            report.provenance = recorded
            guard case .success(let shown) = report.selecting(outputs: shownFields) else { return .usageOrIO }
            console.out(renderer.render(shown))
            evaluated = report
        }
        let complete = !inputs.diagnostics.hasErrors && evaluated.allEvaluated && !evaluated.hasFindings
        return complete ? .success : .findings
    }

    /// The machine forms, written as they are computed; nil for the table.
    var streamedForm: ReportWriter.Form? {
        switch format {
        case .table: nil
        case .json: .json
        case .jsonl: .jsonLines
        case .csv: .csv
        }
    }

    // MARK: - Steps

    /// The engine, the policy file and the book and market with their digests, the paths as given.
    func provenance(_ inputs: LoadedInputs, console: Console) -> Provenance {
        Provenance(engine: console.engineVersion, policyFile: policy,
                   book: inputs.bookSHA256.map { FileDigest(file: book, sha256: $0) },
                   market: inputs.marketSHA256.map { FileDigest(file: market, sha256: $0) })
    }

    /// `--set ASSET.FIELD=VALUE` each as the REPL's `:set` reads it; nil (after saying which
    /// and why) when one does not parse.
    func parsedSets(_ console: Console) -> [(text: String, asset: String, field: MarketField, value: Double)]? {
        var edits: [(text: String, asset: String, field: MarketField, value: Double)] = []
        for text in sets {
            switch ReplCommandParser.parse(":set " + text) {
            case .success(.set(let asset, let field, let value)): edits.append((text, asset, field, value))
            case .failure(let problem):
                console.err("error: --set \(text): \(problem.message.replacingOccurrences(of: ":set needs", with: "needs"))\n")
                return nil
            default:
                console.err("error: --set \(text): needs ASSET.FIELD=VALUE\n")
                return nil
            }
        }
        return edits
    }

    /// The names given to `--fields`, blanks trimmed.
    var requestedFields: [String] {
        (fields ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The inputs narrowed to `--account`; nil (after saying why) when they cannot be evaluated.
    func select(_ inputs: LoadedInputs, console: Console) -> LoadedInputs? {
        guard inputs.isUsable else { return nil }
        guard let id = account else { return inputs }
        guard let one = inputs.selecting(account: id) else {
            console.err("error: no account `\(id)` in `\(book)`\(Suggestion.hint(for: id, in: inputs.book?.ids ?? []))\n")
            return nil
        }
        return one
    }

    func style(_ console: Console) -> ReportRenderer.Style {
        switch format {
        case .table: .table(color: colored(console))
        case .json: .json
        case .jsonl: .jsonLines
        case .csv: .csv
        }
    }

    func colored(_ console: Console) -> Bool {
        switch color {
        case .auto: console.allowsColor
        case .always: true
        case .never: false
        }
    }

    /// Renders diagnostics on standard error (standard output is the report's); returns 1.
    func report(_ diagnostics: [Diagnostic], _ sources: SourceMap, _ console: Console) -> ExitCode {
        console.reportFindings(diagnostics, sources: sources, color: colored(console))
    }
}
