import LeverSyntax
import Testing
@testable import LeverEngine

func loadMarket(_ text: String, keepGoing: Bool = false) -> (Loaded<MarketSnapshot>, [String]) {
    var sources = SourceMap()
    let file = sources.add(path: "market.json", text: text)
    let loaded = MarketLoader.load(file, options: LoadOptions(keepGoing: keepGoing))
    return (loaded, loaded.diagnostics.map { $0.inputSummary(in: sources) })
}

@Suite struct MarketLoaderTests {
    @Test func fullSnapshotLoads() throws {
        let (loaded, messages) = loadMarket(testMarketText)
        #expect(messages == [])
        let market = try #require(loaded.value)
        #expect(market.asOf == Timestamp(iso8601: "2026-11-25T12:00:00Z"))
        #expect(market.assets.map(\.symbol) == ["BTC", "ETH", "USDC"])
        #expect(market["BTC"]?.utilization == 0.45)
        #expect(market["ETH"]?.utilization == 0.78)  // 780 / 1000
        #expect(market["USDC"]?.utilization == 0.85)
        #expect(market["BTC"]?.priceTime?.yearsSince(try #require(market.asOf)) == -2 / 31_536_000)
    }

    @Test func venuesAndNullPrice() throws {
        let (loaded, messages) = loadMarket("""
        {"assets": {"LUNA": {"price": null, "vol": 3}, "BTC": {"price": 1, "vol": 0.5}},
         "venues": {"Binance": {"prices": {"BTC": {"price": 97260.1, "price_time": "2026-11-25T11:59:59.5Z"}}}}}
        """)
        #expect(messages == [])
        let market = try #require(loaded.value)
        #expect(market["LUNA"]?.price == nil)
        #expect(market.venues.first?.prices["BTC"]?.price == 97260.1)
        #expect(market.venues.first?.prices["BTC"]?.priceTime?.secondsSinceEpoch.truncatingRemainder(dividingBy: 1) == 0.5)
    }

    @Test func invalidValuesAreReportedWithPaths() {
        let (loaded, messages) = loadMarket("""
        {"asOf": "now", "assets": {
          "BTC": {"price": -1, "vol": 0.5},
          "ETH": {"prcie": 3000, "vol": 0.5, "util": 1.5},
          "SOL": {"price": 180, "vol": "high"},
          "XRP": {"price": 2, "util": 0.5, "utilization": 0.5}}}
        """)
        #expect(loaded.value == nil)
        #expect(messages == [
            "error[L0703]: unknown field `asOf` (market.json:1:2)",
            "error[L0706]: assets.BTC.price: must not be negative (market.json:2:20)",
            "error[L0703]: assets.ETH: unknown field `prcie` (market.json:3:11)",
            "error[L0706]: assets.ETH.util: must be within [0, 1] (market.json:3:46)",
            "warning[L0712]: assets.ETH.price: no price (market.json:3:3)",
            "error[L0701]: assets.SOL.vol: expected a number, found a string (market.json:4:32)",
            "error[L0711]: assets.XRP: `utilization` and `util` give the same value twice (market.json:5:23)",
            "error[L0702]: assets.XRP: missing required field `vol` (market.json:5:10)",
        ])
    }

    @Test func keepGoingDropsOnlyBadAssets() throws {
        let (loaded, _) = loadMarket(#"{"assets": {"BTC": {"price": -1, "vol": 0.5}, "ETH": {"price": 3000, "vol": 0.7}}}"#, keepGoing: true)
        #expect(loaded.value?.assets.map(\.symbol) == ["ETH"])
        #expect(loaded.diagnostics.map(\.code) == ["L0706"])
    }
}

@Suite struct TimestampTests {
    @Test func parsesRFC3339() throws {
        #expect(Timestamp(iso8601: "1970-01-01T00:00:00Z")?.secondsSinceEpoch == 0)
        #expect(Timestamp(iso8601: "2026-11-25T12:00:00Z")?.secondsSinceEpoch == 1_795_608_000)
        #expect(Timestamp(iso8601: "2026-11-25T14:00:00+02:00")?.secondsSinceEpoch == 1_795_608_000)
        #expect(Timestamp(iso8601: "2026-11-25")?.secondsSinceEpoch == 1_795_564_800)
        #expect(Timestamp(iso8601: "2024-02-29T00:00:00.25Z")?.secondsSinceEpoch == 1_709_164_800.25)
        #expect(Timestamp(iso8601: "1969-12-31T23:59:59Z")?.secondsSinceEpoch == -1)
        #expect(Timestamp(iso8601: "2026-11-25T12:00:00Z")?.description == "2026-11-25T12:00:00Z")
    }

    @Test func rejectsAmbiguousOrImpossibleTimes() {
        for text in ["2026-11-25T12:00:00", "2026-02-29", "2026-13-01", "2026-11-25T24:00:00Z", "26-11-25", "",
                     "2026-11-25T12:00Z", "2026-11-25T12:00:00.Z", "2026-11-25T12:00:00+2:00"] {
            #expect(Timestamp(iso8601: text) == nil, "\(text)")
        }
    }
}
