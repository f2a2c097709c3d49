/// A txtar archive: a free-text comment, then files introduced by `-- name --` lines (CUE, Go).
///
/// Multi-file test cases (a policy plus its expected output and exit code) live in one readable
/// file this way. A file's content is every line up to the next marker; writing gives every
/// non-empty file a final newline, so `Txtar(parsing: a.serialized) == a` for such archives.
public struct Txtar: Sendable, Equatable {
    /// One named file of the archive.
    public struct File: Sendable, Equatable {
        /// The name between `-- ` and ` --`, e.g. `want/stdout` or `policy.lever`.
        public var name: String
        /// The lines after the marker, each ending in a newline.
        public var content: String
        /// A file from its name and content.
        public init(name: String, content: String) {
            self.name = name
            self.content = content
        }
    }

    /// Text before the first file marker.
    public var comment: String
    /// The files, in order.
    public var files: [File]

    /// An archive from parts.
    public init(comment: String = "", files: [File] = []) {
        self.comment = comment
        self.files = files
    }

    /// Reads an archive; text that is not a marker line belongs to the comment or the file before it.
    public init(parsing text: String) {
        var comment: [Substring] = [], files: [(String, [Substring])] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines.last == "" ? lines.dropLast() : lines[...] {
            if let name = Self.markerName(line) {
                files.append((name, []))
            } else if files.isEmpty {
                comment.append(line)
            } else {
                files[files.count - 1].1.append(line)
            }
        }
        self.comment = comment.map { $0 + "\n" }.joined()
        self.files = files.map { File(name: $0.0, content: $0.1.map { $0 + "\n" }.joined()) }
    }

    /// The archive as text.
    public var serialized: String {
        var out = Self.withFinalNewline(comment)
        for file in files { out += "-- \(file.name) --\n" + Self.withFinalNewline(file.content) }
        return out
    }

    /// The content of the first file called `name`.
    public subscript(name: String) -> String? {
        get { files.first { $0.name == name }?.content }
        set {
            if let i = files.firstIndex(where: { $0.name == name }) {
                if let newValue { files[i].content = newValue } else { files.remove(at: i) }
            } else if let newValue {
                files.append(File(name: name, content: newValue))
            }
        }
    }

    static func markerName(_ line: Substring) -> String? {
        guard line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 else { return nil }
        let name = line.dropFirst(3).dropLast(3).trimmingCharacters(in: " ")
        return name.isEmpty ? nil : name
    }

    static func withFinalNewline(_ text: String) -> String {
        text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
