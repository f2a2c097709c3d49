import Foundation

/// Replacing a file's contents so that readers see either the old text or the new, never a half.
///
/// The new text goes to a temporary file in the same directory (so the rename cannot cross file
/// systems), takes the old file's permissions, and is renamed over the original; `rename(2)` is atomic.
enum AtomicFile {
    /// Replaces the contents of `path` with `text`, creating the file when it does not exist.
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).lever-fmt-\(UInt32.random(in: 0...UInt32.max))")
        let manager = FileManager.default
        guard manager.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
            throw WriteError(path: path, reason: "cannot create a temporary file in \(directory.path)")
        }
        do {
            // A new file (`lever doc --output`) keeps the temporary file's default permissions.
            if manager.fileExists(atPath: path), let permissions = try manager.attributesOfItem(atPath: path)[.posixPermissions] {
                try manager.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            guard rename(temporary.path, path) == 0 else {
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw error
        }
    }

    /// Why a file could not be replaced.
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "error: cannot write `\(path)`: \(reason)" }
    }
}
