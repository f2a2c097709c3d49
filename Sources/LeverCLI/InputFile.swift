import Foundation
import LeverSyntax

/// Reading the files named on the command line, with the I/O failures worded for the user.
///
/// A missing or unreadable file is not a policy problem: it has no span, so it is reported on
/// standard error as `error: cannot read …` and the command exits 2. So is anything that is not
/// a regular file or a pipe (`/dev/null`, `/dev/zero`, a directory), a symlink loop, and a file
/// larger than its limit (with the limit's code, `L0121` or `L0719`, and the variable that
/// raises it). Reading itself goes through `LeverSyntax.InputFile`, which never reads more than
/// the limit.
enum InputFile {
    /// Why `path` cannot be read as an input file, or `nil` when it can be tried. Sizes are
    /// checked when the file is read, against the limit for its kind.
    static func problem(_ path: String, console: Console) -> String? {
        LeverSyntax.InputFile.problem(console.resolve(path), limit: .max).map { cannotRead(path, $0.description) }
    }

    /// The bytes of the policy file `path`, or the message saying why they could not be read.
    static func read(_ path: String, console: Console) -> Result<[UInt8], Message> {
        let limits: Limits
        switch Limits.from(console.environment) {
        case .success(let read): limits = read
        case .failure(let message): return .failure(message)
        }
        do {
            return .success(try LeverSyntax.InputFile.read(console.resolve(path), limit: limits.policy.maxBytes, kind: .policy))
        } catch let error as LeverSyntax.InputFile.ReadError {
            return .failure(Message(text: message(error, shownAs: path)))
        } catch {
            return .failure(Message(text: cannotRead(path, "\(error)")))
        }
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

    /// `error[L0719]: cannot read `book.json`: larger than 1 GiB, the limit for a book (set
    /// LEVER_MAX_BOOK_BYTES to raise it)`; the path as the user gave it when it is one of `given`.
    static func message(_ error: LeverSyntax.InputFile.ReadError, shownAs path: String) -> String {
        guard case .tooLarge(_, let kind) = error.reason else { return cannotRead(path, error.reason.description) }
        let code = kind.tooLargeCode.map { "[\($0)]" } ?? ""
        let raise = Limits.variable(for: kind).map { " (set \($0) to raise it)" } ?? ""
        return "error\(code): cannot read `\(path)`: \(error.reason)\(raise)"
    }

    /// As `message(_:shownAs:)`, showing whichever of `given` the error is about.
    static func message(_ error: LeverSyntax.InputFile.ReadError, given: [String], console: Console) -> String {
        message(error, shownAs: given.first { console.resolve($0) == error.path } ?? error.path)
    }

    typealias ReadError = LeverSyntax.InputFile.ReadError

    /// Runs `body`, which reads the files `given`; when one cannot be read, says why on standard
    /// error and returns nil (the command then exits 2).
    static func reading<T>(_ given: [String], console: Console, _ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch let error as ReadError {
            console.err(message(error, given: given, console: console) + "\n")
        } catch {
            console.err("error: \(error)\n")
        }
        return nil
    }

    /// An I/O failure message, as an `Error` so it can travel in a `Result`.
    struct Message: Error {
        var text: String
    }
}
