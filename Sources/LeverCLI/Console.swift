import ArgumentParser
import Foundation
import LeverEngine
import LeverSyntax

/// Where a command writes and what it knows about its surroundings, passed in rather than read
/// from globals so tests run commands in process with captured output (OPA's `output io.Writer`).
public struct Console: Sendable {
    /// Writes to standard output.
    public var out: @Sendable (String) -> Void
    /// Writes UTF-8 bytes to standard output (a streamed report, with no `String` made).
    public var outBytes: @Sendable (UnsafeRawBufferPointer) -> Void
    /// Writes to standard error.
    public var err: @Sendable (String) -> Void
    /// The environment (`NO_COLOR`, …).
    public var environment: [String: String]
    /// Whether standard output is a terminal, which decides the default format and colour.
    public var isTerminal: Bool
    /// Relative paths are resolved against this directory when set; `nil` means the process's
    /// current directory. Tests set it so that they need not change the shared working directory.
    public var workingDirectory: String?
    /// The engine version artifacts record and `lever --version` prints (`0.10.0 (3f2c1ab)`).
    /// The executable passes the release number and its source revision; tests keep the default,
    /// the release number alone, so that their golden output does not change with every commit.
    public var engineVersion: String

    /// A console over explicit sinks; `outBytes` writes through `out` unless given.
    public init(
        out: @escaping @Sendable (String) -> Void, outBytes: (@Sendable (UnsafeRawBufferPointer) -> Void)? = nil,
        err: @escaping @Sendable (String) -> Void,
        environment: [String: String] = [:], isTerminal: Bool = false, workingDirectory: String? = nil,
        engineVersion: String = EngineVersion.number
    ) {
        self.out = out
        self.outBytes = outBytes ?? { out(String(decoding: $0, as: UTF8.self)) }
        self.err = err
        self.environment = environment
        self.isTerminal = isTerminal
        self.workingDirectory = workingDirectory
        self.engineVersion = engineVersion
    }

    /// The process's real standard output and error, environment and terminal; `engineVersion`
    /// as `EngineVersion.describe(revision:)` gives it.
    public static func standard(engineVersion: String = EngineVersion.number) -> Console {
        Console(
            out: { writeAll(STDOUT_FILENO, $0) },
            outBytes: { writeAll(STDOUT_FILENO, $0) },
            err: { writeAll(STDERR_FILENO, $0) },
            environment: ProcessInfo.processInfo.environment,
            isTerminal: isatty(STDOUT_FILENO) != 0,
            engineVersion: engineVersion)
    }

    /// Writes the text's bytes to `fd` as they are (no copy: a report is written a chunk of
    /// megabytes at a time), through short writes and interruptions; a reader that went away
    /// ends the writing.
    static func writeAll(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let n = write(fd, base + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            done += n
        }
    }

    /// `path` as the file system should see it: resolved against `workingDirectory` when relative.
    public func resolve(_ path: String) -> String {
        guard let base = workingDirectory, !path.hasPrefix("/") else { return path }
        return URL(fileURLWithPath: base).appendingPathComponent(path).path
    }

    /// Whether colour is allowed: a terminal, and `NO_COLOR` unset or empty (no-color.org).
    public var allowsColor: Bool {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }
}

extension Console {
    /// Renders diagnostics about the policy or the inputs on standard error (standard output
    /// carries the command's result) and returns exit status 1.
    func reportFindings(_ diagnostics: [Diagnostic], sources: SourceMap, color: Bool) -> ExitCode {
        err(DiagnosticRenderer(style: color ? .human(color: true) : .plain).render(diagnostics, sources: sources))
        return .findings
    }
}
