#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path names, as `stat(2)` tells it, in the words messages use:
/// "`/dev/null` is a character device, not a regular file".
///
/// Lever reads policies, books and markets from regular files and writes only regular files:
/// a device, a FIFO or a socket on the command line is reported, never read from or replaced.
public enum FileKind: Sendable, Hashable {
    case regular
    case directory
    case symbolicLink
    case characterDevice
    case blockDevice
    case fifo
    case socket
    case unknown

    /// The kind a `st_mode` gives.
    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symbolicLink
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        default: self = .unknown
        }
    }

    /// The kind of the file at `path`, links followed; nil when there is nothing there or it
    /// cannot be examined (`errno` says why).
    public static func of(_ path: String) -> FileKind? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileKind(mode: status.st_mode)
    }

    /// `a directory`, `a character device`, …
    public var description: String {
        switch self {
        case .regular: "a regular file"
        case .directory: "a directory"
        case .symbolicLink: "a symbolic link"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .fifo: "a FIFO (named pipe)"
        case .socket: "a socket"
        case .unknown: "a special file"
        }
    }

    /// Why a file of this kind is not read or written: `is a directory`, `is a character
    /// device, not a regular file`.
    public var notRegularText: String {
        switch self {
        case .directory: "is a directory"
        case .regular, .symbolicLink, .characterDevice, .blockDevice, .fifo, .socket, .unknown:
            "is \(description), not a regular file"
        }
    }
}
