import LeverSyntax

/// What a top-level declaration declares.
///
/// Kinds are grouped into namespaces: two declarations clash only when they share a namespace,
/// so a class and a param may share a name but a param and a measure may not (both are read as
/// bare values in expressions).
public enum SymbolKind: String, Sendable, Hashable, CaseIterable {
    case param, input, `class`, asset, venue, chain, settings, table, curve, scenario, measure, assertion, `guard`, flag, remedy

    /// The namespace a kind's names live in; duplicates are detected per namespace.
    public var namespace: String {
        switch self {
        case .param, .measure, .curve, .table: "value"
        case .class, .asset, .venue, .chain: "entity"
        case .input: "input"
        case .settings: "settings"
        case .scenario: "scenario"
        case .assertion: "assertion"
        case .guard: "guard"
        case .flag: "flag"
        case .remedy: "remedy"
        }
    }

    /// The kind of a parsed declaration.
    public init(_ kind: DeclKind) {
        switch kind {
        case .param: self = .param
        case .input: self = .input
        case .classDecl: self = .class
        case .asset: self = .asset
        case .venue: self = .venue
        case .chain: self = .chain
        case .settings: self = .settings
        case .table: self = .table
        case .curve: self = .curve
        case .scenario: self = .scenario
        case .assertion: self = .assertion
        case .measure: self = .measure
        case .guardrail: self = .guard
        case .flag: self = .flag
        case .remedy: self = .remedy
        }
    }

    /// How the kind reads in messages (`class`, `asset`, `settings block`).
    public var display: String {
        switch self {
        case .settings: "settings block"
        case .class: "class"
        default: rawValue
        }
    }
}

/// One declared name: its kind, the declaration, and the file it came from.
public struct Symbol: Sendable, Hashable {
    public var kind: SymbolKind
    /// The declared name (`margin`/`oracle` for settings blocks).
    public var name: String
    /// Where the name is written; for settings blocks, the whole declaration.
    public var nameSpan: Span
    public var declaration: Declaration
    /// Index of the file in load order (imports before importers).
    public var fileIndex: Int

    public init(kind: SymbolKind, name: String, nameSpan: Span, declaration: Declaration, fileIndex: Int) {
        self.kind = kind
        self.name = name
        self.nameSpan = nameSpan
        self.declaration = declaration
        self.fileIndex = fileIndex
    }
}
