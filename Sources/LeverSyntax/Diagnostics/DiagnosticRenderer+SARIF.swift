// The SARIF 2.1.0 form (OASIS Static Analysis Results Interchange Format), which code-scanning
// dashboards and review tools read: one run of the `lever` tool, one rule per diagnostic code
// seen (its first message as the short description, its help as the help text), one result per
// diagnostic with its primary location, its other labels as related locations, its notes in the
// message, and each fix-it as a fix of replacements. Lines and columns are 1-based, end exclusive,
// columns counted in Unicode code points (`columnKind`). Keys are sorted, as in the JSON form.
// Format: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html

extension DiagnosticRenderer {
    /// The schema SARIF consumers look the document up by.
    static let sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"

    func renderSARIF(_ diagnostics: [Diagnostic], sources: SourceMap) -> String {
        var codes: [String] = []
        var first: [String: Diagnostic] = [:]
        for d in diagnostics where first[d.code] == nil {
            codes.append(d.code)
            first[d.code] = d
        }
        codes.sort()
        let ruleIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        var driver: [String: JSONOutput] = [
            "name": .string("lever"),
            "rules": .array(codes.compactMap { first[$0].map(sarifRule) }),
        ]
        if let toolVersion { driver["version"] = .string(toolVersion) }
        let run: [String: JSONOutput] = [
            "tool": .object(["driver": .object(driver)]),
            "columnKind": .string("unicodeCodePoints"),
            "results": .array(diagnostics.map { sarifResult($0, ruleIndex: ruleIndex[$0.code] ?? 0, sources: sources) }),
        ]
        return JSONOutput.object([
            "$schema": .string(Self.sarifSchema), "version": .string("2.1.0"), "runs": .array([.object(run)]),
        ]).text
    }

    /// A rule: the code, what it is about and how to fix it, and the level it reports at.
    func sarifRule(_ d: Diagnostic) -> JSONOutput {
        var rule: [String: JSONOutput] = [
            "id": .string(d.code),
            "shortDescription": .object(["text": .string(d.message)]),
            "defaultConfiguration": .object(["level": .string(Self.sarifLevel(d.severity))]),
        ]
        if let help = d.help { rule["help"] = .object(["text": .string(help)]) }
        return .object(rule)
    }

    func sarifResult(_ d: Diagnostic, ruleIndex: Int, sources: SourceMap) -> JSONOutput {
        var text = d.message
        if let label = d.primary.message { text += " (\(label))" }
        for note in d.notes { text += "\nnote: \(note)" }
        if let help = d.help { text += "\nhelp: \(help)" }
        var result: [String: JSONOutput] = [
            "ruleId": .string(d.code), "ruleIndex": .int(ruleIndex), "level": .string(Self.sarifLevel(d.severity)),
            "message": .object(["text": .string(text)]),
        ]
        if let location = sarifLocation(d.primary.span, sources: sources) { result["locations"] = .array([location]) }
        let related = d.secondary.enumerated().compactMap { i, label -> JSONOutput? in
            guard case .object(var object)? = sarifLocation(label.span, sources: sources) else { return nil }
            object["id"] = .int(i + 1)
            if let message = label.message { object["message"] = .object(["text": .string(message)]) }
            return .object(object)
        }
        if !related.isEmpty { result["relatedLocations"] = .array(related) }
        let fixes = d.fixIts.compactMap { sarifFix($0, sources: sources) }
        if !fixes.isEmpty { result["fixes"] = .array(fixes) }
        return .object(result)
    }

    /// A fix: its description and, per file, the replacements it makes.
    func sarifFix(_ fix: Diagnostic.FixIt, sources: SourceMap) -> JSONOutput? {
        var byFile: [(uri: String, replacements: [JSONOutput])] = []
        for edit in fix.edits {
            guard let file = sources.file(edit.span.file), let region = sarifRegion(edit.span, in: file) else { continue }
            let replacement = JSONOutput.object(["deletedRegion": region,
                                                 "insertedContent": .object(["text": .string(edit.replacement)])])
            let uri = Self.sarifURI(file.path)
            if let i = byFile.firstIndex(where: { $0.uri == uri }) {
                byFile[i].replacements.append(replacement)
            } else {
                byFile.append((uri, [replacement]))
            }
        }
        guard !byFile.isEmpty else { return nil }
        return .object([
            "description": .object(["text": .string(fix.message)]),
            "artifactChanges": .array(byFile.map { change in
                .object(["artifactLocation": .object(["uri": .string(change.uri)]), "replacements": .array(change.replacements)])
            }),
        ])
    }

    /// A physical location, or nil for a synthetic span (a diagnostic about no place in a file).
    func sarifLocation(_ span: Span, sources: SourceMap) -> JSONOutput? {
        guard let file = sources.file(span.file), let region = sarifRegion(span, in: file) else { return nil }
        return .object(["physicalLocation": .object([
            "artifactLocation": .object(["uri": .string(Self.sarifURI(file.path))]), "region": region,
        ])])
    }

    func sarifRegion(_ span: Span, in file: SourceFile) -> JSONOutput? {
        let (line, column) = file.location(of: span.start)
        let (endLine, endColumn) = file.location(of: max(span.end, span.start))
        return .object(["startLine": .int(line), "startColumn": .int(column), "endLine": .int(endLine),
                        "endColumn": .int(endColumn)])
    }

    /// A file path as a URI: a relative reference for a relative path, a `file://` URI for an
    /// absolute one; `%` and the characters URIs reserve or forbid percent-encoded, `/` kept.
    static func sarifURI(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            let c = Character(UnicodeScalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~/".contains(c)) {
                out.append(c)
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    static func sarifLevel(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }
}
