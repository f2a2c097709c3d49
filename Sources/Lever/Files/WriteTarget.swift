#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file a write lands on: the path as given with every symbolic link followed, and what is
/// there now.
///
/// Writing through a link replaces the link's target and leaves the link a link, as an editor
/// does; renaming over the link itself would turn it into a copy and leave the target as it was.
struct WriteTarget {
    /// The existing file's permission bits (set-id and sticky bits included), owner and group.
    struct Existing {
        var mode: mode_t
        var owner: uid_t
        var group: gid_t
    }

    /// The path as the caller gave it, for messages.
    let given: String
    /// Where the bytes go: the end of the chain of links.
    let path: String
    /// What is at `path` now; nil when the write creates the file.
    let existing: Existing?

    /// Linux gives up after 40 links (`MAXSYMLINKS`); so do we, with its message.
    static let maxLinks = 40

    /// Follows `given` to the file a write would replace. Throws when that file exists and is not
    /// a regular file (a directory, `/dev/null`, a FIFO) or may not be written, or when the links
    /// loop.
    init(resolving given: String) throws {
        self.given = given
        var current = given
        for _ in 0...Self.maxLinks {
            var status = stat()
            guard lstat(current, &status) == 0 else {
                let code = errno
                // Nothing there (a new file, or a link to one not yet written): the directory is
                // checked when the temporary file is created in it.
                guard code == ENOENT else { throw OutputFile.WriteError(path: given, reason: OutputFile.systemReason(code)) }
                path = current
                existing = nil
                return
            }
            let kind = FileKind(mode: status.st_mode)
            switch kind {
            case .symbolicLink:
                current = try Self.follow(current, given: given)
            case .regular:
                // Renaming over a file needs only the directory's permission; a file its owner
                // made read-only is refused as writing into it would be.
                guard access(current, W_OK) == 0 else {
                    throw OutputFile.WriteError(path: given, reason: OutputFile.systemReason(errno))
                }
                path = current
                existing = Existing(mode: status.st_mode & 0o7777, owner: status.st_uid, group: status.st_gid)
                return
            case .directory, .characterDevice, .blockDevice, .fifo, .socket, .unknown:
                let reason = current == given ? kind.notRegularText
                    : "links to `\(current)`, which \(kind.notRegularText)"
                throw OutputFile.WriteError(path: given, reason: reason)
            }
        }
        throw OutputFile.WriteError(path: given, reason: OutputFile.systemReason(ELOOP))
    }

    /// The directory the target is in, where the temporary file goes.
    var directory: String { Self.directory(of: path) }

    /// The target's last path component.
    var name: String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `a/b/c` → `a/b`, `c` → `.`, `/c` → `/`.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Where the link at `link` points: its text, relative to the link's own directory unless
    /// absolute.
    static func follow(_ link: String, given: String) throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(link, &buffer, buffer.count - 1)
        guard count >= 0 else { throw OutputFile.WriteError(path: given, reason: OutputFile.systemReason(errno)) }
        let destination = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if destination.hasPrefix("/") { return destination }
        return directory(of: link) + "/" + destination
    }
}
