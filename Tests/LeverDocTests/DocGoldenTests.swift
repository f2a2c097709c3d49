import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LeverTestSupport
import Testing

/// `lever doc` on the worked policies in `Rules/`, in both forms, against `Golden/doc/`.
@Suite struct DocGoldenTests {
    /// The package root, where `Rules/` lives; paths in the output are printed relative to it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static let cases = ["lending.md", "lending.html", "prime.md", "prime.html"]

    @Test(arguments: cases)
    func golden(_ name: String) {
        let (policy, ext) = (String(name.split(separator: ".")[0]), String(name.split(separator: ".")[1]))
        let format = ext == "md" ? "markdown" : "html"
        let result = runCommand(["doc", "Rules/\(policy).lever", "--format", format], in: Self.root)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        assertGolden(actual: result.stdout, path: goldenPath("doc/\(name)"))
    }

    /// Same policy, same bytes: a second run, and the file `--output` writes, equal the first run.
    @Test(arguments: ["markdown", "html"])
    func deterministic(_ format: String) throws {
        let first = runCommand(["doc", "Rules/prime.lever", "--format", format], in: Self.root)
        let second = runCommand(["doc", "Rules/prime.lever", "--format", format], in: Self.root)
        #expect(first == second)
        let directory = try makeTemporaryDirectory("lever-doc")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "/prime.doc"
        let written = runCommand(["doc", Self.root + "/Rules/prime.lever", "--format", format, "--output", output])
        #expect(written.exitCode == 0 && written.stdout.isEmpty)
        let file = try String(contentsOfFile: output, encoding: .utf8)
        #expect(file == first.stdout.replacingOccurrences(of: "Rules/prime.lever", with: Self.root + "/Rules/prime.lever"))
    }

    /// The HTML form is one well-formed XHTML page: it parses as XML and loads nothing.
    @Test func htmlIsSelfContained() throws {
        let result = runCommand(["doc", "Rules/lending.lever", "--format", "html"], in: Self.root)
        let body = try #require(result.stdout.split(separator: "\n", maxSplits: 1).last)
        let parser = XMLParser(data: Data(body.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(!result.stdout.contains("<script") && !result.stdout.contains("src=") && !result.stdout.contains("href="))
        #expect(result.stdout.components(separatedBy: "<svg").count - 1 == 4)
    }
}
