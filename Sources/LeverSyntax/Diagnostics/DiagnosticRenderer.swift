/// Turns diagnostics into text for people, editors, CI annotations or tools.
///
/// Kept apart from `Diagnostic` so that every phase reports plain data and one place decides how
/// it looks (swift-syntax's decorators, OPA's `--format`). Output is deterministic: diagnostics are
/// sorted by file, line and column, and the JSON form has sorted keys.
public struct DiagnosticRenderer: Sendable {
    /// The output form.
    public enum Style: Sendable, Hashable {
        /// `file:line:col: error[code]: message`, then the source snippet with labels, notes, help
        /// and fix-its; ANSI colour when `color` is true.
        case human(color: Bool)
        /// `human` without ANSI escapes: the only form golden files contain.
        case plain
        /// A stable JSON array, one object per diagnostic, keys sorted.
        case json
        /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`).
        case github
        /// SARIF 2.1.0, for code-scanning dashboards and review tools.
        case sarif
    }

    /// The output form.
    public var style: Style
    /// At most this many diagnostics are shown in the human forms; the rest are counted in one line
    /// so a broken file cannot flood the terminal.
    public var limit: Int
    /// The tool's version, for the forms that name it (SARIF's `driver.version`).
    public var toolVersion: String?

    /// A renderer for `style` that shows at most `limit` diagnostics in the human forms.
    public init(style: Style, limit: Int = 200, toolVersion: String? = nil) {
        self.style = style
        self.limit = max(1, limit)
        self.toolVersion = toolVersion
    }

    /// Renders every diagnostic (sorted) in this renderer's style; the empty string when there are none.
    ///
    /// The human forms end with the `summary(_:)` line, such as `2 errors, 1 warning emitted`.
    public func render(_ diagnostics: [Diagnostic], sources: SourceMap) -> String {
        let sorted = diagnostics.sorted()
        switch style {
        case .human(let color):
            return renderHuman(sorted, sources: sources, paint: Paint(enabled: color))
        case .plain:
            return renderHuman(sorted, sources: sources, paint: Paint(enabled: false))
        case .json:
            return renderJSON(sorted, sources: sources)
        case .github:
            return renderGitHub(sorted, sources: sources)
        case .sarif:
            return renderSARIF(sorted, sources: sources)
        }
    }

    /// The closing line of the human forms: `2 errors, 1 warning emitted`, notes counted last;
    /// `no problems found` when there are none.
    ///
    /// rustc-style counts let a reader see the outcome without scrolling back.
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let counted: [(Diagnostic.Severity, String)] = [(.error, "error"), (.warning, "warning"), (.note, "note")]
        let parts = counted.compactMap { severity, word -> String? in
            let n = diagnostics.count { $0.severity == severity }
            return n > 0 ? plural(n, word) : nil
        }
        return parts.isEmpty ? "no problems found" : parts.joined(separator: ", ") + " emitted"
    }

    static func plural(_ n: Int, _ word: String) -> String {
        "\(n) \(word)\(n == 1 ? "" : "s")"
    }
}

// MARK: - Colour

/// ANSI colouring that collapses to the identity when disabled, so the human and plain forms share
/// one code path and goldens never contain escapes.
struct Paint: Sendable {
    enum Tone: String, Sendable {
        case red = "31", yellow = "33", green = "32", blue = "34", cyan = "36", bold = "1"
    }

    let enabled: Bool

    func callAsFunction(_ text: String, _ tone: Tone, bold: Bool = false) -> String {
        guard enabled, !text.isEmpty else { return text }
        let codes = bold && tone != .bold ? "1;\(tone.rawValue)" : tone.rawValue
        return "\u{1B}[\(codes)m\(text)\u{1B}[0m"
    }

    func severity(_ severity: Diagnostic.Severity) -> Tone {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .note: .green
        }
    }
}
