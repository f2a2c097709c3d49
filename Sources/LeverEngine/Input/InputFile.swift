#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files as bytes with the C library (no Foundation), for the input loaders.
public enum InputFile {
    /// An input file could not be read; the only error the loaders throw.
    public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The path as given.
        public var path: String
        /// The C library's explanation (`strerror`).
        public var reason: String
        /// `cannot read PATH: REASON`.
        public var description: String { "cannot read \(path): \(reason)" }
    }

    /// The file's bytes.
    public static func read(_ path: String) throws -> [UInt8] {
        guard let handle = fopen(path, "rb") else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count { break }
        }
        if ferror(handle) != 0 { throw ReadError(path: path, reason: "read error") }
        return bytes
    }
}
