import Foundation
import Lever
import LeverBench
import Testing

/// The margin workload's files shipped with the engine tests (Tests/LeverEngineTests/Fixtures/margin).
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let margin = root.appendingPathComponent("Tests/LeverEngineTests/Fixtures/margin")

    static func market() throws -> MarketSnapshot {
        var sources = SourceMap()
        let loaded = try MarketLoader.load(path: margin.appendingPathComponent("market.json").path, into: &sources)
        return try #require(loaded.value)
    }

    static func book(_ name: String, market: MarketSnapshot) throws -> Book {
        var sources = SourceMap()
        let loaded = try BookLoader.load(path: margin.appendingPathComponent(name).path, into: &sources, market: market)
        return try #require(loaded.value)
    }

    /// The reference results (`workload.py`) as `WorkloadResults` (null health is infinite).
    static func expected(_ name: String) throws -> WorkloadResults {
        let data = try Data(contentsOf: margin.appendingPathComponent(name))
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        func code(_ word: Any?, _ words: [String]) -> UInt8 {
            (word as? String).flatMap { words.firstIndex(of: $0) }.map(UInt8.init) ?? WorkloadResults.unknownCode
        }
        func number(_ key: String) -> [Double] { rows.map { ($0[key] as? Double) ?? .infinity } }
        return WorkloadResults(tier: rows.map { code($0["tier"], WorkloadResults.tiers) }, collateral: number("collateral"),
                               debt: number("debt"), health: number("health"),
                               status: rows.map { code($0["status"], WorkloadResults.statuses) }, interest: number("interest"))
    }

    /// The workload policy, compiled.
    static func engine(_ policy: String = "Rules/margin_workload.lever") throws -> MarginEngine {
        let loaded = Lever.loadPolicy(path: root.appendingPathComponent(policy).path)
        return try #require(loaded.engine, "\(loaded.diagnostics.map(\.message))")
    }
}
