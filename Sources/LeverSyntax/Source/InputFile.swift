#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Reads whole input files (policies, books, markets) with the C library, and never more than a
/// limit: a file larger than the limit, or a stream that does not end (`/dev/zero`), is refused
/// after at most limit + 1 bytes, not read until memory runs out.
///
/// Only regular files and pipes are read. A directory, a device (`/dev/null`, `/dev/zero`, a
/// terminal) or a socket is refused before anything is read: none of them holds a policy or a
/// book, and a device may never end. Every refusal says why in the C library's words where there
/// are some (`too many levels of symbolic links` for a symlink loop, not "no such file").
public enum InputFile {
    /// Why an input file could not be read; the only error the loaders throw.
    public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What went wrong.
        public enum Reason: Sendable, Hashable, CustomStringConvertible {
            case noSuchFile
            case permissionDenied
            case isDirectory
            /// A device, socket or anything else that is neither a regular file nor a pipe; the
            /// payload names it (`a character device`).
            case notRegularFile(String)
            case symlinkLoop
            /// More bytes than the limit for this kind of input.
            case tooLarge(limit: Int, kind: InputKind)
            /// Any other failure, in the C library's words (`strerror`).
            case other(String)

            public var description: String {
                switch self {
                case .noSuchFile: "no such file"
                case .permissionDenied: "permission denied"
                case .isDirectory: "is a directory"
                case .notRegularFile(let kind): "not a regular file (\(kind))"
                case .symlinkLoop: "too many levels of symbolic links"
                case .tooLarge(let limit, let kind): "larger than \(ByteCount.text(limit)), the limit for \(kind.noun)"
                case .other(let text): text
                }
            }
        }

        /// The path as given.
        public var path: String
        public var reason: Reason

        public init(path: String, reason: Reason) {
            self.path = path
            self.reason = reason
        }

        /// `cannot read PATH: REASON`.
        public var description: String { "cannot read \(path): \(reason)" }
    }

    /// Why `path` cannot be read as an input of at most `limit` bytes, found without reading it;
    /// nil when it can be tried. A pipe passes: its size is only known once it is read.
    public static func problem(_ path: String, limit: Int, kind: InputKind = .file) -> ReadError.Reason? {
        var info = stat()
        guard stat(path, &info) == 0 else { return reason(errno) }
        if let refused = refusal(info, limit: limit, kind: kind) { return refused }
        guard access(path, R_OK) == 0 else { return reason(errno) }
        return nil
    }

    /// The bytes of `path`, which must be a regular file or a pipe of at most `limit` bytes.
    /// A large regular file is read straight into the bytes returned, its parts on up to
    /// `threads` threads at once (the copy from the page cache and the first touch of the
    /// memory are most of a read's cost).
    public static func read(_ path: String, limit: Int = 1 << 30, kind: InputKind = .file, threads: Int = 1) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ReadError(path: path, reason: reason(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ReadError(path: path, reason: reason(errno)) }
        if let refused = refusal(info, limit: limit, kind: kind) { throw ReadError(path: path, reason: refused) }
        let expected = isRegular(info) ? Int(info.st_size) : 0
        var start: [UInt8] = []
        if expected > 0 {
            // As many bytes as the file had when asked (no more than the limit allows); a file
            // that grew since is read on below, from where this ends.
            start = try readDirect(fd, path: path, count: min(expected, limit), threads: threads)
        }
        return try readAll(fd, path: path, limit: limit, kind: kind, after: start)
    }

    /// The first `count` bytes of a regular file, read straight into the array in parts with
    /// `pread` (on several threads for a large file); fewer if the file shrank meanwhile.
    private static func readDirect(_ fd: Int32, path: String, count: Int, threads: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        let parts = max(1, min(threads, count >> 23))  // 8 MB at least a part
        let size = (count + parts - 1) / parts
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Per part: the bytes it read and its error, each written by that part's thread.
            var results = [(got: Int, error: Int32)](repeating: (0, 0), count: parts)
            results.withUnsafeMutableBufferPointer { results in
                let shared = UnsafeSendable((base: buffer.baseAddress!, results: results.baseAddress!))
                @Sendable func part(_ i: Int) {
                    let from = i * size, to = min(count, from + size)
                    var done = from
                    while done < to {
                        let n = pread(fd, shared.value.base + done, to - done, off_t(done))
                        if n < 0 {
                            if errno == EINTR { continue }
                            shared.value.results[i].error = errno
                            break
                        }
                        if n == 0 { break }
                        done += n
                    }
                    shared.value.results[i].got = done - from
                }
                if parts == 1 { part(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: part) }
            }
            // The first part's error is reported; the bytes are those up to the first part that
            // came short (the file shrank).
            failure = results.first { $0.error != 0 }?.error ?? 0
            var total = 0
            for (i, result) in results.enumerated() {
                total += result.got
                if result.got < min(count, (i + 1) * size) - i * size { break }
            }
            initialized = total
        }
        if failure != 0 { throw ReadError(path: path, reason: reason(failure)) }
        _ = lseek(fd, off_t(bytes.count), SEEK_SET)
        return bytes
    }

    /// Reads until the end, or until one byte past `limit`, which proves the file too large,
    /// after the `start` already read.
    private static func readAll(_ fd: Int32, path: String, limit: Int, kind: InputKind, after start: [UInt8]) throws -> [UInt8] {
        var bytes = start
        if bytes.count > limit { throw ReadError(path: path, reason: .tooLarge(limit: limit, kind: kind)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            // One byte more than the limit allows, to tell "exactly the limit" from "more"
            // (written so that a limit of `Int.max` does not overflow).
            let left = limit - bytes.count
            let wanted = left < chunk.count ? left + 1 : chunk.count
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, wanted) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: reason(errno))
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit { throw ReadError(path: path, reason: .tooLarge(limit: limit, kind: kind)) }
        }
    }

    /// Why a file with this status is refused before reading, if it is.
    private static func refusal(_ info: stat, limit: Int, kind: InputKind) -> ReadError.Reason? {
        switch info.st_mode & S_IFMT {
        case S_IFREG: Int(info.st_size) > limit ? .tooLarge(limit: limit, kind: kind) : nil
        case S_IFIFO: nil
        case S_IFDIR: .isDirectory
        case S_IFCHR: .notRegularFile("a character device")
        case S_IFBLK: .notRegularFile("a block device")
        case S_IFSOCK: .notRegularFile("a socket")
        default: .notRegularFile("not a file")
        }
    }

    private static func isRegular(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }

    private static func reason(_ code: Int32) -> ReadError.Reason {
        switch code {
        case ENOENT: .noSuchFile
        case EACCES, EPERM: .permissionDenied
        case EISDIR: .isDirectory
        case ELOOP: .symlinkLoop
        default: .other(String(cString: strerror(code)))
        }
    }
}

/// `read(2)`, named apart from `InputFile.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
    #else
    Darwin.read(fd, buffer, count)
    #endif
}

/// What an input file is, for the limit on its size and the words of a refusal.
public enum InputKind: Sendable, Hashable {
    case policy, book, market, file

    /// `a policy`, `a book`: what the limit is for.
    public var noun: String {
        switch self {
        case .policy: "a policy"
        case .book: "a book"
        case .market: "a market snapshot"
        case .file: "a file"
        }
    }

    /// The diagnostic code of a file too large: `L0121` for policy text, `L0719` for data.
    public var tooLargeCode: String? {
        switch self {
        case .policy: "L0121"
        case .book, .market: "L0719"
        case .file: nil
        }
    }
}
