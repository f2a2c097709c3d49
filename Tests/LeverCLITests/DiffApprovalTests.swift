import Foundation
import Lever
import LeverTesting
import LeverTestSupport
import Testing

/// `lever diff --enforce --approve FILE` and `--verify-approval FILE`: a record written when the
/// change passes, re-verified from the files later, and every kind of drift named.
@Suite struct DiffApprovalTests {
    static let approve = ["diff", "old.lever", "new.lever", "--book", "book.json", "--market", "market.json",
                          "--enforce", "--approve", "approval.json", "--approver", "Risk-Committee",
                          "--approved-at", "2026-12-07T10:00:00Z"]
    static let verify = ["diff", "old.lever", "new.lever", "--book", "book.json", "--market", "market.json",
                         "--verify-approval", "approval.json"]

    /// A directory holding the policies, book and market of `Golden/cli/diff-approve.txtar`.
    static func fixture() throws -> String {
        let archive = Txtar(parsing: try String(contentsOfFile: goldenPath("cli/diff-approve.txtar"), encoding: .utf8))
        let directory = try makeTemporaryDirectory("lever-approval")
        for name in ["old.lever", "new.lever", "book.json", "market.json"] {
            try (archive[name] ?? "").write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
        }
        return directory
    }

    static func approved() throws -> String {
        let directory = try fixture()
        let result = runCommand(approve, in: directory)
        #expect(result.exitCode == 0, "\(result.stderr)")
        return directory
    }

    static func append(_ text: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    /// `guard … every 3 days`: the approval record lists what moved; a later change of it within
    /// the period fails against `--history`, one after it passes, and none passes unseen.
    @Test func aDebouncedGuardIsJudgedAgainstTheApprovalRecords() throws {
        let directory = try Self.fixture()
        for name in ["old.lever", "new.lever"] {
            let path = directory + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
                .replacingOccurrences(of: "guard liquidation_threshold moves at most 3%", with: "guard liquidation_threshold moves at most 3% every 3 days")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let newer = try String(contentsOfFile: directory + "/new.lever", encoding: .utf8)
            .replacingOccurrences(of: "version \"2\"", with: "version \"3\"")
            .replacingOccurrences(of: "liquidation_threshold = 82%", with: "liquidation_threshold = 83%")
        try newer.write(toFile: directory + "/newer.lever", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory + "/approvals", withIntermediateDirectories: true)
        let inputs = ["--book", "book.json", "--market", "market.json", "--enforce"]

        let unseen = runCommand(["diff", "old.lever", "new.lever"] + inputs, in: directory)
        #expect(unseen.exitCode == 1)
        #expect(unseen.stderr.contains("without the change history"), "\(unseen.stderr)")

        let first = runCommand(["diff", "old.lever", "new.lever"] + inputs + ["--history", "approvals", "--approve",
                                "approvals/first.json", "--approved-at", "2026-12-05T10:00:00Z"], in: directory)
        #expect(first.exitCode == 0, "\(first.stderr)")
        let record = try String(contentsOfFile: directory + "/approvals/first.json", encoding: .utf8)
        #expect(record.contains("\"changed\": [\n      \"asset ETH: liquidation_threshold\"\n    ]"), "\(record)")

        let soon = runCommand(["diff", "new.lever", "newer.lever"] + inputs + ["--history", "approvals", "--approved-at", "2026-12-07T10:00:00Z"],
                              in: directory)
        #expect(soon.exitCode == 1)
        #expect(soon.stderr.contains("asset ETH: liquidation_threshold last changed at 2026-12-05T10:00:00Z (approvals/first.json)"),
                "\(soon.stderr)")
        #expect(soon.stderr.contains("the next from 2026-12-08T10:00:00Z"))

        let later = runCommand(["diff", "new.lever", "newer.lever"] + inputs + ["--history", "approvals", "--approved-at", "2026-12-08T10:00:00Z"],
                               in: directory)
        #expect(later.exitCode == 0, "\(later.stderr)")
        #expect(runCommand(["diff", "new.lever", "newer.lever"] + inputs + ["--history", "missing"], in: directory).exitCode == 2)
    }

    @Test func anUntouchedChangeVerifies() throws {
        let directory = try Self.approved()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = runCommand(Self.verify, in: directory)
        #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("approved 2026-12-07T10:00:00Z by Risk-Committee"))
        #expect(result.stdout.hasSuffix("verified: all 7 items match the approval\n"), "\(result.stdout)")
        #expect(!result.stdout.contains("DIFFERS"))
    }

    @Test func theRecordNamesWhatWasApproved() throws {
        let directory = try Self.approved()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/approval.json")))
        let record = try ApprovalRecord.parse(bytes).get()
        let book = Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/book.json")))
        #expect(record.book == FileDigest(file: "book.json", sha256: ContentDigest.sha256(book)))
        #expect(record.oldFile == "old.lever" && record.newFile == "new.lever")
        #expect(record.oldPolicy.version == "1" && record.newPolicy.version == "2")
        #expect(record.passed && record.breaches.isEmpty)
        #expect(record.approver == "Risk-Committee")
        #expect(record.engine == EngineVersion.number)
        #expect(record.diffSHA256.count == 64)
        // The record reads back to itself.
        #expect(try ApprovalRecord.parse(Array(record.json.utf8)).get() == record)
    }

    /// Whitespace appended to the book changes its bytes, not the diff: only the book differs.
    @Test func anEditedBookIsNamed() throws {
        let directory = try Self.approved()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.append("\n", to: directory + "/book.json")
        let result = runCommand(Self.verify, in: directory)
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("  DIFFERS  book "), "\(result.stdout)")
        #expect(result.stdout.contains("  matches  diff "), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("not verified: 1 of 7 items differ (book)\n"), "\(result.stdout)")
    }

