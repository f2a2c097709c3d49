import Foundation
import Testing
import Lever

@Suite struct DriverTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    @Test func unreadableInputsThrow() {
        #expect(throws: InputFile.ReadError.self) {
            try Lever.loadInputs(market: Self.path("Rules/sample/no-such-market.json"), book: Self.path("Rules/sample/book.json"))
        }
    }

    @Test func sampleInputsLoadAndSelectOneAccount() throws {
        let inputs = try Lever.loadInputs(market: Self.path("Rules/sample/market.json"), book: Self.path("Rules/sample/book.json"))
        #expect(inputs.isUsable)
        #expect(!inputs.diagnostics.hasErrors)
        let one = try #require(inputs.selecting(account: "lev-xenon"))
        #expect(one.book?.accounts.map(\.id) == ["lev-xenon"])
        #expect(inputs.selecting(account: "nobody") == nil)
    }

    @Test func reportsAreEqualAtAnyThreadCount() throws {
        let engine = try #require(Lever.loadPolicy(path: Self.path("Rules/prime.lever")).engine)
        let inputs = try Lever.loadInputs(market: Self.path("Rules/sample/market.json"), book: Self.path("Rules/sample/book.json"))
        let book = try #require(inputs.book), market = try #require(inputs.market)
        let reports = [1, 2, 4, 0].map { Lever.evaluate(engine, book: book, market: market, threads: $0) }
        let texts = reports.map { ReportRenderer(style: .json).render($0) }
        for (report, text) in zip(reports.dropFirst(), texts.dropFirst()) {
            #expect(report.accounts == reports[0].accounts)
            #expect(text == texts[0])
        }
    }

    @Test func aRejectedAccountCanBeSelected() throws {
        let book = """
        {"accounts": [{"id": "ok", "score": 700, "positions": []}, {"id": "bad", "score": "high", "positions": []}]}
        """
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lever-driver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bookPath = directory.appendingPathComponent("book.json").path
        try Data(book.utf8).write(to: URL(fileURLWithPath: bookPath))
        let inputs = try Lever.loadInputs(market: Self.path("Rules/sample/market.json"), book: bookPath,
                                          options: LoadOptions(keepGoing: true))
        #expect(inputs.diagnostics.hasErrors)
        let bad = try #require(inputs.selecting(account: "bad"))
        #expect(bad.book?.accounts.isEmpty == true)
        #expect(bad.book?.rejected.map(\.id) == ["bad"])
    }
}
