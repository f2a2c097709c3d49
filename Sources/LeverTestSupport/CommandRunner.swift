import Foundation
import LeverCLI
import LeverEngine
import Testing

/// What one in-process run of `lever` printed and returned.
public struct CommandResult: Sendable, Equatable {
    /// Everything written to standard output, temporary-directory prefixes removed.
    public var stdout: String
    /// Everything written to standard error, temporary-directory prefixes removed.
    public var stderr: String
    /// The process exit code the command would have returned (0 ok, 1 findings, 2 usage or I/O).
    public var exitCode: Int32
}

/// Runs `lever <arguments>` in process with captured output, as if from `directory`.
///
/// Paths under `directory` are printed relative (the prefix is removed from both streams), so
/// outputs can be compared with golden files whatever temporary directory the test used.
/// Output is not a terminal unless `isTerminal`, so the default format is `plain`. The engine
/// version is the release number alone unless `engineVersion` says otherwise, so that output never
/// depends on the commit the tests were built from.
public func runCommand(
    _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
    isTerminal: Bool = false, engineVersion: String = EngineVersion.number
) -> CommandResult {
    let out = Capture(), err = Capture()
    let console = Console(out: { out.append($0) }, err: { err.append($0) }, environment: environment,
                          isTerminal: isTerminal, workingDirectory: directory, engineVersion: engineVersion)
    let code = LeverCommand.run(arguments: arguments, console: console)
    let relative = { (text: String) in
        guard let directory else { return text }
        return text.replacingOccurrences(of: directory.hasSuffix("/") ? directory : directory + "/", with: "")
    }
    return CommandResult(stdout: relative(out.text), stderr: relative(err.text), exitCode: code)
}

/// Runs `lever <arguments>` and expects the given standard output and exit code.
public func assertCommand(
    _ arguments: [String], in directory: String? = nil, stdout: String, exitCode: Int32,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let result = runCommand(arguments, in: directory)
    #expect(result.stdout == stdout, sourceLocation: sourceLocation)
    #expect(result.exitCode == exitCode, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
}

/// A fresh empty directory for one test, under the system temporary directory.
public func makeTemporaryDirectory(_ label: String = "lever") throws -> String {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.resolvingSymlinksInPath().path
}

/// Text written by a command, gathered under a lock because `Console` sinks are `@Sendable`.
private final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""

    func append(_ text: String) {
        lock.lock()
        buffer += text
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return buffer
    }
}
