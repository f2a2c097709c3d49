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

/// Inputs that are not files at all, or too large, or hostile: each ends at once with a clear
/// message and exit 2 (the input cannot be read) or with located errors and exit 1.
@Suite(.timeLimit(.minutes(2)))
struct InputLimitCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let policy = root + "/Rules/prime.lever"
    static let book = root + "/Rules/sample/book.json"
    static let market = root + "/Rules/sample/market.json"

    @Test func devNullAndDevZeroAreNotPolicies() {
        for device in ["/dev/null", "/dev/zero"] {
            let result = runCommand(["check", device])
            #expect(result.exitCode == 2)
            #expect(result.stderr == "error: cannot read `\(device)`: not a regular file (a character device)\n")
        }
    }

    @Test func aBookFromDevZeroEndsAtOnce() {
        let result = runCommand(["eval", Self.policy, "--book", "/dev/zero", "--market", Self.market])
        #expect(result.exitCode == 2)
        #expect(result.stderr == "error: cannot read `/dev/zero`: not a regular file (a character device)\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func aSymlinkLoopIsNotMissing() throws {
        let directory = try makeTemporaryDirectory("lever-loop")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createSymbolicLink(atPath: directory + "/a.lever", withDestinationPath: "b.lever")
        try FileManager.default.createSymbolicLink(atPath: directory + "/b.lever", withDestinationPath: "a.lever")
        let result = runCommand(["check", "a.lever"], in: directory)
        #expect(result.exitCode == 2)
        #expect(result.stderr == "error: cannot read `a.lever`: too many levels of symbolic links\n")
        let eval = runCommand(["eval", Self.policy, "--book", "a.lever", "--market", Self.market], in: directory)
        #expect(eval.exitCode == 2)
        #expect(eval.stderr == "error: cannot read `a.lever`: too many levels of symbolic links\n")
    }

    /// Sizes past the limits, which the environment sets (and may raise).
    @Test func filesLargerThanTheirLimit() {
        let policy = runCommand(["check", Self.policy], environment: ["LEVER_MAX_POLICY_BYTES": "1K"])
        #expect(policy.exitCode == 2)
        #expect(policy.stdout.hasPrefix("error[L0121]: `\(Self.policy)` is larger than 1 KiB, the limit for a policy\n"))
        let book = runCommand(["eval", Self.policy, "--book", Self.book, "--market", Self.market],
                              environment: ["LEVER_MAX_BOOK_BYTES": "1K"])
        #expect(book.exitCode == 2)
        #expect(book.stderr == "error[L0719]: cannot read `\(Self.book)`: larger than 1 KiB, the limit for a book (set LEVER_MAX_BOOK_BYTES to raise it)\n")
        let raised = runCommand(["check", Self.policy], environment: ["LEVER_MAX_POLICY_BYTES": "1G"])
        #expect(raised.exitCode == 0)
    }

    @Test func aLimitThatIsNotANumberIsAUsageError() {
        let result = runCommand(["check", Self.policy], environment: ["LEVER_MAX_POLICY_BYTES": "lots"])
        #expect(result.exitCode == 2)
        #expect(result.stderr == "error: LEVER_MAX_POLICY_BYTES=`lots` is not a number of bytes, optionally with K, M or G (`2G`)\n")
        let count = runCommand(["eval", Self.policy, "--book", Self.book, "--market", Self.market],
                               environment: ["LEVER_MAX_ACCOUNTS": "-3"])
        #expect(count.exitCode == 2)
    }

    @Test func tooManyAccountsOrPositionsAreLocatedErrors() {
        let accounts = runCommand(["eval", Self.policy, "--book", Self.book, "--market", Self.market, "--keep-going"],
                                  environment: ["LEVER_MAX_ACCOUNTS": "5"])
        #expect(accounts.exitCode == 1)
        #expect(accounts.stderr.contains("error[L0720]: accounts[5]: the book has more than 5 accounts"))
        #expect(accounts.stdout.isEmpty, "no report from a book cut short")
        let positions = runCommand(["eval", Self.policy, "--book", Self.book, "--market", Self.market],
                                   environment: ["LEVER_MAX_POSITIONS": "2"])
        #expect(positions.exitCode == 1)
        #expect(positions.stderr.contains("error[L0721]: accounts[0].positions: the account has more than 2 positions"))
    }

    /// Two 60,000-letter names one letter apart (it took 29 GB): two errors, at once.
    @Test func hugeNamesAreErrorsNotACrash() throws {
        let directory = try makeTemporaryDirectory("lever-names")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let long = String(repeating: "x", count: 59_999)
        try Data("param \(long)a = 1\nparam q = \(long)b\n".utf8).write(to: URL(fileURLWithPath: directory + "/huge.lever"))
        let result = runCommand(["check", "--format", "json", "huge.lever"], in: directory)
        #expect(result.exitCode == 1)
        for code in ["L0122", "L0210"] { #expect(result.stdout.contains("\"code\": \"\(code)\"")) }
    }

    /// A sum of 10,000 terms is not deep nesting: it checks and formats.
    @Test func aLongSumChecksAndFormats() throws {
        let directory = try makeTemporaryDirectory("lever-sum")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = "param s = " + Array(repeating: "1", count: 10_000).joined(separator: " + ") + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/sum.lever"))
        #expect(runCommand(["check", "sum.lever"], in: directory).exitCode == 0)
        let formatted = runCommand(["fmt", "--check", "sum.lever"], in: directory)
        #expect(formatted.exitCode == 0, "\(formatted.stdout)")
    }
}
