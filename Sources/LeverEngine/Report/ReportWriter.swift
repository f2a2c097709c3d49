import LeverCompile
import LeverSyntax

/// Writes a report as its accounts are computed, a chunk at a time, so a book of any size is
/// reported in bounded memory: the bytes are exactly those `ReportRenderer` writes for the whole
/// report, in the machine forms (JSON, JSON Lines, CSV). The table is not written this way: its
/// columns are as wide as their widest value, which only the whole book knows.
///
/// Use: `opening(header)`, then `accounts(chunk)` for each chunk in book order, then
/// `closing(header)`, where the opening's `header` is `MarginEngine.header(market:)` (JSON Lines
/// starts with it; the other forms need none) and the closing's is the report
/// `MarginEngine.evaluate(book:market:…, body)` returns (no accounts, its `tally` counted over all
/// of them: JSON and JSON Lines end with the summary). `write(engine…)` does all of it.
public struct ReportWriter: Sendable {
    /// The forms that can be written as they are computed.
    public enum Form: Sendable, Hashable { case json, jsonLines, csv }

    public let form: Form
    /// The outputs shown, and where each is in an account's values (the policy's order).
    let shown: [OutputInfo]
    let columns: [Int]
    /// The shown outputs as the JSON forms order an account's `values`: by name's bytes, each
    /// with the bytes before its value written once (separator, indent, quoted key and colon, in
    /// this writer's layout: its range of `keyBytes`) and its column in the full values.
    let sortedKeys: [(prefix: Range<Int>, column: Int)]
    /// Every key's prefix, one after another: one array for all, not one to retain per key.
    let keyBytes: [UInt8]
    let flags: Bool
    /// Accounts written so far.
    public private(set) var written = 0

    /// A writer of the outputs named in `fields` (in that order; each must be one of `outputs`,
    /// checked with `UnknownOutputs.check` first) of reports with `outputs`.
    public init(form: Form, outputs: [OutputInfo], fields: [String], declaresFlags: Bool) {
        self.form = form
        var seen: Set<String> = []
        columns = fields.filter { seen.insert($0).inserted }.compactMap { name in outputs.firstIndex { $0.name == name } }
        shown = columns.map { outputs[$0] }
        // Ordered by the names' bytes, as `JSONOutput` orders an object's members.
        let pretty = form == .json
        var keyBytes: [UInt8] = []
        sortedKeys = columns.sorted { outputs[$0].name.utf8.lexicographicallyPrecedes(outputs[$1].name.utf8) }
            .enumerated().map { i, column in
                var key = i == 0 ? "{" : ","
                if pretty { key += "\n        " }
                JSONOutput.writeString(outputs[column].name, to: &key)
                key += pretty ? ": " : ":"
                let start = keyBytes.count
                keyBytes += key.utf8
                return (start..<keyBytes.count, column)
            }
        self.keyBytes = keyBytes
        flags = declaresFlags
    }

    /// Whether the opening needs the report's header (JSON Lines' first line holds it).
    public var needsHeaderFirst: Bool { form == .jsonLines }

    /// Evaluates `book` with `engine` and writes its report through `emit`, a chunk of accounts
    /// at a time (the loader's rejected accounts in their places); returns the report without
    /// its accounts, with `provenance` and the tally of every account. The book is evaluated once.
    public mutating func write(_ engine: MarginEngine, book: Book, market: MarketSnapshot, threads: Int = 1,
                               chunkSize: Int = 2_048, provenance: Provenance? = nil,
                               emit: (String) throws -> Void) rethrows -> Report {
        try write(engine, book: book, market: market, threads: threads, chunkSize: chunkSize, provenance: provenance,
                  emitBytes: { try emit(String(decoding: $0, as: UTF8.self)) })
    }

    /// `write(…emit:)` handing over the report's UTF-8 bytes as they are written, a piece at a
    /// time (valid only during the call): what a file or a socket wants, with no `String` made.
    public mutating func write(_ engine: MarginEngine, book: Book, market: MarketSnapshot, threads: Int = 1,
                               chunkSize: Int = 2_048, provenance: Provenance? = nil,
                               emitBytes: (UnsafeRawBufferPointer) throws -> Void) rethrows -> Report {
        func decorated(_ header: Report) -> Report {
            var header = header
            header.provenance = provenance
            return header
        }
        var opening = opening(needsHeaderFirst ? decorated(engine.header(market: market)) : nil)
        try opening.withUTF8 { try emitBytes(UnsafeRawBufferPointer($0)) }
        // Each chunk's bytes are written on the thread that evaluated it; here they are only emitted.
        let writer = self
        let header = decorated(try engine.evaluate(book: book, market: market, threads: threads, chunkSize: chunkSize,
                                                   rejected: book.rejected, render: { chunk, place in
            (bytes: writer.bytes(of: chunk[...], from: place), count: chunk.count)
        }) { rendered in
            written += rendered.count
            try rendered.bytes.withUnsafeBytes { try emitBytes($0) }
        })
        var closing = closing(header)
        try closing.withUTF8 { try emitBytes(UnsafeRawBufferPointer($0)) }
        return header
    }

