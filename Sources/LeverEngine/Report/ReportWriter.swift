import LeverCompile
import LeverSyntax

/// Writes a report as its accounts are computed, a chunk at a time, so a book of any size is
/// reported in bounded memory: the bytes are exactly those `ReportRenderer` writes for the whole
/// report, in the machine forms (JSON, JSON Lines, CSV). The table is not written this way: its
/// columns are as wide as their widest value, which only the whole book knows.
///
/// Use: `opening(header)`, then `accounts(chunk)` for each chunk in book order, then
/// `closing(header)`, where `header` is the report `MarginEngine.evaluate(book:market:…, body)`
/// returns (no accounts, its `tally` counted over all of them). JSON Lines puts the summary on its
/// first line, so for it the header must come from a first pass (`needsTallyFirst`,
/// `MarginEngine.counted`). `write(engine…)` does all of it.
public struct ReportWriter: Sendable {
    /// The forms that can be written as they are computed.
    public enum Form: Sendable, Hashable { case json, jsonLines, csv }

    public let form: Form
    /// The outputs shown, and where each is in an account's values (the policy's order).
    let shown: [OutputInfo]
    let columns: [Int]
    /// The shown outputs as the JSON forms order an account's `values`: by name's bytes, each
    /// with its key written once (quoted) and its column in the full values.
    let sortedKeys: [(key: String, column: Int)]
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
        sortedKeys = columns.sorted { outputs[$0].name.utf8.lexicographicallyPrecedes(outputs[$1].name.utf8) }.map { column in
            var key = ""
            JSONOutput.writeString(outputs[column].name, to: &key)
            return (key, column)
        }
        flags = declaresFlags
    }

    /// Whether the opening needs the whole book's tally (JSON Lines' first line has the summary).
    public var needsTallyFirst: Bool { form == .jsonLines }

    /// Evaluates `book` with `engine` and writes its report through `emit`, a chunk of accounts
    /// at a time (the loader's rejected accounts in their places); returns the report without
    /// its accounts, with `provenance` and the tally of every account. JSON Lines, whose first line
    /// holds the summary, first counts it from the program's results (`MarginEngine.counted`).
    public mutating func write(_ engine: MarginEngine, book: Book, market: MarketSnapshot, threads: Int = 1,
                               chunkSize: Int = 16_384, provenance: Provenance? = nil,
                               emit: (String) throws -> Void) rethrows -> Report {
        self.threads = threads
        func decorated(_ header: Report) -> Report {
            var header = header
            header.provenance = provenance
            return header
        }
        if needsTallyFirst {
            // Counted from the results alone, then written: the reports are built once.
            try emit(opening(decorated(engine.counted(book: book, market: market, threads: threads, chunkSize: chunkSize))))
        } else {
            try emit(opening(nil))
        }
        let header = decorated(try engine.evaluate(book: book, market: market, threads: threads, chunkSize: chunkSize,
                                                   rejected: book.rejected) { chunk in try emit(accounts(chunk)) })
        try emit(closing(header))
        return header
    }

    /// What comes before the first account; JSON Lines needs the header with the whole tally.
    public func opening(_ header: Report?) -> String {
        switch form {
        case .json: "{\n  \"accounts\": ["
        case .jsonLines: header.map { root($0).line } ?? ""
        case .csv: ReportRenderer.csvRow(["account", "evaluated"] + shown.map(\.name) + (flags ? ["flags"] : []))
        }
    }

    /// The accounts of one chunk, after those written before.
    public mutating func accounts(_ chunk: [AccountReport]) -> String {
        let before = written, writer = self
        // Each account's text is its own: written on `threads` threads, joined in order.
        let parts = inParallelParts(chunk.count, parts: threads) { range in
            var out = TextBuffer(capacity: range.count * 512)
            for i in range { writer.write(chunk[i], first: before + i == 0, to: &out) }
            return out.text
        }
        written += chunk.count
        return parts.count == 1 ? parts[0] : parts.joined()
    }

    /// Threads to write a chunk's accounts with (the bytes are the same for any).
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
            out.append(ReportRenderer.csvRow(ReportRenderer.csvFields(account, columns: columns, flags: flags)))
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
            out.append(text)
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
            tree(.array(account.notes.map { .object(["severity": .string($0.severity.rawValue), "message": .string($0.message)]) }))
        }
        out.append(member); out.append("\"values\""); out.append(colon)
        if !account.evaluated || sortedKeys.isEmpty {
            out.append("{}")
        } else {
            out.append("{")
            for (i, entry) in sortedKeys.enumerated() {
                if i > 0 { out.append(",") }
                if pretty { out.append("\n        ") }
                out.append(entry.key)
                out.append(colon)
                Self.writeValue(account.values[entry.column], to: &out)
            }
            out.append(pretty ? "\n      }" : "}")
        }
        out.append(member); out.append("\"violations\""); out.append(colon)
        if account.violations.isEmpty { out.append("[]") } else { tree(.array(account.violations.map(ReportRenderer.json))) }
        out.append(pretty ? "\n    }" : "}")
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
    /// among it, counted by then).
    public func closing(_ header: Report) -> String {
        guard form == .json else { return "" }
        // The accounts come first among the sorted keys; the rest is the document without them.
        let rest = root(header).text.dropFirst(2)
        return (written == 0 ? "]" : "\n  ]") + ",\n" + rest
    }

    /// The report's JSON form without `accounts`, its outputs the ones shown.
    private func root(_ header: Report) -> JSONOutput {
        var report = header
        report.accounts = []
        if let selected = try? report.selecting(outputs: shown.map(\.name)).get() { report = selected }
        guard case .object(var members) = ReportRenderer.json(report) else { return .null }
        members["accounts"] = nil
        return .object(members)
    }
}

/// Report text being written, as UTF-8 bytes in a buffer it owns: appending a piece is a bounds
/// check and a copy of its bytes, where appending to a `String` or an `Array` pays for their
/// bookkeeping (uniqueness, growth policy) on every one of a report's many small pieces.
struct TextBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    @inline(__always)
    private mutating func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        var grown = capacity * 2
        while grown < count + n { grown *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.update(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = grown
    }

    @inline(__always)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        if let base = bytes.baseAddress { (start + count).update(from: base, count: bytes.count) }
        count += bytes.count
    }

    @inline(__always)
    mutating func append(byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    mutating func append(_ piece: StaticString) {
        append(bytes: UnsafeBufferPointer(start: piece.utf8Start, count: piece.utf8CodeUnitCount))
    }

    mutating func append(_ piece: String) {
        var piece = piece
        piece.withUTF8 { append(bytes: $0) }
    }

    /// A number as `JSONOutput.writeNumber` writes it.
    mutating func number(_ x: Double) { append(JSONOutput.numberText(x)) }

    /// A string literal as `JSONOutput.writeString` writes it.
    mutating func jsonString(_ s: String) {
        var s = s
        let plain = s.withUTF8 { utf8 in
            guard !JSONOutput.needsEscaping(utf8) else { return false }
            append(byte: 0x22)
            append(bytes: utf8)
            append(byte: 0x22)
            return true
        }
        if plain { return }
        var text = ""
        JSONOutput.writeString(s, to: &text)
        append(text)
    }

    /// The bytes as text (they are UTF-8 by construction).
    var text: String { String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) }
}
