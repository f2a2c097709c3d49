// The human and plain forms: a Swift-style first line that editors and CI parse
// (`file:line:col: error[code]: message`), then a rustc-style snippet with labelled spans.

extension DiagnosticRenderer {
    func renderHuman(_ diagnostics: [Diagnostic], sources: SourceMap, paint: Paint) -> String {
        guard !diagnostics.isEmpty else { return "" }
        let shown = diagnostics.prefix(limit)
        var out = shown.map { humanBlock($0, sources: sources, paint: paint) }.joined(separator: "\n")
        let hidden = diagnostics.count - shown.count
        if hidden > 0 {
            out += "\n" + paint("\(Self.plural(hidden, "more diagnostic")) not shown", .bold) + "\n"
        }
        return out + "\n" + paint(Self.summary(diagnostics), .bold) + "\n"
    }

    /// One diagnostic: header, one snippet per (file, line) its labels touch, then notes, help and fixes.
    func humanBlock(_ d: Diagnostic, sources: SourceMap, paint: Paint) -> String {
        let groups = SnippetGroup.groups(for: d, sources: sources)
        let width = max(1, groups.map { String($0.line).count }.max() ?? 1)
        let pipe = paint(String(repeating: " ", count: width) + " |", .blue, bold: true)
        var lines = [header(d, sources: sources, paint: paint)]
        for (index, group) in groups.enumerated() {
            if index > 0 || !group.isPrimary {
                if index > 0 { lines.append(pipe) }
                let arrow = String(repeating: " ", count: width) + "--> "
                lines.append(paint(arrow, .blue, bold: true) + "\(group.file.path):\(group.line):\(group.column)")
            }
            lines.append(pipe)
            lines += group.render(width: width, severity: d.severity, paint: paint)
        }
        let trailers = trailerLines(d, sources: sources, paint: paint, width: width)
        if !trailers.isEmpty, !groups.isEmpty { lines.append(pipe) }
        return (lines + trailers).joined(separator: "\n") + "\n"
    }

    /// `path:line:col: error[L0304]: message`, or `error[L0304]: message` for a synthetic span.
    func header(_ d: Diagnostic, sources: SourceMap, paint: Paint) -> String {
        let kind = paint("\(d.severity.rawValue)[\(d.code)]", paint.severity(d.severity), bold: true)
        let message = paint(safe(d.message), .bold)
        guard let file = sources.file(d.primary.span.file) else { return "\(kind): \(message)" }
        let (line, column) = file.location(of: d.primary.span.start)
        return paint("\(safe(file.path)):\(line):\(column):", .bold) + " \(kind): \(message)"
    }

    /// `= note:`, `= help:` and `= fix:` lines, plus messages of labels that have no place in a snippet.
    func trailerLines(_ d: Diagnostic, sources: SourceMap, paint: Paint, width: Int) -> [String] {
        let indent = String(repeating: " ", count: width + 1) + "= "
        var items: [(String, String)] = d.notes.map { ("note", $0) }
        items += d.secondary.filter { sources.file($0.span.file) == nil }.compactMap { label in
            label.message.map { ("note", $0) }
        }
        if let help = d.help { items.append(("help", help)) }
        items += d.fixIts.map { ("fix", describe($0, sources: sources)) }
        return items.map { kind, text in indent + paint(kind + ":", .bold) + " " + safe(text) }
    }

    /// A fix-it in words: "replace `hiarcut` with `haircut`", "insert `}`", "remove `,`".
    func describe(_ fix: Diagnostic.FixIt, sources: SourceMap) -> String {
        guard !fix.edits.isEmpty else { return fix.message }
        return fix.edits.map { edit in
            let old = sources.file(edit.span.file)?.text(of: edit.span) ?? ""
            let new = escaped(edit.replacement)
            if old.isEmpty { return "insert `\(new)`" }
            if edit.replacement.isEmpty { return "remove `\(escaped(old))`" }
            return "replace `\(escaped(old))` with `\(new)`"
        }.joined(separator: ", then ")
    }

    /// `text` with control characters and bidi overrides replaced, as in source lines, so a
    /// message quoting hostile source cannot reorder or recolour what the terminal shows.
    func safe(_ text: String) -> String {
        DisplayLine.sanitized(text)
    }

    private func escaped(_ text: String) -> String {
        text.replacing("\n", with: "\\n").replacing("\t", with: "\\t")
    }
}
