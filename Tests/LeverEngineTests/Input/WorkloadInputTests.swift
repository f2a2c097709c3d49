import LeverSyntax
import Testing
@testable import LeverEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files of the shared margin workload: copies in Fixtures/margin, and the generated
/// 10,000-account book when present (`gen_data.py --out /tmp/mw --sizes 10000`, or
/// `LEVER_MARGIN_DATA=DIR`).
enum MarginFixtures {
    static let directory: String = {
        let here = "\(#filePath)"
        let tests = here.split(separator: "/", omittingEmptySubsequences: false).dropLast(2).joined(separator: "/")
        return tests + "/Fixtures/margin"
    }()

    static var generatedDirectory: String { getenv("LEVER_MARGIN_DATA").map { String(cString: $0) } ?? "/tmp/mw" }
    static var generatedBook: String { generatedDirectory + "/accounts_10000.json" }
    static var hasGeneratedBook: Bool { access(generatedBook, R_OK) == 0 }

    static func load(_ sources: inout SourceMap) throws -> (MarketSnapshot, Loaded<Book>) {
        let market = try MarketLoader.load(path: directory + "/market.json", into: &sources)
        let snapshot = try #require(market.value)
        let book = try BookLoader.load(path: directory + "/edge_cases.json", into: &sources, market: snapshot)
        return (snapshot, book)
    }
}

@Suite struct WorkloadInputTests {
    @Test func workloadMarketLoadsAsIs() throws {
        var sources = SourceMap()
        let loaded = try MarketLoader.load(path: MarginFixtures.directory + "/market.json", into: &sources)
        #expect(loaded.diagnostics.isEmpty)
        let market = try #require(loaded.value)
        #expect(market.assets.count == 20)
        #expect(market.asOf == nil)
        #expect(market["XRP"]?.utilization == 0.80)
        #expect(market["PEPE"]?.price == 0.0000198)
        #expect(market["BTC"]?.classHint == "major")
    }

    @Test func edgeCasesLoadAsSpotPositions() throws {
        var sources = SourceMap()
        let (market, loaded) = try MarginFixtures.load(&sources)
        #expect(loaded.diagnostics.isEmpty)
        let book = try #require(loaded.value)
        #expect(book.accounts.count == 13)
        #expect(book.accounts.first { $0.id == "edge-empty" }?.positions == [])
        let knee = try #require(book.accounts.first { $0.id == "edge-knee" })
        #expect(knee.positions[1] == .spot(.init(asset: "USDT", quantity: 5998200.539838049)))
        let columns = BookColumns(book: book, market: market)
        #expect(columns.accountStart.count == 14)
        #expect(Int(columns.accountStart.last!) == columns.rowCount)
        #expect(columns.kind.allSatisfy { $0 == .spot })
        #expect(columns.venue.allSatisfy { $0 == -1 })
        #expect(columns.asset.allSatisfy { $0 >= 0 })
    }

    @Test(.enabled(if: MarginFixtures.hasGeneratedBook, "run gen_data.py --out /tmp/mw --sizes 10000 first"))
    func generatedTenThousandAccountsLoad() throws {
        var sources = SourceMap()
        let market = try #require(try MarketLoader.load(path: MarginFixtures.directory + "/market.json", into: &sources).value)
        let loaded = try BookLoader.load(path: MarginFixtures.generatedBook, into: &sources, market: market)
        #expect(loaded.diagnostics.isEmpty)
        let book = try #require(loaded.value)
        #expect(book.accounts.count == 10_000)
        #expect(book.accounts.allSatisfy { $0.positions.count == 10 })
        let first = try #require(book.accounts.first)
        #expect(first.id == "acct-000001" && first.score == 689)
        #expect(first.positions[1] == .spot(.init(asset: "USDC", quantity: 160001.89643870218)))
        let columns = BookColumns(book: book, market: market)
        #expect(columns.rowCount == 100_000)
    }

    #if !DEBUG
    /// Prints load throughput (not asserted: the machine is shared). Release builds only:
    /// `swift test -c release --filter loadThroughput`.
    @Test(.enabled(if: MarginFixtures.hasGeneratedBook)) func loadThroughput() throws {
        let bytes = try InputFile.read(MarginFixtures.generatedBook)
        let file = SourceFile(id: 0, path: "accounts_10000.json", bytes: bytes)
        var sources = SourceMap()
        let market = try #require(try MarketLoader.load(path: MarginFixtures.directory + "/market.json", into: &sources).value)
        var best = Double.infinity
        for _ in 0..<5 {
            let start = clock()
            let loaded = BookLoader.load(file, market: market)
            let seconds = Double(clock() - start) / Double(CLOCKS_PER_SEC)
            #expect(loaded.value?.accounts.count == 10_000)
            best = min(best, seconds)
        }
        print("book load: \(bytes.count) bytes in \(best * 1000) ms = \(Double(bytes.count) / best / 1e6) MB/s (CPU time, best of 5)")
        let skip = Self.bestOf5 {
            bytes.withUnsafeBufferPointer { buffer in
                var reader = JSONReader(buffer)
                reader.skipValue()
                reader.finish()
                #expect(!reader.failed)
            }
        }
        print("tokenizer only (skipValue): \(Double(bytes.count) / skip / 1e6) MB/s")
        let tree = Self.bestOf5 { _ = LeverEngine.JSONValue.parse(bytes) }
        print("generic JSONValue tree: \(Double(bytes.count) / tree / 1e6) MB/s")
    }

    static func bestOf5(_ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<5 {
            let start = clock()
            body()
            best = min(best, Double(clock() - start) / Double(CLOCKS_PER_SEC))
        }
        return best
    }
    #endif
}
