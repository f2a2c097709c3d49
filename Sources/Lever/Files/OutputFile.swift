#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way Lever writes a file: `lever fmt`, `doc --output`, `diff --html`, `test --bless`
/// (each `expected.json`) and `test --junit` all go through here.
///
/// - **Atomic**: the bytes go to a temporary file in the target's own directory, are flushed to
///   disk, and the file is renamed over the target, so readers see the old contents or the new,
///   never half.
/// - **Links are followed**: writing `link.lever` replaces the file it points to; the link stays
///   a link.
/// - **Permissions are kept**: an existing file keeps its permission bits, and its owner and
///   group where the process may set them (as root); a new file gets `0666` less the umask, as
///   `touch` would give it.
/// - **Only regular files the user may write**: a target that exists and is not a regular file
///   (a directory, `/dev/null`, a FIFO), directly or through links, or that is read-only for the
///   user, is refused and left alone.
/// - **Nothing left behind**: the temporary file is removed on any error, and SIGINT, SIGTERM and
///   SIGHUP are held back on the writing thread until it has been renamed or removed.
public enum OutputFile {
    /// Why a file could not be written.
    public struct WriteError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The path as the caller gave it.
        public var path: String
        /// What went wrong, in words: `is a directory`, `no such directory `out``, …
        public var reason: String

        /// A failure to write `path`.
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }

        /// ``cannot write `PATH`: REASON``.
        public var description: String { "cannot write `\(path)`: \(reason)" }
    }

    /// Replaces the contents of `path` with `text` (UTF-8), creating the file when there is none.
    /// Throws `WriteError`.
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Replaces the contents of `path` with `bytes`, creating the file when there is none.
    /// Throws `WriteError`.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(bytes, to: path, beforeRename: { _ in })
    }

    /// The write, with `beforeRename` called on the temporary file's path once it holds the
    /// bytes: where a test makes a write fail half-way.
    static func write(_ bytes: [UInt8], to path: String, beforeRename: (String) throws -> Void) throws {
        let target = try WriteTarget(resolving: path)
        try HeldSignals.during {
            var temporary = try TemporaryFile(for: target)
            do {
                try temporary.fill(with: bytes)
                try beforeRename(temporary.path)
                try temporary.replace(target)
            } catch {
                temporary.remove()
                throw error
            }
        }
    }

    /// The C library's words for `code`, starting lower-case as Lever's messages do:
    /// `permission denied`.
    static func systemReason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
