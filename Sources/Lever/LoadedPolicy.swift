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