    /// What comes before the first account; JSON Lines needs the report's header
    /// (`MarginEngine.header(market:)`, with the provenance the report is to record).
    public func opening(_ header: Report?) -> String {
        switch form {
        case .json: "{\n  \"accounts\": ["
        case .jsonLines: header.map { ReportRenderer.linesHeader(shownOnly($0)).line } ?? ""
        case .csv: ReportRenderer.csvRow(["account", "evaluated"] + shown.map(\.name) + (flags ? ["flags"] : []))
        }
    }

    /// The accounts of one chunk, after those written before.
    public mutating func accounts(_ chunk: [AccountReport]) -> String {
        accountParts(chunk).map { String(decoding: $0, as: UTF8.self) }.joined()
    }

    /// The bytes of one chunk's accounts, after those written before, in parts to be written in
    /// order: each account's text is its own, so the parts are written on `threads` threads.
    mutating func accountParts(_ chunk: [AccountReport]) -> [[UInt8]] {
        let before = written, writer = self
        written += chunk.count
        return inParallelParts(chunk.count, parts: threads) { range in writer.bytes(of: chunk[range], from: before + range.lowerBound) }
    }

    /// The text of `accounts`, the first of which is account `place` of the report.
    private func bytes(of accounts: ArraySlice<AccountReport>, from place: Int) -> [UInt8] {
        var out = TextBuffer(capacity: accounts.count * 1024)
        for (i, account) in accounts.enumerated() { write(account, first: place + i == 0, to: &out) }
        return out.bytes
    }

    /// Threads `accounts(_:)` writes a chunk with (the bytes are the same for any; `write(engine…)`
    /// writes each chunk on the thread that computed it).
    public var threads = 1

    private func write(_ account: AccountReport, first: Bool, to out: inout TextBuffer) {
        switch form {
        case .json:
            out.append(first ? "\n    " : ",\n    ")
            writeJSON(account, pretty: true, to: &out)
        case .jsonLines:
            writeJSON(account, pretty: false, to: &out)
            out.append("\n")
        case .csv:
            writeCSV(account, to: &out)
        }
    }

    /// One account as the JSON forms write it (`ReportRenderer.json(account…)`: keys sorted,
    /// pretty at depth 2 inside `accounts`, or compact on one line), written straight into `out`:
    /// no tree, no dictionary, no sorting per account. The parts most accounts leave empty
    /// (notes, violations, flags) go through the tree writer.
    private func writeJSON(_ account: AccountReport, pretty: Bool, to out: inout TextBuffer) {
        let member: StaticString = pretty ? ",\n      " : ","
        let colon: StaticString = pretty ? ": " : ":"
        func tree(_ value: JSONOutput) {
            var text = ""
            if pretty { value.write(to: &text, indent: 3) } else { value.writeCompact(to: &text) }
            out.append(string: text)
        }
        out.append(pretty ? "{\n      \"evaluated\"" : "{\"evaluated\"")
        out.append(colon)
        out.append(account.evaluated ? "true" : "false")
        if flags {
            out.append(member); out.append("\"flags\""); out.append(colon)
            tree(.array(account.flags.map(JSONOutput.string)))
        }
        out.append(member); out.append("\"id\""); out.append(colon)
        out.jsonString(account.id)
        out.append(member); out.append("\"liquidation\""); out.append(colon)
        if let plan = account.liquidation { Self.writeLiquidation(plan, pretty: pretty, to: &out) } else { out.append("null") }
        out.append(member); out.append("\"notes\""); out.append(colon)
        if account.notes.isEmpty { out.append("[]") } else {
            tree(.array(account.notes.map(ReportRenderer.json)))
        }
        if let remedy = account.remedy {
            out.append(member); out.append("\"remedy\""); out.append(colon)
            tree(ReportRenderer.json(remedy))
        }
        out.append(member); out.append("\"values\""); out.append(colon)
        if !account.evaluated || sortedKeys.isEmpty {
            out.append("{}")
        } else {
            keyBytes.withUnsafeBufferPointer { keyBytes in
                account.values.withUnsafeBufferPointer { values in
                    for i in sortedKeys.indices {
                        out.append(bytes: UnsafeBufferPointer(rebasing: keyBytes[sortedKeys[i].prefix]))
                        Self.writeValue(values[sortedKeys[i].column], to: &out)
                    }
                }
            }
            out.append(pretty ? "\n      }" : "}")
        }
        out.append(member); out.append("\"violations\""); out.append(colon)
        if account.violations.isEmpty { out.append("[]") } else { tree(.array(account.violations.map(ReportRenderer.json))) }
        out.append(pretty ? "\n    }" : "}")
    }

