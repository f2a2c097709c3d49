import LeverSyntax

/// The checker's stages, in the order they run; `lever check --stop-after=units` and the golden
/// dumps name them.
public enum StageName: String, Sendable, Hashable, CaseIterable, Comparable {
    case parse, resolve, typecheck, units, tables, curves, proofs

    public static func < (a: StageName, b: StageName) -> Bool {
        let order = allCases
        return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
    }

    /// The stage a checker diagnostic belongs to, by its code.
    static func of(_ diagnostic: Diagnostic) -> StageName {
        let code = diagnostic.code
        if code.hasPrefix("L01") { return .parse }
        if code.hasPrefix("L02") { return .resolve }
        if code.hasPrefix("L03") { return Diagnostic.unitCodes.contains(code) ? .units : .typecheck }
        if code.hasPrefix("L04") { return .tables }
        if code.hasPrefix("L05") { return .curves }
        return .proofs
    }
}

/// One stage's outcome: its name and what it found.
public struct Stage: Sendable {
    public var name: StageName
    public var diagnostics: [Diagnostic]

    public init(name: StageName, diagnostics: [Diagnostic]) {
        self.name = name
        self.diagnostics = diagnostics
    }
}
