import Foundation
import Lever
import LeverTestSupport
import Testing

/// `lever eval --format json` names the engine, the policy (name, version, hash, file) and the
/// book and market (file, SHA-256 of the bytes read).
@Suite struct EvalProvenanceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let sample = ["eval", "Rules/prime.lever", "--book", "Rules/sample/book.json", "--market", "Rules/sample/market.json"]

    static func file(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + path)))
    }

    @Test func theJSONReportNamesEngineFilesAndDigests() throws {
        let result = runCommand(Self.sample + ["--format", "json"], in: Self.root, engineVersion: "9.9.9 (abc1234)")
        let report = try JSONValue.parse(Array(result.stdout.utf8)).get()
        #expect(report["engine"] == .string("9.9.9 (abc1234)"))
        #expect(report["policy"]?["file"] == .string("Rules/prime.lever"))
        #expect(report["policy"]?["hash"]?.isString == true)
        #expect(report["book"]?["file"] == .string("Rules/sample/book.json"))
        #expect(report["book"]?["sha256"] == .string(ContentDigest.sha256(try Self.file("Rules/sample/book.json"))))
        #expect(report["market"]?["file"] == .string("Rules/sample/market.json"))
        #expect(report["market"]?["sha256"] == .string(ContentDigest.sha256(try Self.file("Rules/sample/market.json"))))
    }

    @Test func theTableHeadingNamesThemToo() throws {
        let result = runCommand(Self.sample, in: Self.root, engineVersion: "9.9.9 (abc1234)")
        let heading = result.stdout.split(separator: "\n").prefix(6).joined(separator: "\n")
        #expect(heading.contains("policy \"Cross-venue prime margin\" version \"2026.11\" (Rules/prime.lever)"))
        #expect(heading.contains("book Rules/sample/book.json sha256 \(ContentDigest.sha256(try Self.file("Rules/sample/book.json")))"))
        #expect(heading.contains("market Rules/sample/market.json sha256 "))
        #expect(heading.contains("engine 9.9.9 (abc1234)"))
    }

    /// A different book gives a different digest: the hash is of the file evaluated.
    @Test func anEditedBookHasAnotherDigest() throws {
        let directory = try makeTemporaryDirectory("lever-provenance")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var book = try Self.file("Rules/sample/book.json")
        try Data(book).write(to: URL(fileURLWithPath: directory + "/a.json"))
        book.append(UInt8(ascii: "\n"))
        try Data(book).write(to: URL(fileURLWithPath: directory + "/b.json"))
        let digest = { (name: String) throws -> JSONValue? in
            let result = runCommand(["eval", Self.root + "/Rules/prime.lever", "--book", name, "--market",
                                     Self.root + "/Rules/sample/market.json", "--format", "json"], in: directory)
            return try JSONValue.parse(Array(result.stdout.utf8)).get()["book"]?["sha256"]
        }
        #expect(try digest("a.json") != digest("b.json"))
        #expect(try digest("b.json") == .string(ContentDigest.sha256(book)))
    }
}

extension JSONValue {
    var isString: Bool { if case .string = self { true } else { false } }
}
