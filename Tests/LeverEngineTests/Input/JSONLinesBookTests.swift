import Testing
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
