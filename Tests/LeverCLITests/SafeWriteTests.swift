import Foundation
import LeverTestSupport
import Testing

/// Every command that writes a file writes through a symbolic link to its target, keeps the
/// target's permissions and leaves the link a link (`lever fmt` used to replace the link with a
/// world-writable copy and leave the target unformatted); a target that is not a regular file
/// is refused with its name.
@Suite struct SafeWriteTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// A directory holding `real/<name>` (mode `mode`) and the link `<name>` → `real/<name>`.
    final class Linked {
        let directory: String
        let name: String
        init(_ name: String, text: String, mode: Int) throws {
            directory = try makeTemporaryDirectory("lever-links")
            self.name = name
            try FileManager.default.createDirectory(atPath: directory + "/real", withIntermediateDirectories: false)
            try Data(text.utf8).write(to: URL(fileURLWithPath: target))
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: target)
            try FileManager.default.createSymbolicLink(atPath: directory + "/" + name, withDestinationPath: "real/" + name)
        }
        deinit { try? FileManager.default.removeItem(atPath: directory) }

        var target: String { directory + "/real/" + name }
        var text: String { (try? String(contentsOfFile: target, encoding: .utf8)) ?? "" }
        var mode: Int { (try? FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int) ?? -1 }
        var isStillALink: Bool {
            (try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.type] as? FileAttributeType) == .typeSymbolicLink
        }
        /// Everything in the directory: no temporary file may be left behind.
        var entries: [String] { (FileManager.default.subpaths(atPath: directory) ?? []).sorted() }
    }

    @Test func fmtFormatsTheTargetOfALink() throws {
        let linked = try Linked("p.lever", text: "param z = 2.33 // one-sided 99%\n", mode: 0o640)
        let result = runCommand(["fmt", "p.lever"], in: linked.directory)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "formatted p.lever\n")
        #expect(linked.text == "param z = 2.33  // one-sided 99%\n")
        #expect(linked.isStillALink)
        #expect(linked.mode == 0o640)
        #expect(linked.entries == ["p.lever", "real", "real/p.lever"])
    }

    @Test func docOutputWritesTheTargetOfALink() throws {
        let linked = try Linked("policy.md", text: "old\n", mode: 0o600)
        try Data("policy \"Small\" version \"1\"\nparam z = 2.33\n".utf8)
            .write(to: URL(fileURLWithPath: linked.directory + "/small.lever"))
        let result = runCommand(["doc", "small.lever", "--output", "policy.md"], in: linked.directory)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(linked.text.hasPrefix("# Small\n"))
        #expect(linked.isStillALink)
        #expect(linked.mode == 0o600)
        #expect(linked.entries == ["policy.md", "real", "real/policy.md", "small.lever"])
    }

    @Test func diffHTMLWritesTheTargetOfALink() throws {
        let linked = try Linked("impact.html", text: "old\n", mode: 0o644)
        let policy = Self.root + "/Rules/lending.lever", inputs = Self.root + "/Tests/Golden/lending/healthy/"
        let result = runCommand(["diff", policy, policy, "--book", inputs + "book.json", "--market", inputs + "market.json",
                                 "--html", "impact.html"], in: linked.directory)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(linked.text.hasPrefix("<!DOCTYPE html>"))
        #expect(linked.isStillALink)
        #expect(linked.mode == 0o644)
        #expect(linked.entries == ["impact.html", "real", "real/impact.html"])
    }

    /// `/dev/null` as an output is refused by name, not replaced and not silently swallowed.
    @Test func anOutputThatIsADeviceIsRefused() throws {
        let directory = try makeTemporaryDirectory("lever-links")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("param z = 2.33\n".utf8).write(to: URL(fileURLWithPath: directory + "/small.lever"))
        try FileManager.default.createSymbolicLink(atPath: directory + "/out.md", withDestinationPath: "/dev/null")
        let direct = runCommand(["doc", "small.lever", "--output", "/dev/null"], in: directory)
        #expect(direct.exitCode == 2)
        #expect(direct.stderr == "error: cannot write `/dev/null`: is a character device, not a regular file\n")
        let linked = runCommand(["doc", "small.lever", "--output", "out.md"], in: directory)
        #expect(linked.exitCode == 2)
        #expect(linked.stderr == "error: cannot write `out.md`: links to `/dev/null`, which is a character device, not a regular file\n")
    }
}
