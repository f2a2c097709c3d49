import Lever

/// What a golden expectation was approved under: the policy (name, version and the SHA-256 of its
/// canonical form) and the engine's release number.
///
/// `expected.json` records it in two top-level members, `policy` (as `lever eval --format json`
/// writes it) and `engine`:
///
/// ```
/// "engine": {
///   "version": "0.10.0"
/// },
/// …
/// "policy": {
///   "hash": "1b1dd3f1eb9a…",
///   "name": "Cross-venue prime margin",
///   "version": "2026.11"
/// }
/// ```
///
/// The engine is recorded by its release number only (`EngineVersion.number`), never a source
/// revision, so that expected files do not change with every commit. Neither member decides
/// whether a case passes: the numbers do. They say what a reviewer approved the numbers under.
public struct GoldenProvenance: Sendable, Hashable {
    /// The policy, or nil when the file records none.
    public var policy: PolicyIdentity?
    /// The engine's release number, or nil when the file records none (files blessed before
    /// expectations recorded it).
    public var engine: String?

    /// A provenance.
    public init(policy: PolicyIdentity?, engine: String?) {
        self.policy = policy
        self.engine = engine
    }

    /// What a case run now is approved under: its policy and this engine's release number.
    public static func current(policy: PolicyIdentity) -> GoldenProvenance {
        GoldenProvenance(policy: policy, engine: EngineVersion.number)
    }

    /// What an expected report records: its `policy` object (missing strings read as empty) and
    /// its `engine.version`.
    public init(recordedIn expected: JSONValue) {
        if let policy = expected["policy"], case .object = policy {
            let text = { (key: String) -> String in
                if case .string(let value)? = policy[key] { return value }
                return ""
            }
            self.policy = PolicyIdentity(name: text("name"), version: text("version"), hash: text("hash"))
        }
        if case .string(let version)? = expected["engine"]?["version"] { engine = version }
    }

    /// The two members as `expected.json` holds them, by key.
    var members: [(key: String, value: JSONOutput)] {
        var members: [(key: String, value: JSONOutput)] = []
        if let engine { members.append(("engine", .object(["version": .string(engine)]))) }
        if let policy {
            members.append(("policy", .object(["name": .string(policy.name), "version": .string(policy.version),
                                               "hash": .string(policy.hash)])))
        }
        return members
    }

    /// `2026.11 1b1dd3f1…`: the version (or `unversioned`) and the hash cut to 8 digits; with
    /// `named`, the name first in quotes.
    static func describe(_ policy: PolicyIdentity?, named: Bool = false) -> String {
        guard let policy else { return "none recorded" }
        let version = policy.version.isEmpty ? "unversioned" : policy.version
        let hash = policy.hash.isEmpty ? "no hash" : String(policy.hash.prefix(8)) + "…"
        return (named ? "\"\(policy.name)\" " : "") + version + " " + hash
    }
}
