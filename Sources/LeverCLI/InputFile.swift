import Foundation
import Lever

/// Reading the files named on the command line, with the I/O failures worded for the user.
///
/// A missing or unreadable file is not a policy problem: it has no span, so it is reported on
/// standard error as `error: cannot read …` and the command exits 2.
enum InputFile {
    /// Why `path` cannot be read as a file, or `nil` when it can.
    static func problem(_ path: String, console: Console) -> String? {
        var isDirectory: ObjCBool = false
        let resolved = console.resolve(path)
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) else {
            return cannotRead(path, "no such file")
        }
        if isDirectory.boolValue { return cannotRead(path, "is a directory") }
        if let kind = FileKind.of(resolved), kind != .regular { return cannotRead(path, kind.notRegularText) }
        if !FileManager.default.isReadableFile(atPath: resolved) { return cannotRead(path, "permission denied") }
        return nil
    }

    /// The bytes of `path`, or the message saying why they could not be read.
    static func read(_ path: String, console: Console) -> Result<[UInt8], Message> {
        if let problem = problem(path, console: console) { return .failure(Message(text: problem)) }
        guard let data = FileManager.default.contents(atPath: console.resolve(path)) else {
            return .failure(Message(text: cannotRead(path, "read failed")))
        }
        return .success([UInt8](data))
    }

    /// Reports every unreadable path on standard error; true when all are readable.
    static func allReadable(_ paths: [String], console: Console) -> Bool {
        let problems = paths.compactMap { problem($0, console: console) }
        for problem in problems { console.err(problem + "\n") }
        return problems.isEmpty
    }

    static func cannotRead(_ path: String, _ reason: String) -> String {
        "error: cannot read `\(path)`: \(reason)"
    }

    /// An I/O failure message, as an `Error` so it can travel in a `Result`.
    struct Message: Error {
        var text: String
    }
}
