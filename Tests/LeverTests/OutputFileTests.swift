import Foundation
import LeverTestSupport
import Testing
@testable import Lever

/// The one file writer (`OutputFile`): atomic replacement, links followed, permissions kept,
/// new files under the umask, non-regular targets refused, no temporary file left behind.
@Suite(.serialized) struct OutputFileTests {
    /// A scratch directory, removed when the test ends.
    final class Scratch {
        let root: String
        init() throws { root = try makeTemporaryDirectory("lever-write") }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        func path(_ name: String) -> String { root + "/" + name }
        func read(_ name: String) -> String? {
            FileManager.default.contents(atPath: path(name)).map { String(decoding: $0, as: UTF8.self) }
        }
        func create(_ name: String, _ text: String, mode: Int) throws {
            try FileManager.default.createDirectory(atPath: (path(name) as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path(name))
        }
        func link(_ name: String, to destination: String) throws {
            try FileManager.default.createSymbolicLink(atPath: path(name), withDestinationPath: destination)
        }
        /// The entries of a directory of the scratch, sorted: temporary files would show here.
        func entries(_ directory: String = "") throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? root : path(directory)).sorted()
        }
    }

    /// `stat` without following links.
    static func status(_ path: String) -> stat {
        var status = stat()
        lstat(path, &status)
        return status
    }

    static func mode(_ path: String) -> Int { Int(status(path).st_mode & 0o7777) }

    /// Whether `signal` is blocked on the calling thread now.
    static func isBlocked(_ signal: Int32) -> Bool {
        var current = sigset_t()
        pthread_sigmask(SIG_BLOCK, nil, &current)
        return sigismember(&current, signal) == 1
    }
    static func isLink(_ path: String) -> Bool { status(path).st_mode & S_IFMT == S_IFLNK }

    @Test func replacesTheContentsAndKeepsThePermissions() throws {
        let scratch = try Scratch()
        try scratch.create("p.lever", "old\n", mode: 0o640)
        try OutputFile.write("new\n", to: scratch.path("p.lever"))
        #expect(scratch.read("p.lever") == "new\n")
        #expect(Self.mode(scratch.path("p.lever")) == 0o640)
        #expect(try scratch.entries() == ["p.lever"])
    }

    @Test func aLinkIsFollowedAndStaysALink() throws {
        let scratch = try Scratch()
        try scratch.create("rules/p.lever", "old\n", mode: 0o600)
        // A relative link in another directory: its target is found from the link's directory.
        try scratch.create("work/.keep", "", mode: 0o644)
        try scratch.link("work/p.lever", to: "../rules/p.lever")
        try OutputFile.write("new\n", to: scratch.path("work/p.lever"))
        #expect(Self.isLink(scratch.path("work/p.lever")))
        #expect(scratch.read("rules/p.lever") == "new\n")
        #expect(Self.mode(scratch.path("rules/p.lever")) == 0o600)
        #expect(try scratch.entries("rules") == ["p.lever"])
        #expect(try scratch.entries("work") == [".keep", "p.lever"])
    }

    @Test func aChainOfLinksEndsAtTheFileWritten() throws {
        let scratch = try Scratch()
        try scratch.create("real.md", "old\n", mode: 0o664)
        try scratch.link("one.md", to: "real.md")
        try scratch.link("two.md", to: scratch.path("one.md"))
        try OutputFile.write("new\n", to: scratch.path("two.md"))
        #expect(Self.isLink(scratch.path("two.md")) && Self.isLink(scratch.path("one.md")))
        #expect(scratch.read("real.md") == "new\n")
        #expect(Self.mode(scratch.path("real.md")) == 0o664)
    }

    @Test func aDanglingLinkCreatesItsTarget() throws {
        let scratch = try Scratch()
        try scratch.link("out.md", to: "made.md")
        try OutputFile.write("made\n", to: scratch.path("out.md"))
        #expect(Self.isLink(scratch.path("out.md")))
        #expect(scratch.read("made.md") == "made\n")
    }

    /// A new file gets 0666 less the umask, as `touch` gives it (not 0777, not a fixed 0644).
    /// The umask is the process's: it is set for the write and put back at once.
    @Test(arguments: [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
    func aNewFileGetsTheUmask(_ umaskBits: Int, _ expected: Int) throws {
        let scratch = try Scratch()
        let previous = umask(mode_t(umaskBits))
        defer { umask(previous) }
        try OutputFile.write("x\n", to: scratch.path("new.md"))
        #expect(Self.mode(scratch.path("new.md")) == expected)
    }

    /// Set-id bits are permission bits too, and survive the owner being set first.
    @Test func setIDAndStickyBitsAreKept() throws {
        let scratch = try Scratch()
        try scratch.create("tool", "old\n", mode: 0o2755)
        try OutputFile.write("new\n", to: scratch.path("tool"))
        #expect(Self.mode(scratch.path("tool")) == 0o2755)
    }

    /// Only root may give a file away, so only root can show that the owner is kept.
    @Test(.enabled(if: geteuid() == 0, "only root can give a file to another owner"))
    func asRootTheOwnerAndGroupAreKept() throws {
        let scratch = try Scratch()
        try scratch.create("owned.lever", "old\n", mode: 0o644)
        #expect(chown(scratch.path("owned.lever"), 1, 2) == 0)
        try OutputFile.write("new\n", to: scratch.path("owned.lever"))
        let status = Self.status(scratch.path("owned.lever"))
        #expect(status.st_uid == 1 && status.st_gid == 2)
    }

    /// A write that fails once the temporary file holds the bytes removes it and leaves the
    /// target as it was; meanwhile the temporary file sat beside the target, private, with
    /// SIGINT held back.
    @Test func aFailedWriteLeavesNoTemporaryFile() throws {
        struct Injected: Error {}
        let scratch = try Scratch()
        try scratch.create("rules/p.lever", "old\n", mode: 0o640)
        try scratch.link("p.lever", to: "rules/p.lever")
        var seen: String?
        let blockedBefore = Self.isBlocked(SIGINT)  // a test runner's thread may block it already
        #expect(throws: Injected.self) {
            try OutputFile.write(Array("new\n".utf8), to: scratch.path("p.lever")) { temporary in
                seen = temporary
                #expect(FileManager.default.fileExists(atPath: temporary))
                #expect(Self.mode(temporary) == 0o640)
                #expect(Self.isBlocked(SIGINT) && Self.isBlocked(SIGTERM))
                throw Injected()
            }
        }
        #expect(seen.map { ($0 as NSString).deletingLastPathComponent } == scratch.path("rules"))
        #expect(try scratch.entries("rules") == ["p.lever"])
        #expect(scratch.read("rules/p.lever") == "old\n")
        #expect(Self.isBlocked(SIGINT) == blockedBefore, "the signal mask is restored")
    }

    @Test func aMissingDirectoryIsNamed() throws {
        let scratch = try Scratch()
        let error = try #require(throws: OutputFile.WriteError.self) {
            try OutputFile.write("x", to: scratch.path("missing/x.md"))
        }
        #expect(error.reason == "no such directory `\(scratch.path("missing"))`")
        #expect(try scratch.entries().isEmpty)
    }

    /// A target that exists and is not a regular file is refused, directly or through links,
    /// and left as it was (`/dev/null` stays a device).
    @Test func nonRegularTargetsAreRefused() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("dir"), withIntermediateDirectories: false)
        try scratch.link("null.md", to: "/dev/null")
        try scratch.link("loop1", to: "loop2")
        try scratch.link("loop2", to: "loop1")
        #expect(mkfifo(scratch.path("fifo"), 0o644) == 0)
        let cases: [(String, String)] = [
            (scratch.path("dir"), "is a directory"),
            ("/dev/null", "is a character device, not a regular file"),
            (scratch.path("null.md"), "links to `/dev/null`, which is a character device, not a regular file"),
            (scratch.path("fifo"), "is a FIFO (named pipe), not a regular file"),
            (scratch.path("loop1"), "too many levels of symbolic links"),
        ]
        for (path, reason) in cases {
            let error = try #require(throws: OutputFile.WriteError.self) { try OutputFile.write("x", to: path) }
            #expect(error.description == "cannot write `\(path)`: \(reason)")
        }
        #expect(FileKind.of("/dev/null") == .characterDevice)
        #expect(Self.isLink(scratch.path("null.md")))
        #expect(try scratch.entries() == ["dir", "fifo", "loop1", "loop2", "null.md"])
    }

    /// Renaming over a read-only file would bypass its mode; root may write it anyway.
    @Test(.enabled(if: geteuid() != 0, "root may write a read-only file"))
    func aReadOnlyFileIsRefused() throws {
        let scratch = try Scratch()
        try scratch.create("frozen.lever", "old\n", mode: 0o444)
        let error = try #require(throws: OutputFile.WriteError.self) { try OutputFile.write("new\n", to: scratch.path("frozen.lever")) }
        #expect(error.reason == "permission denied")
        #expect(scratch.read("frozen.lever") == "old\n")
    }

    @Test func kindsAreWorded() {
        #expect(FileKind.of("/") == .directory)
        #expect(FileKind.of("/no/such/file") == nil)
        #expect(FileKind.directory.notRegularText == "is a directory")
        #expect(FileKind.socket.notRegularText == "is a socket, not a regular file")
    }
}
