#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file a write goes to first, `.NAME.lever-XXXXXXXX` beside its target, so that the final
/// `rename(2)` stays within one directory (and one file system) and is atomic: readers see the
/// old file or the new one, never half of either.
///
/// It exists from `init` until `replace(_:)` renames it over the target or `remove()` deletes it.
struct TemporaryFile {
    /// Its path.
    let path: String
    /// Open until `fill(with:)` is done.
    private var descriptor: Int32?
    private let target: WriteTarget

    /// How many names are tried before giving up, should others be taken.
    static let attempts = 100

    /// Creates the file beside `target`. A new target's file is created `0666` so that the kernel
    /// applies the umask (and a default ACL) exactly as for any new file; an existing target's
    /// is created private and given the target's bits once it holds the bytes.
    init(for target: WriteTarget) throws {
        self.target = target
        let mode: mode_t = target.existing == nil ? 0o666 : 0o600
        let directory = target.directory
        for _ in 0..<Self.attempts {
            let candidate = directory + "/." + target.name + ".lever-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
            let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
            if opened >= 0 {
                path = candidate
                descriptor = opened
                return
            }
            let code = errno
            guard code == EEXIST || code == EINTR else {
                let reason = code == ENOENT || code == ENOTDIR ? "no such directory `\(directory)`"
                    : "cannot create a temporary file in `\(directory)`: \(OutputFile.systemReason(code))"
                throw OutputFile.WriteError(path: target.given, reason: reason)
            }
        }
        throw OutputFile.WriteError(path: target.given, reason: "cannot create a temporary file in `\(directory)`: every name tried is taken")
    }

    /// Writes `bytes`, gives the file the target's owner (where the process may) and permission
    /// bits, flushes it to disk and closes it.
    mutating func fill(with bytes: [UInt8]) throws {
        guard let descriptor else { return }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            written += n
        }
        if let existing = target.existing {
            // Owner first: changing it clears set-id bits, which the mode then restores. Only root
            // may give a file away; anyone may keep a group they belong to. Failing either just
            // leaves the file ours, as any editor's copy would be.
            if existing.owner != geteuid() || existing.group != getegid(),
               fchown(descriptor, existing.owner, existing.group) != 0 {
                _ = fchown(descriptor, uid_t.max, existing.group)
            }
            guard fchmod(descriptor, existing.mode) == 0 else { throw failure(errno) }
        }
        // EINVAL: a file system that cannot sync (nothing to lose by going on).
        guard fsync(descriptor) == 0 || errno == EINVAL else { throw failure(errno) }
        self.descriptor = nil
        guard close(descriptor) == 0 else { throw failure(errno) }
    }

    /// Renames the file over the target (the write's one atomic step), then syncs the directory
    /// so that the rename itself survives a crash.
    func replace(_ target: WriteTarget) throws {
        guard rename(path, target.path) == 0 else { throw failure(errno) }
        let directory = open(target.directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            _ = fsync(directory)
            _ = close(directory)
        }
    }

    /// Closes and deletes the file, after a failure.
    mutating func remove() {
        if let descriptor { _ = close(descriptor) }
        descriptor = nil
        _ = unlink(path)
    }

    private func failure(_ code: Int32) -> OutputFile.WriteError {
        OutputFile.WriteError(path: target.given, reason: OutputFile.systemReason(code))
    }
}
