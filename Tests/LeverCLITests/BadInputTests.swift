import LeverNumerics
import Foundation
import LeverTestSupport
import Testing

/// Inputs a user (or a broken script) may hand to `lever`: each must give a clear result and an
/// exit code of 0, 1 or 2 in bounded time, never a crash or a hang.
@Suite(.timeLimit(.minutes(2)))
struct BadInputTests {
    /// Writes `bytes` as `name` in a fresh directory and runs `lever <command> name` there.
    func run(_ command: [String], _ name: String, bytes: [UInt8]) throws -> CommandResult {
        let directory = try makeTemporaryDirectory("lever-bad")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(bytes).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
        return runCommand(command + [name], in: directory)
    }

    static let commands: [[String]] = [["check"], ["fmt", "--check"]]

    @Test(arguments: commands)
    func emptyFile(_ command: [String]) throws {
        let result = try run(command, "empty.lever", bytes: [])
        #expect([0, 1].contains(result.exitCode), "\(result)")
        #expect(!result.stdout.isEmpty || result.exitCode == 0)
    }

    @Test(arguments: commands)
    func binaryFile(_ command: [String]) throws {
        var generator = SplitMix64(seed: 42)   // the same "binary" file on every run
        let bytes = [0x7F, 0x45, 0x4C, 0x46, 0x00] + (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let result = try run(command, "a.out", bytes: bytes)
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(result.stdout.contains("error[L0100]: file is not UTF-8 text"))
        #expect(!result.stdout.contains("\u{0}"), "control bytes must not reach the terminal")
    }

    /// `check` only: it parses too, and a 10 MB parse in a debug build costs seconds per command.
    @Test(arguments: [["check"]])
    func tenMegabyteFile(_ command: [String]) throws {
        let line = { (i: Int) in "param p\(i) = \(i) USD * 2 + 3% * 1 USD // padding the line out to about 70 bytes\n" }
        let text = (0..<140_000).map(line).joined()
        #expect(text.utf8.count > 10_000_000)
        let result = try run(command, "big.lever", bytes: Array(text.utf8))
        #expect([0, 1].contains(result.exitCode), "\(result.stderr)")
    }

    @Test(arguments: commands)
    func deeplyNestedParentheses(_ command: [String]) throws {
        let text = "param x = " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) + "\n"
        let result = try run(command, "deep.lever", bytes: Array(text.utf8))
        #expect(result.exitCode == 1, "nesting beyond the parser's limit is an error: \(result.stderr)")
        #expect(result.stdout.contains("error["))
        #expect(result.stdout.utf8.count < 100_000, "one diagnostic, not one per level")
    }

    @Test(arguments: commands)
    func missingFile(_ command: [String]) throws {
        let directory = try makeTemporaryDirectory("lever-bad")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = runCommand(command + ["missing.lever"], in: directory)
        #expect(result.exitCode == 2)
        #expect(result.stderr == "error: cannot read `missing.lever`: no such file\n")
        #expect(result.stdout.isEmpty)
    }
}
