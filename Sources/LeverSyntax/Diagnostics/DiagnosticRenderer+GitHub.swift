// The GitHub Actions form: one workflow command per diagnostic, which the runner turns into an
// annotation on the pull request's diff.
// Format: https://docs.github.com/actions/reference/workflow-commands-for-github-actions

extension DiagnosticRenderer {
    func renderGitHub(_ diagnostics: [Diagnostic], sources: SourceMap) -> String {
        diagnostics.map { githubLine($0, sources: sources) + "\n" }.joined()
    }

    /// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=L0304::message` with notes and help
    /// on following (encoded) lines of the message.
    func githubLine(_ d: Diagnostic, sources: SourceMap) -> String {
        let command = switch d.severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
        var properties: [String] = []
        if let file = sources.file(d.primary.span.file) {
            let (line, column) = file.location(of: d.primary.span.start)
            let (endLine, endColumn) = file.location(of: d.primary.span.end)
            properties += ["file=\(file.path)", "line=\(line)", "col=\(column)"]
            properties += ["endLine=\(endLine)", "endColumn=\(endColumn)"]
        }
        properties.append("title=\(d.code)")
        var message = [d.message] + d.notes.map { "note: \($0)" }
        if let help = d.help { message.append("help: \(help)") }
        let props = properties.map(Self.escapeProperty).joined(separator: ",")
        return "::\(command) \(props)::\(Self.escapeData(message.joined(separator: "\n")))"
    }

    static func escapeData(_ s: String) -> String {
        s.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// Property values also escape `:` and `,`, which separate properties; the `key=` stays as is.
    static func escapeProperty(_ property: String) -> String {
        guard let eq = property.firstIndex(of: "=") else { return property }
        let value = escapeData(String(property[property.index(after: eq)...]))
            .replacing(":", with: "%3A").replacing(",", with: "%2C")
        return property[...eq] + value
    }
}