    /// One account as `ReportRenderer.csvRow(csvFields(…))` writes it, straight into `out`.
    private func writeCSV(_ account: AccountReport, to out: inout TextBuffer) {
        out.csvField(account.id)
        out.append(account.evaluated ? ",true" : ",false")
        for column in columns {
            out.append(byte: 0x2C)
            guard account.evaluated else { continue }
            switch account.values[column] {
            case .number(let x):
                // As `ReportRenderer.csvField`: undefined is empty, the infinities are words.
                if x.isNaN { continue }
                if x.isInfinite { out.append(x > 0 ? "Infinity" : "-Infinity") } else { out.number(x) }
            case let value:
                out.csvField(ReportRenderer.csvField(value))
            }
        }
        if flags {
            out.append(byte: 0x2C)
            out.csvField(account.flags.joined(separator: ";"))
        }
        out.append("\r\n")
    }

    /// A liquidation plan as `ReportRenderer.json(plan)` writes it, as an account's member (depth 3).
    static func writeLiquidation(_ plan: LiquidationPlanReport, pretty: Bool, to out: inout TextBuffer) {
        let colon: StaticString = pretty ? ": " : ":"
        let top: StaticString = pretty ? "\n        " : "", inner: StaticString = pretty ? "\n            " : ""
        func key(_ name: StaticString, _ indent: StaticString, first: Bool = false) {
            if !first { out.append(",") }
            out.append(indent); out.append("\""); out.append(name); out.append("\""); out.append(colon)
        }
        out.append("{")
        key("bad_debt", top, first: true); out.number(plan.badDebt)
        key("close_factor", top); out.number(plan.closeFactor)
        key("collateral_seized_value", top); out.number(plan.collateralSeizedValue)
        key("debt_repaid_value", top); out.number(plan.debtRepaidValue)
        key("steps", top)
        if plan.steps.isEmpty { out.append("[]") } else {
            out.append("[")
            for (i, step) in plan.steps.enumerated() {
                if i > 0 { out.append(",") }
                out.append(pretty ? "\n          {" : "{")
                key("bonus", inner, first: true); out.number(step.bonus)
                key("repay_amount", inner); out.number(step.repayAmount)
                key("repay_asset", inner); out.jsonString(step.repayAsset)
                key("seize_amount", inner); out.number(step.seizeAmount)
                key("seize_asset", inner); out.jsonString(step.seizeAsset)
                out.append(pretty ? "\n          }" : "}")
            }
            out.append(pretty ? "\n        ]" : "]")
        }
        out.append(pretty ? "\n      }" : "}")
    }

    /// A value as `ReportRenderer.json(_ value:)` writes it.
    @inline(__always)
    static func writeValue(_ value: ReportValue, to out: inout TextBuffer) {
        switch value {
        case .number(let x): out.number(x)
        case .decimal(_, let exact): out.jsonString(exact)
        case .flag(let b): out.append(b ? "true" : "false")
        case .label(let word): out.jsonString(word)
        case .undefined: out.append("null")
        }
    }

    /// What comes after the last account: for JSON, the rest of the document (the summary
    /// among it, counted by then); for JSON Lines, the summary's line.
    public func closing(_ header: Report) -> String {
        switch form {
        case .json:
            // The accounts come first among the sorted keys; the rest is the document without them.
            guard case .object(var members) = ReportRenderer.json(shownOnly(header)) else { return "" }
            members["accounts"] = nil
            let rest = JSONOutput.object(members).text.dropFirst(2)
            return (written == 0 ? "]" : "\n  ]") + ",\n" + rest
        case .jsonLines: return ReportRenderer.linesSummary(shownOnly(header)).line
        case .csv: return ""
        }
    }

    /// The report without accounts, its outputs the ones shown.
    private func shownOnly(_ header: Report) -> Report {
        var report = header
        report.accounts = []
        if let selected = try? report.selecting(outputs: shown.map(\.name)).get() { report = selected }
        return report
    }
}
