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
            Every form names the engine, both policies (name, version, file, hash), and the book and market
            measured (file, SHA-256 of the bytes, as-of time). Guardrails are always checked: a change that
            moves a parameter beyond its `guard` cap (the caps of the old, approved version) is a warning, and
            --enforce makes it an error; so are two policies stating the same version with different rules.
            --approve FILE (with --enforce) writes an approval record for the minutes when the change passes;
            --verify-approval FILE recomputes everything and checks each hash against such a record.
            Exit status: 0 computed (or approved, or verified); 1 policy or input errors, a guardrail
            violation or version conflict with --enforce, or an approval that does not verify; 2 usage
            errors or unreadable/unwritable files (an approval record that cannot be read among them).
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
    @Option(help: "With --enforce: when the change passes, write an approval record (JSON) to this file.")
    var approve: String?
    @Option(help: "Who approves, recorded with --approve.") var approver: String?
    @Option(help: ArgumentHelp("Approval records (files, or folders of .json records) that say when guarded parameters last changed, for guards with `every`.",
                               valueName: "record-or-folder"))
    var history: [String] = []
    @Option(help: "The approval time, RFC 3339, recorded with --approve and judged against --history (default: now, UTC).")
    var approvedAt: String?
    @Option(help: "Recompute the diff and check every hash against this approval record (printed instead of the report).")
    var verifyApproval: String?

    func validate() throws {
        guard Horizon.parse(horizon) != nil else {
            throw ValidationError("invalid --horizon `\(horizon)`: use a number and one of \(Horizon.words.joined(separator: ", ")), e.g. 30d")
        }
        if top < 0 { throw ValidationError("--top must be at least 0") }
        if approve != nil && !enforce { throw ValidationError("--approve needs --enforce: an approval records that the guardrails held") }
        if approve == nil && (approver != nil || (approvedAt != nil && history.isEmpty)) {
            throw ValidationError("--approver and --approved-at are recorded with --approve FILE (--approved-at also dates the change --history judges)")
        }
        if approve != nil && verifyApproval != nil { throw ValidationError("--approve and --verify-approval cannot be combined") }
        if let approvedAt, Timestamp(iso8601: approvedAt) == nil {
            throw ValidationError("invalid --approved-at `\(approvedAt)`: use an RFC 3339 time such as 2026-12-07T10:00:00Z")
        }
    }

    func run(console: Console) throws -> ExitCode {
        guard let limits = Limits.read(console),
              InputFile.allReadable([old, new, book, market] + [verifyApproval].compactMap { $0 }, console: console)
        else { return .usageOrIO }
        var guardHistory: GuardHistory?
        if !history.isEmpty {
            guard let read = readHistory(console: console) else { return .usageOrIO }
            guardHistory = read
        }
        var record: ApprovalRecord?
        if let verifyApproval {
            guard let read = readRecord(verifyApproval, console: console) else { return .usageOrIO }
            record = read
        }
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
                                 options: LoadOptions(limits: limits.input, threads: ProcessInfo.processInfo.activeProcessorCount))
        }) else { return .usageOrIO }
        guard inputs.isUsable, let book = inputs.book, let market = inputs.market else {
            return diagnose(inputs.diagnostics, inputs.sources, console)
        }
        let provenance = DiffProvenance(
            engine: console.engineVersion, oldFile: old, newFile: new,
            book: FileDigest(file: self.book, sha256: inputs.bookSHA256 ?? ""),
            market: FileDigest(file: self.market, sha256: inputs.marketSHA256 ?? ""), asOf: market.asOf)
        // Guardrails are always checked: a breach is a warning, and fails the run with --enforce.
        var report = PolicyDiff.report(old: before, new: after, oldEngine: oldEngine, newEngine: newEngine,
                                       book: book, market: market, top: top,
                                       checks: GuardrailChecks.declared(in: after.checked, history: guardHistory),
                                       provenance: provenance)
        report.guardrailsEnforced = enforce
        if let record { return verify(record, against: report, console: console) }
        console.out(format == .json ? DiffJSON.render(report) : DiffTable.render(report))
        if let html, !write(DiffHTML.render(report), to: html, console: console) { return .usageOrIO }
        let severity = enforce ? "error" : "warning"
        for v in report.violations { console.err("\(severity): guardrail exceeded: \(v.line)\n") }
        if let conflict = report.versionConflict { console.err("\(severity): \(conflict.message)\n") }
        if enforce && report.failsEnforcement {
            if let approve { console.err("error: not approved: the change fails --enforce; `\(approve)` was not written\n") }
            return .findings
        }
        guard let approve else { return .success }
        return approveChange(report, to: approve, changed: Guardrails.moves(old: before.checked, new: after.checked), console: console)
    }

    /// The time the change under review is approved at: `--approved-at`, else now (UTC, whole seconds).
    var approvalTime: Timestamp {
        approvedAt.flatMap(Timestamp.init(iso8601:)) ?? Timestamp(secondsSinceEpoch: Date().timeIntervalSince1970.rounded(.down))
    }

    /// The guarded changes the `--history` records list; nil (after saying why) when one cannot be read.
    func readHistory(console: Console) -> GuardHistory? {
        var changes: [GuardHistory.Change] = []
        for path in history {
            var isDirectory: ObjCBool = false
            let resolved = console.resolve(path)
            guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) else {
                console.err("error: cannot read `\(path)`: no such file or folder\n")
                return nil
            }
            let files = isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: resolved)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
                    .map { (path as NSString).appendingPathComponent($0) }
                : [path]
            for file in files {
                guard let record = readRecord(file, console: console) else { return nil }
                changes += record.guardedChanges.map { GuardHistory.Change(parameter: $0, approvedAt: record.approvedAt, source: file) }
            }
        }
        return GuardHistory(changes: changes, now: approvalTime)
    }

    // MARK: - Approval

    /// Writes the approval record of a report that passed `--enforce`; exit 2 when it cannot be written.
    func approveChange(_ report: PolicyDiffReport, to path: String, changed: [String], console: Console) -> ExitCode {
        guard var record = ApprovalRecord(report: report, horizonDays: horizonDays, approver: approver, approvedAt: approvalTime)
        else { return .usageOrIO }
        record.guardedChanges = changed
        guard write(record.json, to: path, console: console) else { return .usageOrIO }
        console.err("approved: wrote `\(path)` (diff sha256 \(record.diffSHA256))\n")
        return .success
    }

    /// Checks `record` against the record this run would write; exit 1 when any item differs.
    func verify(_ record: ApprovalRecord, against report: PolicyDiffReport, console: Console) -> ExitCode {
        guard let current = ApprovalRecord(report: report, horizonDays: horizonDays, approver: nil,
                                           approvedAt: record.approvedAt)
        else { return .usageOrIO }
        let verification = ApprovalVerification(record: record, current: current)
        console.out(format == .json ? verification.json : verification.text)
        return verification.verified ? .success : .findings
    }

    /// The approval record at `path`; nil (after saying why on standard error) when it cannot be
    /// read or is not a record.
    func readRecord(_ path: String, console: Console) -> ApprovalRecord? {
        guard let bytes = InputFile.reading([path], console: console, {
            try LeverSyntax.InputFile.read(console.resolve(path), limit: Self.maxRecordBytes)
        }) else { return nil }
        switch ApprovalRecord.parse(bytes) {
        case .success(let record): return record
        case .failure(let problem):
            console.err("error: `\(path)` is not an approval record: \(problem)\n")
            return nil
        }
    }

    /// An approval record is a few kilobytes; anything past this is not one.
    static let maxRecordBytes = 1 << 20

    /// The horizon in days, as records show it.
    var horizonDays: Double { Horizon.days(Horizon.parse(horizon) ?? Horizon.defaultYears) }

    /// Writes `text` to `path` atomically; false (after naming the file and the reason) when it cannot.
    func write(_ text: String, to path: String, console: Console) -> Bool {
        do { try OutputFile.write(text, to: console.resolve(path)) } catch {
            console.err("error: \(error)\n")  // OutputFile.WriteError names the file and the reason
            return false
        }
        return true
    }

    func diagnose(_ diagnostics: [Diagnostic], _ sources: SourceMap, _ console: Console) -> ExitCode {
        console.err(DiagnosticRenderer(style: console.allowsColor ? .human(color: true) : .plain)
            .render(diagnostics, sources: sources))
        return .findings
    }
}
