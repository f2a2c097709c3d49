import Foundation
import Testing
import LeverCheck
import LeverCompile
import LeverSyntax
@testable import LeverEngine

/// A book as JSON Lines (`.jsonl`, `.ndjson`): one account per line, read as the elements of
/// `accounts`, so the accounts, the errors' paths and lines, and the limits are the document's.
struct JSONLinesBookTests {
    static let document = """
    {"accounts": [
      {"id": "a", "score": 700, "positions": [{"asset": "BTC", "quantity": 1}]},
      {"id": "b", "score": 500, "attributes": {"region": "EU"}, "positions": [{"asset": "USDC", "quantity": -100}]}
    ]}
    """
    static let lines = """
    {"id": "a", "score": 700, "positions": [{"asset": "BTC", "quantity": 1}]}

    {"id": "b", "score": 500, "attributes": {"region": "EU"}, "positions": [{"asset": "USDC", "quantity": -100}]}

    """

    static func load(_ text: String, path: String, options: LoadOptions = LoadOptions()) -> Loaded<Book> {
        BookLoader.load(SourceFile(id: 2, path: path, text: text), options: options)
    }

    @Test func aJSONLinesBookIsTheSameBook() throws {
        let fromDocument = try #require(Self.load(Self.document, path: "book.json").value)
        for path in ["book.jsonl", "book.ndjson"] {
            let loaded = Self.load(Self.lines, path: path)
            #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
            #expect(try #require(loaded.value).accounts == fromDocument.accounts)
        }
    }

    @Test func errorsHaveTheDocumentsPathsAndTheirOwnLines() {
        let text = """
        {"id": "a", "score": 700, "positions": []}
        {"id": "b", "score": 500, "positions": [{"asset": "BTC", "quantity": "lots"}]}
        """
        var sources = SourceMap()
        let file = sources.add(path: "book.jsonl", text: text)
        let loaded = BookLoader.load(file)
        let error = loaded.diagnostics.first { $0.severity == .error }
        #expect(error?.message.hasPrefix("accounts[1].positions[0].quantity") == true, "\(String(describing: error?.message))")
        #expect(error.map { sources.location($0.primary.span) }?.hasPrefix("book.jsonl:2:") == true)
        #expect(loaded.value == nil, "a book with errors is refused unless --keep-going")
        let kept = BookLoader.load(file, options: LoadOptions(keepGoing: true))
        #expect(kept.value?.accounts.map(\.id) == ["a"])
        #expect(kept.value?.rejected.map(\.index) == [1])
    }

    @Test func aLineThatIsNotJSONStopsTheLoad() {
        let loaded = Self.load("{\"id\": \"a\", \"score\": 1, \"positions\": []}\nnot json\n", path: "book.jsonl")
        #expect(loaded.value == nil)
        #expect(loaded.diagnostics.contains { $0.code == "L0701" || $0.message.contains("JSON") }, "\(loaded.diagnostics.map(\.message))")
    }

    @Test func theAccountLimitHolds() {
        let text = (0..<5).map { "{\"id\": \"a\($0)\", \"score\": 1, \"positions\": []}" }.joined(separator: "\n")
        var limits = InputLimits.standard
        limits.maxAccounts = 3
        let loaded = Self.load(text, path: "book.jsonl", options: LoadOptions(limits: limits))
        #expect(loaded.value == nil)
        #expect(loaded.diagnostics.contains { $0.message.contains("3") }, "\(loaded.diagnostics.map(\.message))")
    }

    @Test func anEmptyFileIsAnEmptyBook() {
        #expect(Self.load("\n\n", path: "book.jsonl").value?.accounts.isEmpty == true)
    }
}

/// The same accounts as a document and as JSON Lines give byte-identical reports (the shipped
/// sample book, through the prime-broker policy: every status, stale and missing prices,
/// options, perpetuals, liquidation plans).
struct JSONLinesReportTests {
    @Test func theSampleBookGivesTheSameReportEitherWay() throws {
        let root = WorkloadAgreementTests.root
        let checked = Checker.check(path: root.appendingPathComponent("Rules/prime.lever").path)
        let compiled = try #require(Compiler.compile(checked).0)
        let engine = MarginEngine(policy: compiled, identity: PolicyIdentity(name: "p", version: "1", hash: ""), horizon: 1.0 / 365)
        var sources = SourceMap()
        let market = try #require(try MarketLoader.load(path: root.appendingPathComponent("Rules/sample/market.json").path,
                                                        into: &sources).value)
        let documentText = try String(contentsOf: root.appendingPathComponent("Rules/sample/book.json"), encoding: .utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(documentText.utf8)) as? [String: Any])
        let accounts = try #require(json["accounts"] as? [Any])
        let lines = try accounts.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        #expect(lines.allSatisfy { !$0.contains("\n") })
        let names = PolicyNames(policy: compiled)
        let document = try #require(BookLoader.load(SourceFile(id: 0, path: "book.json", text: documentText), policy: names).value)
        let jsonLines = try #require(BookLoader.load(SourceFile(id: 0, path: "book.jsonl", text: lines.joined(separator: "\n") + "\n"),
                                                     policy: names).value)
        let render = { (book: Book) in ReportRenderer(style: .json).render(engine.evaluate(book: book, market: market)) }
        #expect(render(document) == render(jsonLines))
        #expect(document.accounts.count == 31)
    }
}