    /// A rule changed after approval: the new policy's hash and the diff differ.
    @Test func aPolicyChangedAfterApprovalIsNamed() throws {
        let directory = try Self.approved()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/new.lever"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "liquidation_threshold = 82%", with: "liquidation_threshold = 83%")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = runCommand(Self.verify + ["--format", "json"], in: directory)
        #expect(result.exitCode == 1)
        let json = try JSONValue.parse(Array(result.stdout.utf8)).get()
        #expect(json["verified"] == .bool(false))
        guard case .array(let checks)? = json["checks"] else { Issue.record("no checks: \(result.stdout)"); return }
        let differing = checks.filter { $0["matches"] == .bool(false) }.compactMap { $0["item"] }
        #expect(differing == [.string("new policy"), .string("diff")])
    }

    /// Options change the numbers, so they are compared: a different horizon is named.
    @Test func anotherHorizonIsNamed() throws {
        let directory = try Self.approved()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = runCommand(Self.verify + ["--horizon", "30d"], in: directory)
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("DIFFERS  options     approved horizon 1 day, top 10, now horizon 30 days, top 10"),
                "\(result.stdout)")
    }

    /// Neither the engine that re-verifies nor where the files now live is part of what was approved.
    @Test func anotherEngineAndOtherPathsStillVerify() throws {
        let directory = try Self.approved()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/archive", withIntermediateDirectories: true)
        for name in ["old.lever", "new.lever", "book.json", "market.json"] {
            try FileManager.default.copyItem(atPath: directory + "/" + name, toPath: directory + "/archive/" + name)
        }
        let moved = ["diff", "archive/old.lever", "archive/new.lever", "--book", "archive/book.json",
                     "--market", "archive/market.json", "--verify-approval", "approval.json"]
        let result = runCommand(moved, in: directory, engineVersion: "99.0.0 (fedcba9)")
        #expect(result.exitCode == 0, "\(result.stdout)")
        #expect(result.stdout.contains("recomputed under engine 99.0.0 (fedcba9)"))
    }

    @Test func withoutApprovedAtTheTimeIsNow() throws {
        let directory = try Self.fixture()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let before = Date().timeIntervalSince1970.rounded(.down)
        let result = runCommand(Array(Self.approve.dropLast(2)), in: directory)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/approval.json")))
        let time = try ApprovalRecord.parse(bytes).get().approvedAt.secondsSinceEpoch
        #expect(time >= before && time <= Date().timeIntervalSince1970)
    }

    @Test func usageErrors() throws {
        let directory = try Self.fixture()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let base = Array(Self.approve.prefix(7))
        #expect(runCommand(base + ["--approver", "x"], in: directory).exitCode == 2)
        #expect(runCommand(base + ["--enforce", "--approve", "a.json", "--approved-at", "yesterday"], in: directory).exitCode == 2)
        #expect(runCommand(base + ["--enforce", "--approve", "a.json", "--verify-approval", "a.json"], in: directory).exitCode == 2)
        let missing = runCommand(base + ["--verify-approval", "none.json"], in: directory)
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("cannot read `none.json`"), "\(missing.stderr)")
        let unwritable = runCommand(base + ["--enforce", "--approve", "no/such/dir/a.json"], in: directory)
        #expect(unwritable.exitCode == 2)
        #expect(unwritable.stderr.contains("cannot write `no/such/dir/a.json`"), "\(unwritable.stderr)")
    }
}
