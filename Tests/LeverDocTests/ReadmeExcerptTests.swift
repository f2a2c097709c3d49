import Foundation
import LeverTestSupport
import Testing

/// The README's excerpt of `lever doc Rules/lending.lever` stays true: every line of it (other
/// than the `…` that marks a cut) is a line of the golden document.
@Suite struct ReadmeExcerptTests {
    @Test func readmeExcerptMatchesTheGolden() throws {
        let readme = try String(contentsOfFile: DocGoldenTests.root + "/README.md", encoding: .utf8)
        let golden = try String(contentsOfFile: goldenPath("doc/lending.md"), encoding: .utf8)
        let marker = try #require(readme.range(of: "An excerpt of `lever doc Rules/lending.lever`:\n\n```\n"))
        let end = try #require(readme.range(of: "\n```", range: marker.upperBound..<readme.endIndex))
        let lines = readme[marker.upperBound..<end.lowerBound].split(separator: "\n").filter { $0 != "…" }
        let goldenLines = Set(golden.split(separator: "\n"))
        #expect(lines.count > 10)
        for line in lines { #expect(goldenLines.contains(line), "README line not in the golden: \(line)") }
    }
}
