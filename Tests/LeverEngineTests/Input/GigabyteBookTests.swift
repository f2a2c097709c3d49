import Foundation
import Testing
import LeverSyntax
@testable import LeverEngine

/// A book of a gigabyte loads, and an error near its end is located by its JSON path, its line
/// and its column, as in a small book: offsets, line starts and paths hold at that size.
@Suite struct GigabyteBookTests {
    /// 1,000,000 lines of 1,000 bytes (10^9 bytes, under the 1 GiB default limit): every 100th
    /// line is an account with one BTC balance, padded with spaces to the line's length, and the
    /// lines between are blank (spaces), which JSON Lines allows. The last account's quantity is
    /// a string. Written in 1 MB blocks, so the test holds the file's bytes only once.
    static func write(to url: URL) throws -> (errorLine: Int, errorColumn: Int) {
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let width = 1000
        func line(_ text: String) -> [UInt8] {
            Array(text.utf8) + [UInt8](repeating: UInt8(ascii: " "), count: width - 1 - text.utf8.count) + [UInt8(ascii: "\n")]
        }
        let blank = line("")
        var block: [UInt8] = []
        block.reserveCapacity(1 << 20)
        var errorColumn = 0
        let lines = 1_000_000, last = lines - 100 + 1  // account lines are 1, 101, …, 999,901
        for number in 1...lines {
            if (number - 1) % 100 == 0 {
                let id = "acct-\((number - 1) / 100)"
                let quantity = number == last ? "\"lots\"" : "1.5"
                let text = "{\"id\": \"\(id)\", \"score\": 700, \"positions\": [{\"asset\": \"BTC\", \"quantity\": \(quantity)}]}"
                if number == last { errorColumn = text.utf8.count - quantity.utf8.count - 3 + 1 }
                block += line(text)
            } else {
                block += blank
            }
            if block.count >= 1 << 20 {
                handle.write(Data(block))
                block.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(block))
        return (last, errorColumn)
    }

    @Test func anErrorNearTheEndOfAGigabyteBookIsLocated() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lever-gigabyte-\(getpid()).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        let (errorLine, errorColumn) = try Self.write(to: url)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(size == 1_000_000_000)

        var sources = SourceMap()
        let loaded = try BookLoader.load(path: url.path, into: &sources, options: LoadOptions(keepGoing: true))
        let book = try #require(loaded.value)
        // Every account but the broken one loads; the broken one is rejected, never dropped.
        #expect(book.count == 9_999)
        #expect(book.rejected.map(\.index) == [9_999])
        #expect(book.accounts.last?.positions == [.spot(.init(asset: "BTC", quantity: 1.5))])
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.message.hasPrefix("accounts[9999].positions[0].quantity: expected a number, found a string"))
        let file = try #require(sources.file(error.primary.span.file))
        let place = file.location(of: error.primary.span.start)
        #expect(place.line == errorLine && place.column == errorColumn, "\(place) against \(errorLine):\(errorColumn)")
    }
}
