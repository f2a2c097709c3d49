/// A policy read, checked and — when it has no errors — compiled.
public struct LoadedPolicy: Sendable {
    /// Everything the checker found; its `sources` render the diagnostics.
    public let checked: CheckResult
    /// Check and compile diagnostics (errors and warnings), sorted as the checker sorts them.
    public let diagnostics: [Diagnostic]
    /// The compiled engine; nil when the policy has errors.
    public let engine: MarginEngine?

    /// The files the diagnostics point into.
    public var sources: SourceMap { checked.sources }

    /// Which rules the engine runs (name, version, content hash); nil without an engine.
    public var identity: PolicyIdentity? { engine?.identity }
}

extension LoadedPolicy {
    /// The scenarios the policy declares, grid members by their names, in declaration order.
    public var scenarioNames: [String] { checked.symbols.symbols(.scenario).map(\.name) }

    /// `market` as the scenario `name`'s shocks move it (`MarketSnapshot.shocked`, as `under`
    /// and the REPL's `:shock` do); nil when the policy declares no such scenario.
    public func market(_ market: MarketSnapshot, under name: String) -> MarketSnapshot? {
        guard let symbol = checked.symbols.lookup(.scenario, name),
              case .scenario(_, let shocks) = symbol.declaration.kind else { return nil }
        return market.shocked(by: shocks, symbols: checked.symbols)
    }
}
