import LeverSyntax

extension AccountNote {
    /// A load problem as a note on its account's report: the message (it starts with the JSON
    /// path), and the suggested fix when there is one (`…; use `Binance``), since a report is
    /// often read without the diagnostics that went to standard error.
    public init(_ diagnostic: Diagnostic) {
        let severity: Severity
        switch diagnostic.severity {
        case .error: severity = .error
        case .warning, .note: severity = .warning
        }
        let fix = diagnostic.fixIts.isEmpty ? nil : diagnostic.help
        self.init(severity: severity, message: diagnostic.message + (fix.map { "; \($0)" } ?? ""))
    }
}
