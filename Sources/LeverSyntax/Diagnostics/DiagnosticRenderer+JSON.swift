// The JSON form: a stable array for tools. Keys are sorted and positions are 1-based lines and
// character columns (end exclusive), `null` for synthetic spans.

extension DiagnosticRenderer {
    func renderJSON(_ diagnostics: [Diagnostic], sources: SourceMap) -> String {
        JSONOutput.array(diagnostics.map { json($0, sources: sources) }).text
    }

    func json(_ d: Diagnostic, sources: SourceMap) -> JSONOutput {
        var fields = position(d.primary.span, sources: sources)
        fields["severity"] = .string(d.severity.rawValue)
        fields["code"] = .string(d.code)
        fields["message"] = .string(d.message)
        let labels = [(d.primary, true)] + d.secondary.map { ($0, false) }
        fields["labels"] = .array(labels.map { label, isPrimary in
            var object = position(label.span, sources: sources)
            object["message"] = label.message.map(JSONOutput.string) ?? .null
            object["primary"] = .bool(isPrimary)
            return .object(object)
        })
        fields["notes"] = .array(d.notes.map(JSONOutput.string))
        fields["help"] = d.help.map(JSONOutput.string) ?? .null
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
    func position(_ span: Span, sources: SourceMap) -> [String: JSONOutput] {
        guard let file = sources.file(span.file) else {
            return ["file": .null, "line": .null, "column": .null, "endLine": .null, "endColumn": .null]
        }
        let (line, column) = file.location(of: span.start)
        let (endLine, endColumn) = file.location(of: span.end)
        return ["file": .string(file.path), "line": .int(line), "column": .int(column),
                "endLine": .int(endLine), "endColumn": .int(endColumn)]
    }
}
