import Foundation

/// Writes expectation files atomically: readers (and an interrupted bless) see the old file or
/// the new, never half of one.
enum GoldenFile {
    /// Why a file could not be written.
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot write `\(path)`: \(reason)" }
    }

    /// Writes `text` to a temporary file beside `path`, then renames it over `path`.
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).lever-bless-\(UInt32.random(in: 0...UInt32.max))")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
            throw WriteError(path: path, reason: "cannot create a temporary file beside it")
        }
        guard rename(temporary.path, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, reason: reason)
        }
    }
}
