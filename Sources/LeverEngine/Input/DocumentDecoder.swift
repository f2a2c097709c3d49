import LeverSyntax

/// The shared machinery of the book and market loaders: a `JSONReader` plus the JSON path of
/// the current value and the diagnostics found so far.
///
/// Each `decode…` helper reads one value of the expected kind at the cursor; on a kind mismatch it
/// reports `expected X, found Y`, skips the value and returns nil, so one wrong field never stops
/// the rest of the document from being checked.
struct DocumentDecoder {
    var reader: JSONReader
    let fileID: Int
    /// The path to the current value; keys are kept as offsets and decoded only for messages.
    var path: [PathStep] = []
    var diagnostics: [Diagnostic] = []
    /// Start and end of the current member's key, for diagnostics about the key itself.
    var keySpan = Span.synthetic
    /// The work left for "did you mean" searches in this file: a file may misspell a field or a
    /// word on every line, and each search costs something.
    var suggestions = SuggestionBudget()

    /// Bytes a string or a key may have between its quotes (`InputLimits.maxStringLength`).
    let maxStringLength: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, fileID: Int, maxDepth: Int, maxStringLength: Int = InputLimits.standard.maxStringLength) {
        reader = JSONReader(bytes, maxDepth: maxDepth)
        self.fileID = fileID
        self.maxStringLength = maxStringLength
    }

    /// Reports a key longer than the limit and skips its value; true when it was.
    mutating func keyTooLong(_ key: JSONReader.KeyToken) -> Bool {
        let length = key.end - key.start - 2
        guard length > maxStringLength else { return false }
        reader.skipValue()
        report(.stringTooLong(here, length: length, limit: maxStringLength, at: span(key.start, key.start + 1)))
        return true
    }

    /// The current path as a message prefix: `accounts[3].size: `, or empty at the root.
    var here: String { path.isEmpty ? "" : "\(jsonPath(path)): " }

    /// One step of the current path: a key (offset of its opening quote) or an array index.
    enum PathStep {
        case key(Int)
        case index(Int)
        /// A key the document does not spell out: the `accounts` of a JSON Lines book, whose
        /// lines are the array's elements.
        case name(String)
    }

    /// The readable path of `steps`.
    func jsonPath(_ steps: some Sequence<PathStep>) -> JSONPath {
        JSONPath(steps.map { step in
            switch step {
            case .key(let offset): .key(keyText(at: offset))
            case .index(let i): .index(i)
            case .name(let name): .key(name)
            }
        })
    }

    /// The text of the key whose opening quote is at `offset`.
    func keyText(at offset: Int) -> String {
        var r = JSONReader(reader.bytes, maxDepth: 1)
        r.position = offset
        return r.readString() ?? "?"
    }

    func span(_ start: Int, _ end: Int) -> Span { Span(file: fileID, start: start, end: end) }

    /// The span of the value just read or skipped.
    var valueSpan: Span { span(reader.valueStart, max(reader.valueStart, reader.position)) }

    /// The first byte of the value at the cursor, not yet read.
    var nextValueSpan: Span {
        mutating get {
            reader.skipWhitespace()
            return span(reader.position, reader.position + 1)
        }
    }

    /// Number of errors so far (to tell whether one account added any).
    private(set) var errorCount = 0

    mutating func report(_ d: Diagnostic) {
        if d.severity == .error { errorCount += 1 }
        diagnostics.append(d)
    }

    /// Turns the reader's syntax error, if any, into a diagnostic (call once, at the end).
    mutating func finish() {
        reader.finish()
        if let e = reader.error { report(.jsonSyntax(e.kind, at: span(e.offset, e.offset + 1))) }
    }

    // MARK: - Containers

    /// Reads an object whose known members are `F`, calling `body` for each known member with
    /// the path extended; unknown keys are reported and skipped. Returns the span of the `{`,
    /// or nil when the value is not an object.
    mutating func decodeObject<F: FieldName>(
        _ fields: F.Type, _ body: (inout DocumentDecoder, F) -> Void
    ) -> Span? {
        guard let start = expectKind(.object, "an object") else { return nil }
        var members = JSONReader.Members()
        while let key = reader.nextKeyToken(&members) {
            keySpan = span(key.start, key.end)
            if keyTooLong(key) { continue }
            path.append(.key(key.start))
            if let field = field(F.self, key) {
                body(&self, field)
            } else {
                unknownField(reader.keyString(key) ?? "", known: F.names)
            }
            path.removeLast()
        }
        return reader.failed ? nil : span(start, start + 1)
    }

    /// Reads an object used as a map (`assets`, `attributes`): `body` gets every key.
    mutating func decodeMap(_ body: (inout DocumentDecoder, String) -> Void) -> Span? {
        guard let start = expectKind(.object, "an object") else { return nil }
        var members = JSONReader.Members()
        while let token = reader.nextKeyToken(&members) {
            keySpan = span(token.start, token.end)
            if keyTooLong(token) { continue }
            path.append(.key(token.start))
            body(&self, reader.keyString(token) ?? "")
            path.removeLast()
        }
        return reader.failed ? nil : span(start, start + 1)
    }

    /// Reads an array, calling `body` with each element's index (path extended).
    mutating func decodeArray(_ body: (inout DocumentDecoder, Int) -> Void) -> Bool {
        guard expectKind(.array, "an array") != nil else { return false }
        var members = JSONReader.Members()
        var index = 0
        while reader.nextElement(&members) {
            path.append(.index(index))
            body(&self, index)
            path.removeLast()
            index += 1
        }
        return !reader.failed
    }

    private func field<F: FieldName>(_: F.Type, _ key: JSONReader.KeyToken) -> F? {
        if key.escaped { return reader.keyString(key).flatMap(F.init(rawValue:)) }
        return F.table.lookup(UnsafeBufferPointer(rebasing: reader.bytes[key.content]))
    }

    /// Checks the next value's kind and opens it if it is a container; returns its start offset.
    /// On a mismatch, reports it, skips the value and returns nil.
    private mutating func expectKind(_ kind: JSONKind, _ phrase: String) -> Int? {
        guard let found = reader.peek() else { return nil }
        let start = reader.valueStart
        guard found == kind else {
            mismatch(phrase, found)
            return nil
        }
        let opened = kind == .object ? reader.beginObject() : reader.beginArray()
        return opened ? start : nil
    }

    /// Reports `expected …, found …` for the value at the cursor and skips it.
    mutating func mismatch(_ expected: String, _ found: JSONKind) {
        reader.skipValue()
        guard !reader.failed else { return }
        report(.typeMismatch(here, expected: expected, found: found, at: valueSpan))
    }

    private mutating func unknownField(_ key: String, known: [String]) {
        reader.skipValue()
        if key.hasPrefix("$") { return }
        report(.unknownField(parentPrefix, key, suggestion: suggestions.closest(to: key, in: known), at: keySpan))
    }

    /// The path of the object holding the current member, as a message prefix.
    var parentPrefix: String { path.count > 1 ? "\(jsonPath(path.dropLast())): " : "" }

    /// The path of a member of the current object, as a message prefix: `accounts[2].id: `.
    func prefix(appending key: String) -> String { "\(jsonPath(path).appending(.key(key))): " }

    /// The current member's key (empty inside an array).
    var currentKey: String {
        if case .key(let offset)? = path.last { return keyText(at: offset) }
        return ""
    }
}
