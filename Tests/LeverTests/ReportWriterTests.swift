import Foundation
import Testing
import Lever

/// A report written as it is computed, a chunk of accounts at a time (`ReportWriter`, what
/// `lever eval --format json|jsonl|csv` does), is byte for byte the whole report rendered at
/// once, whatever the chunk size and the thread count, with the loader's rejected accounts in
/// their places and the summary counting every account.
@Suite struct ReportWriterTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The prime policy over the sample book (stale and missing prices, broken assertions,
    /// liquidation plans, flags), or over a book with two accounts the loader rejects.
    static func inputs(book: String) throws -> (MarginEngine, Book, MarketSnapshot) {
        let loaded = Lever.loadPolicy(path: path("Rules/prime.lever"), horizon: 1.0 / 365)
        let engine = try #require(loaded.engine)
        let inputs = try Lever.loadInputs(market: path("Rules/sample/market.json"), book: book, for: engine,
                                          options: LoadOptions(keepGoing: true))
        return (engine, try #require(inputs.book), try #require(inputs.market))
    }

    static func bookWithRejects() throws -> String {
        let sample = try String(contentsOfFile: path("Rules/sample/book.json"), encoding: .utf8)
        // Two broken accounts, one first and one in the middle, which --keep-going reports in place.
        let bad1 = #"{"id": "broken-first", "score": "high", "positions": []}"#
        let bad2 = #"{"id": "broken-middle", "score": 700, "positions": [{"asset": "BTC"}]}"#
        var text = sample.replacingOccurrences(of: #""accounts": ["#, with: #""accounts": ["# + bad1 + ",")
        if let range = text.range(of: #"{"id": "#, options: [], range: text.index(text.startIndex, offsetBy: text.count / 2)..<text.endIndex) {
            text.insert(contentsOf: bad2 + ",\n", at: range.lowerBound)
        }
        // And one last, after every evaluated account.
        let bad3 = #"{"id": "broken-last", "positions": "none"}"#
        if let end = text.range(of: "]}\n  ]", options: .backwards) {
            text.replaceSubrange(end, with: "]},\n" + bad3 + "\n  ]")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lever-writer-\(getpid()).json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    static func streamed(_ form: ReportWriter.Form, _ engine: MarginEngine, _ book: Book, _ market: MarketSnapshot,
                         fields: [String], chunk: Int, threads: Int) -> (String, Report) {
        var writer = ReportWriter(form: form, outputs: engine.policy.outputs, fields: fields,
                                  declaresFlags: !engine.policy.flags.isEmpty)
        var out = ""
        let header = writer.write(engine, book: book, market: market, threads: threads, chunkSize: chunk) { out += $0 }
        return (out, header)
    }

    @Test(arguments: [ReportWriter.Form.json, .jsonLines, .csv])
    func writtenInChunksIsTheWholeReport(_ form: ReportWriter.Form) throws {
        let style: ReportRenderer.Style = switch form {
        case .json: .json
        case .jsonLines: .jsonLines
        case .csv: .csv
        }
        for bookPath in [Self.path("Rules/sample/book.json"), try Self.bookWithRejects()] {
            let (engine, book, market) = try Self.inputs(book: bookPath)
            let all = engine.policy.outputs.map(\.name)
            let whole = Lever.evaluate(engine, book: book, market: market)
            #expect(book.rejected.count == (bookPath.contains("lever-writer") ? 3 : 0))
            for fields in [all, ["status", "health", "tier"]] {
                let expected = ReportRenderer(style: style).render(try whole.selecting(outputs: fields).get())
                // Chunks one thread each; groups of chunks across threads, rejected accounts at
                // their edges (3 threads: the last group is short).
                for (chunk, threads) in [(1, 1), (2, 2), (7, 1), (3, 3), (5, 2), (4, 8), (16_384, 2)] {
                    let (text, header) = Self.streamed(form, engine, book, market, fields: fields, chunk: chunk, threads: threads)
                    #expect(text == expected, "chunks of \(chunk), \(threads) threads, \(fields.count) fields")
                    #expect(header.counted == whole.counted)
                    #expect(header.hasFindings == whole.hasFindings)
                }
            }
        }
    }

    /// With remedies asked for, each sick account carries one, written the same streamed or whole,
    /// at any thread count; the accounts without one are written as before.
    @Test(arguments: [ReportWriter.Form.json, .jsonLines])
    func remediesAreWrittenTheSameStreamedOrWhole(_ form: ReportWriter.Form) throws {
        var (engine, book, market) = try Self.inputs(book: Self.path("Rules/sample/book.json"))
        let plain = Lever.evaluate(engine, book: book, market: market)
        engine.remedyTarget = .healthy
        let whole = Lever.evaluate(engine, book: book, market: market)
        let style: ReportRenderer.Style = form == .json ? .json : .jsonLines
        let fields = ["status", "health"]
        let expected = ReportRenderer(style: style).render(try whole.selecting(outputs: fields).get())
        for threads in [1, 2] {
            #expect(Self.streamed(form, engine, book, market, fields: fields, chunk: 5, threads: threads).0 == expected)
        }
        let column = try #require(whole.index(of: "status"))
        for (with, without) in zip(whole.accounts, plain.accounts) {
            #expect((with.remedy != nil) == (with.evaluated && with.values[column] != .label("healthy")), "\(with.id)")
            var stripped = with
            stripped.remedy = nil
            #expect(stripped == without)
        }
    }

    @Test func anEmptyBookIsAnEmptyReport() throws {
        let (engine, _, market) = try Self.inputs(book: Self.path("Rules/sample/book.json"))
        let empty = Book(accounts: [Account]())
        let whole = Lever.evaluate(engine, book: empty, market: market)
        let (text, _) = Self.streamed(.json, engine, empty, market, fields: ["status"], chunk: 4, threads: 1)
        #expect(text == ReportRenderer(style: .json).render(try whole.selecting(outputs: ["status"]).get()))
        #expect(text.contains("\"accounts\": [],"))
    }
}
