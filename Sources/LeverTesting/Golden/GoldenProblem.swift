import LeverSyntax

/// Why a case could not be evaluated (bad `case.json`, policy or input errors), as the text the
/// case's failure shows. A value, not thrown: user mistakes fail the case, they do not abort the run.
struct GoldenProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }

    /// Policy or input diagnostics, rendered as `lever check --format plain` shows them.
    init(_ diagnostics: [Diagnostic], _ sources: SourceMap) {
        message = DiagnosticRenderer(style: .plain).render(diagnostics, sources: sources)
    }
}
