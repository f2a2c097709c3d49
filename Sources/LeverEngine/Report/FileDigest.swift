import LeverSyntax

/// An input file as an artifact names it: the path as the user gave it and the SHA-256 of the
/// bytes that were read, so that a stored report, diff or approval says exactly what it measured.
public struct FileDigest: Sendable, Hashable {
    /// The path as given on the command line (not resolved: a record stays readable when moved).
    public var file: String
    /// SHA-256 of the file's bytes, 64 lowercase hex digits.
    public var sha256: String

    /// A file and its digest.
    public init(file: String, sha256: String) {
        self.file = file
        self.sha256 = sha256
    }

    /// `{"file": …, "sha256": …}`, the form every JSON artifact uses.
    public var json: JSONOutput { .object(["file": .string(file), "sha256": .string(sha256)]) }

    /// `book.json sha256 3f2c…`, the form every text artifact uses.
    public var line: String { "\(file) sha256 \(sha256)" }
}
