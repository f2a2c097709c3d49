import Foundation
import Testing

// The README's "Embedding Lever in a Swift service" snippet, verbatim: `readmeShowsThisSnippet`
// keeps the two texts equal, and `snippetRuns` runs it on the sample data.
// README-SNIPPET-BEGIN
import Lever

/// Evaluates a book under a policy and returns the JSON report (or the diagnostics).
func marginReport(policy: String, book: String, market: String) throws -> String {
    // Check and compile once; the engine is immutable and can serve every thread.
    let loaded = Lever.loadPolicy(path: policy, horizon: 30.0 / 365)  // horizon in years
    guard let engine = loaded.engine else {
        return DiagnosticRenderer(style: .plain).render(loaded.diagnostics, sources: loaded.sources)
    }
    // Bad input comes back as diagnostics with JSON paths; only unreadable files throw. The
    // book's assets and venues must be ones the policy declares.
    let inputs = try Lever.loadInputs(market: market, book: book, for: engine)
    guard let accounts = inputs.book, let prices = inputs.market else {
        return DiagnosticRenderer(style: .plain).render(inputs.diagnostics, sources: inputs.sources)
    }
    let report = Lever.evaluate(engine, book: accounts, market: prices, threads: 4)
    if case .label(let status)? = report.value("status", account: "lev-xenon") {
        print("lev-xenon is \(status) under \(engine.identity.name) \(engine.identity.version)")
    }
    return ReportRenderer(style: .json).render(report)
}
// README-SNIPPET-END

@Suite struct ReadmeSnippetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The lines between `begin` and `end` markers in `text`, markers excluded.
    static func between(_ begin: String, _ end: String, in text: String) -> String? {
        guard let start = text.range(of: begin + "\n"), let stop = text.range(of: end, range: start.upperBound..<text.endIndex)
        else { return nil }
        return String(text[start.upperBound..<stop.lowerBound])
    }

    @Test func readmeShowsThisSnippet() throws {
        let readme = try String(contentsOfFile: Self.path("README.md"), encoding: .utf8)
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let shown = try #require(Self.between("<!-- embedding-snippet -->\n```swift", "```", in: readme))
        let tested = try #require(Self.between("// README-SNIPPET-BEGIN", "// README-SNIPPET-END", in: source))
        #expect(shown == tested, "README.md and ReadmeSnippetTests.swift differ: copy the test's snippet into the README")
    }

    @Test func snippetRuns() throws {
        let json = try marginReport(policy: Self.path("Rules/prime.lever"), book: Self.path("Rules/sample/book.json"),
                                    market: Self.path("Rules/sample/market.json"))
        #expect(json.hasPrefix("{\n  \"accounts\": ["))
        #expect(json.contains("\"name\": \"Cross-venue prime margin\""))
        #expect(json.contains("\"horizon_days\": 30.0"))
    }
}

/// The README's JSON example quotes the start of `Rules/prime.lever`'s hash; editing the policy
/// changes the hash, and this keeps the quote true.
@Suite struct ReadmeHashTests {
    @Test func theQuotedHashIsThePolicys() throws {
        let readme = try String(contentsOf: ReadmeSnippetTests.root.appendingPathComponent("README.md"), encoding: .utf8)
        let engine = try #require(Lever.loadPolicy(path: ReadmeSnippetTests.root.appendingPathComponent("Rules/prime.lever").path).engine)
        let quoted = "\"hash\": \"\(engine.identity.hash.prefix(12))…\""
        #expect(readme.contains(quoted), "README.md should quote \(quoted)")
    }
}
