/// The version of the Lever engine that produced an artifact (a report, a diff, a golden file,
/// a document, a bench result), so that a stored result says which code computed it.
///
/// `number` is the package's release number, bumped by hand with each release; it is what golden
/// files record, so that they do not change with every commit. `describe(revision:)` adds the
/// source revision when the binary was built from a git checkout.
public enum EngineVersion {
    /// The package's release number (semantic versioning).
    public static let number = "0.10.0"

    /// `0.10.0` or `0.10.0 (3f2c1ab)`: the number and, when known, the source revision.
    public static func describe(revision: String?) -> String {
        guard let revision, !revision.isEmpty else { return number }
        return "\(number) (\(revision))"
    }
}
