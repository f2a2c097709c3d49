import Foundation
import LeverSyntax
import Testing
@testable import LeverEngine

/// The limits on books and markets (`InputLimits`): each is a located error, reading stops at
/// it, and a book past the account limit never loads, even with `keepGoing`.
@Suite struct InputLimitsTests {
    static func load(_ text: String, keepGoing: Bool = false, _ change: (inout InputLimits) -> Void) -> (Loaded<Book>, [String]) {
        var limits = InputLimits()
        change(&limits)
        var sources = SourceMap()
        let file = sources.add(path: "book.json", text: text)
        let loaded = BookLoader.load(file, market: testMarket(), options: LoadOptions(keepGoing: keepGoing, limits: limits))
        return (loaded, loaded.diagnostics.map { $0.inputSummary(in: sources) })
    }

    static func book(accounts: Int, positions: Int = 1) -> String {
        let position = #"{"asset": "BTC", "qty": 1}"#
        let list = (0..<accounts).map { i in
            #"{"id": "a\#(i)", "score": 700, "positions": [\#(Array(repeating: position, count: positions).joined(separator: ", "))]}"#
        }
        return #"{"accounts": [\#(list.joined(separator: ",\n"))]}"#
    }

    @Test func aBookPastTheAccountLimitFailsEvenWhenKeepingGoing() {
        for keepGoing in [false, true] {
            let (loaded, messages) = Self.load(Self.book(accounts: 5), keepGoing: keepGoing) { $0.maxAccounts = 3 }
            #expect(loaded.value == nil)
            #expect(messages == ["error[L0720]: accounts[3]: the book has more than 3 accounts (book.json:4:1)"])
        }
        #expect(Self.load(Self.book(accounts: 3)) { $0.maxAccounts = 3 }.0.value?.accounts.count == 3)
    }

    @Test func anAccountPastThePositionLimitIsInErrorAlone() throws {
        let text = Self.book(accounts: 2, positions: 1).replacingOccurrences(
            of: #""id": "a1", "score": 700, "positions": [{"asset": "BTC", "qty": 1}]"#,
            with: #""id": "a1", "score": 700, "positions": [{"asset": "BTC", "qty": 1}, {"asset": "ETH", "qty": 2}, {"asset": "USDC", "qty": 3}]"#)
        let (strict, messages) = Self.load(text) { $0.maxPositionsPerAccount = 2 }
        #expect(strict.value == nil)
        #expect(messages == ["error[L0721]: accounts[1].positions: the account has more than 2 positions (book.json:2:98)"])
        let (kept, _) = Self.load(text, keepGoing: true) { $0.maxPositionsPerAccount = 2 }
        let book = try #require(kept.value)
        #expect(book.accounts.map(\.id) == ["a0"])
        #expect(book.rejected.map(\.id) == ["a1"])
    }

    @Test func aStringOrKeyPastTheLimitIsAnError() {
        let long = String(repeating: "x", count: 40)
        let (loaded, messages) = Self.load(#"{"accounts": [{"id": "\#(long)", "score": 1, "positions": [], "\#(long)": 1}]}"#) {
            $0.maxStringLength = 32
        }
        #expect(loaded.value == nil)
        #expect(messages == [
            "error[L0722]: accounts[0].id: string is 40 bytes long, more than the 32 a string may have (book.json:1:22)",
            "error[L0722]: accounts[0]: string is 40 bytes long, more than the 32 a string may have (book.json:1:95)",
        ])
    }

    /// Files: a book or market larger than its limit is refused before it is parsed (L0719 by
    /// its kind), a device before it is read.
    @Test func filesPastTheirLimitAreRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lever-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("book.json").path
        try Data(Self.book(accounts: 2).utf8).write(to: URL(fileURLWithPath: path))
        var sources = SourceMap()
        var limits = InputLimits()
        limits.maxBookBytes = 64
        #expect(throws: InputFile.ReadError(path: path, reason: .tooLarge(limit: 64, kind: .book))) {
            try BookLoader.load(path: path, into: &sources, options: LoadOptions(limits: limits))
        }
        limits.maxMarketBytes = 64
        #expect(throws: InputFile.ReadError(path: path, reason: .tooLarge(limit: 64, kind: .market))) {
            try MarketLoader.load(path: path, into: &sources, options: LoadOptions(limits: limits))
        }
        #expect(throws: InputFile.ReadError(path: "/dev/zero", reason: .notRegularFile("a character device"))) {
            try BookLoader.load(path: "/dev/zero", into: &sources)
        }
        #expect(InputKind.book.tooLargeCode == "L0719" && InputKind.policy.tooLargeCode == "L0121")
    }
}
