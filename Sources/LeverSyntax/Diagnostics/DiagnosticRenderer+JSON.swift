// The JSON form: a stable array for tools. Keys are sorted and positions are 1-based lines and
// character columns (end exclusive), `null` for synthetic spans. Written by hand so that
// LeverSyntax needs no Foundation and the byte layout never depends on a library's choices.

extension DiagnosticRenderer {
    func renderJSON(_ diagnostics: [Diagnostic], sources: SourceMap) -> String {
        JSONValue.array(diagnostics.map { json($0, sources: sources) }).serialized(indent: 0) + "\n"
    }

    func json(_ d: Diagnostic, sources: SourceMap) -> JSONValue {
        var fields = position(d.primary.span, sources: sources)
        fields["severity"] = .string(d.severity.rawValue)
        fields["code"] = .string(d.code)
        fields["message"] = .string(d.message)
        let labels = [(d.primary, true)] + d.secondary.map { ($0, false) }
        fields["labels"] = .array(labels.map { label, isPrimary in
            var object = position(label.span, sources: sources)
            object["message"] = label.message.map(JSONValue.string) ?? .null
            object["primary"] = .bool(isPrimary)
            return .object(object)
        })
        fields["notes"] = .array(d.notes.map(JSONValue.string))
        fields["help"] = d.help.map(JSONValue.string) ?? .null
        fields["fixits"] = .array(d.fixIts.map { fix in
            .object(["message": .string(fix.message), "edits": .array(fix.edits.map { edit in
                var object = position(edit.span, sources: sources)
                object["replacement"] = .string(edit.replacement)
                return .object(object)
            })])
        })
        return .object(fields)
    }

    /// `file`, `line`, `column`, `endLine`, `endColumn` of a span (all `null` when synthetic).
    func position(_ span: Span, sources: SourceMap) -> [String: JSONValue] {
        guard let file = sources.file(span.file) else {
            return ["file": .null, "line": .null, "column": .null, "endLine": .null, "endColumn": .null]
        }
        let (line, column) = file.location(of: span.start)
        let (endLine, endColumn) = file.location(of: span.end)
        return ["file": .string(file.path), "line": .int(line), "column": .int(column),
                "endLine": .int(endLine), "endColumn": .int(endColumn)]
    }
}

/// A minimal JSON tree whose serialisation is deterministic: object keys sorted, two-space indent.
enum JSONValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    func serialized(indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent + 1), close = String(repeating: "  ", count: indent)
        switch self {
        case .string(let s): return Self.quoted(s)
        case .int(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            let body = items.map { pad + $0.serialized(indent: indent + 1) }
            return "[\n" + body.joined(separator: ",\n") + "\n" + close + "]"
        case .object(let fields):
            guard !fields.isEmpty else { return "{}" }
            let body = fields.keys.sorted().map { key in
                pad + Self.quoted(key) + ": " + (fields[key] ?? .null).serialized(indent: indent + 1)
            }
            return "{\n" + body.joined(separator: ",\n") + "\n" + close + "}"
        }
    }

    /// A JSON string literal; control characters become `\u00XX` so any source text round-trips.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
