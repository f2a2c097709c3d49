import LeverSyntax

/// Every declaration of a policy and its imports, by kind and name.
///
/// Built once from the parsed files in load order (imports before the files that import them),
/// so a later file's `override` replaces an earlier file's declaration. Later stages look names
/// up here instead of walking the trees again. Building reports duplicate declarations, missing
/// or needless `override`, and class inheritance cycles.
public struct SymbolTable: Sendable {
    /// Declarations by namespace, then name (see `SymbolKind.namespace`).
    public private(set) var byNamespace: [String: [String: Symbol]] = [:]
    /// Every surviving named symbol in declaration order (overridden ones removed).
    public private(set) var ordered: [Symbol] = []
    /// Assertions in declaration order; they have no names.
    public private(set) var assertions: [Declaration] = []
    /// Classes whose parent chain loops back on itself (reported once, at the class named).
    public internal(set) var cyclicClasses: Set<String> = []
    /// Classes by name, kept apart so chain walks are one dictionary lookup per step.
    public private(set) var classInfos: [String: ClassInfo] = [:]

    public init() {}

    /// Builds the table from files in load order and returns it with the diagnostics found.
    public static func build(files: [ParsedFile]) -> (SymbolTable, [Diagnostic]) {
        var table = SymbolTable()
        var diagnostics: [Diagnostic] = []
        for (index, file) in files.enumerated() {
            for decl in file.policy.declarations {
                table.declare(decl, fileIndex: index, into: &diagnostics)
            }
        }
        diagnostics += table.findClassCycles()
        return (table, diagnostics)
    }

    // MARK: - Lookup

    /// The symbol of a kind with this name, if declared.
    public func lookup(_ kind: SymbolKind, _ name: String) -> Symbol? {
        guard let symbol = byNamespace[kind.namespace]?[name], symbol.kind == kind else { return nil }
        return symbol
    }

    /// Any symbol with this name in a namespace (e.g. `value`: params, measures, curves, tables).
    public func lookup(namespace: String, _ name: String) -> Symbol? {
        byNamespace[namespace]?[name]
    }

    /// All symbols of one kind, in declaration order.
    public func symbols(_ kind: SymbolKind) -> [Symbol] {
        ordered.filter { $0.kind == kind }
    }

    /// The declared names of one kind, for "did you mean" suggestions.
    public func names(_ kind: SymbolKind) -> [String] {
        symbols(kind).map(\.name)
    }

    // MARK: - Building

    /// Scenarios one grid declaration may stand for: each is a full revaluation of every account.
    public static let maxGridScenarios = 256

    private mutating func declare(_ decl: Declaration, fileIndex: Int, into diagnostics: inout [Diagnostic]) {
        // A grid scenario is the scenarios it scans, each declared on its own.
        if case .scenario(let name, let shocks) = decl.kind, shocks.contains(where: { $0.grid != nil }) {
            let size = Shock.gridSize(shocks)
            guard size <= Self.maxGridScenarios else {
                diagnostics.append(.gridTooLarge(name, size: size, limit: Self.maxGridScenarios))
                return
            }
            for (member, memberShocks) in Shock.expandGrid(name, shocks) {
                var one = decl
                one.kind = .scenario(member, memberShocks)
                declare(one, fileIndex: fileIndex, into: &diagnostics)
            }
            return
        }
        let kind = SymbolKind(decl.kind)
        if kind == .assertion {
            assertions.append(decl)
            return
        }
        let (name, span) = Self.nameAndSpan(decl)
        let symbol = Symbol(kind: kind, name: name, nameSpan: span, declaration: decl, fileIndex: fileIndex)
        let existing = byNamespace[kind.namespace]?[name]
        if let diagnostic = Self.clash(symbol, existing: existing) {
            diagnostics.append(diagnostic)
            if existing != nil { return }
        }
        if let existing { ordered.removeAll { $0.kind == existing.kind && $0.name == existing.name } }
        if existing != nil { classInfos[name] = nil }
        byNamespace[kind.namespace, default: [:]][name] = symbol
        ordered.append(symbol)
        if case .classDecl(let n, let parent, let body) = decl.kind {
            classInfos[name] = ClassInfo(name: n, parent: parent, body: body)
        }
    }

    /// What is wrong with declaring `symbol` next to `existing`, if anything.
    private static func clash(_ symbol: Symbol, existing: Symbol?) -> Diagnostic? {
        let isOverride = symbol.declaration.isOverride
        guard let existing else {
            return isOverride ? .overridesNothing(symbol) : nil
        }
        if existing.fileIndex == symbol.fileIndex { return .duplicateDeclaration(symbol, first: existing) }
        return isOverride ? nil : .redeclaresImport(symbol, imported: existing)
    }

    private static func nameAndSpan(_ decl: Declaration) -> (String, Span) {
        if case .settings(let keyword, _) = decl.kind { return (keyword.rawValue, decl.span) }
        guard let name = decl.name else { return ("", decl.span) }
        return (name.text, name.span)
    }
}
