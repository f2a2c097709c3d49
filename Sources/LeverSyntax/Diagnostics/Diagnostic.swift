/// A finding about a policy: what is wrong, where, and what to do about it.
///
/// Diagnostics are plain data; `DiagnosticRenderer` turns them into text, JSON or SARIF.
/// Every diagnostic has a stable `code` grouped by phase (`L01xx` lex/parse, `L02xx` names,
/// `L03xx` types and units, `L04xx` decision tables, `L05xx` curves, `L06xx` proofs,
/// `L07xx` data), so tools and tests can match on it without parsing the message.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// A span with an optional short message printed under it.
    public struct Label: Sendable, Hashable {
        public var span: Span
        public var message: String?
        public init(_ span: Span, _ message: String? = nil) {
            self.span = span
            self.message = message
        }
    }

    /// A text edit: replace the span's text by `replacement` (empty span = insertion).
    public struct Edit: Sendable, Hashable {
        public var span: Span
        public var replacement: String
        public init(_ span: Span, _ replacement: String) {
            self.span = span
            self.replacement = replacement
        }
    }

    /// A suggested change that tools may apply mechanically.
    public struct FixIt: Sendable, Hashable {
        public var message: String
        public var edits: [Edit]
        public init(_ message: String, _ edits: [Edit]) {
            self.message = message
            self.edits = edits
        }
    }

    public var severity: Severity
    /// Stable identifier, e.g. `L0201`.
    public var code: String
    /// One lowercase sentence, no trailing period (rustc style).
    public var message: String
    public var primary: Label
    public var secondary: [Label]
    public var notes: [String]
    public var help: String?
    public var fixIts: [FixIt]

    public init(
        _ severity: Severity, code: String, _ message: String, at primary: Label,
        secondary: [Label] = [], notes: [String] = [], help: String? = nil, fixIts: [FixIt] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.primary = primary
        self.secondary = secondary
        self.notes = notes
        self.help = help
        self.fixIts = fixIts
    }

    public static func error(
        _ code: String, _ message: String, at span: Span, label: String? = nil,
        secondary: [Label] = [], notes: [String] = [], help: String? = nil, fixIts: [FixIt] = []
    ) -> Diagnostic {
        Diagnostic(.error, code: code, message, at: Label(span, label), secondary: secondary,
                   notes: notes, help: help, fixIts: fixIts)
    }

    public static func warning(
        _ code: String, _ message: String, at span: Span, label: String? = nil,
        secondary: [Label] = [], notes: [String] = [], help: String? = nil, fixIts: [FixIt] = []
    ) -> Diagnostic {
        Diagnostic(.warning, code: code, message, at: Label(span, label), secondary: secondary,
                   notes: notes, help: help, fixIts: fixIts)
    }

    public static func note(
        _ code: String, _ message: String, at span: Span, label: String? = nil,
        notes: [String] = [], help: String? = nil
    ) -> Diagnostic {
        Diagnostic(.note, code: code, message, at: Label(span, label), notes: notes, help: help)
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, position, then severity, so output is stable whatever order phases ran in.
    public func sorted() -> [Diagnostic] {
        self.enumerated().sorted { a, b in
            if a.element.primary.span != b.element.primary.span {
                return a.element.primary.span < b.element.primary.span
            }
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            return a.offset < b.offset
        }.map(\.element)
    }
}
