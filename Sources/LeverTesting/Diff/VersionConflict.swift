import Lever

/// Two policies that state the same version but hold different rules (their hashes differ):
/// whoever reads "version 2026.11" in a report cannot tell which of the two produced it.
///
/// `lever diff` shows it as a warning, and fails under `--enforce`. Policies that state no
/// version are not in conflict (there is no version string to confuse); their hashes still tell
/// them apart.
public struct VersionConflict: Sendable, Hashable {
    /// The version both state.
    public var version: String
    /// The old policy's hash.
    public var oldHash: String
    /// The new policy's hash.
    public var newHash: String

    /// The conflict between `old` and `new`, or nil when their versions differ, either is
    /// empty, or the rules are the same.
    public init?(old: PolicyIdentity, new: PolicyIdentity) {
        guard !old.version.isEmpty, old.version == new.version, old.hash != new.hash else { return nil }
        version = old.version
        oldHash = old.hash
        newHash = new.hash
    }

    /// What to say, without severity.
    public var message: String {
        "both policies say version `\(version)` but their rules differ (sha256 \(oldHash.prefix(12))… and "
            + "\(newHash.prefix(12))…): give the new policy a version of its own"
    }

    /// `{"version", "old_hash", "new_hash", "message"}`.
    var json: JSONOutput {
        .object(["version": .string(version), "old_hash": .string(oldHash), "new_hash": .string(newHash),
                 "message": .string(message)])
    }
}
