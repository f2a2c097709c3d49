import Foundation
import Testing
@testable import LeverEngine

/// CME SPAN's 16-scenario risk array for a long future (McMillan's example in the reference
/// vectors), written as a Lever policy: price moves of 0, ⅓, ⅔ and 3⁄3 of the 10,000 USD scan
/// range up and down, each with volatility up and down, and the two extremes of twice the range
/// of which 35 % counts. A long future's P&L does not depend on volatility, so by hand:
///   scenarios 1–2: 0; 3–4: +3,333; 5–6: −3,333; 7–8: +6,667; 9–10: −6,667;
///   11–12: +10,000; 13–14: −10,000; 15: +0.35 × 20,000 = +7,000; 16: −7,000
/// The scan risk is the largest loss, 10,000, first reached in scenario 13.
struct ScenarioMarginPolicyTests {
    /// One scenario per row of the risk array: the price move as a share of the scan range,
    /// the volatility move, and the weight.
    static let rows: [(name: String, range: Double, vol: String, weight: String?)] = [
        ("s01", 0, "+25%", nil), ("s02", 0, "-25%", nil),
        ("s03", 1.0 / 3, "+25%", nil), ("s04", 1.0 / 3, "-25%", nil),
        ("s05", -1.0 / 3, "+25%", nil), ("s06", -1.0 / 3, "-25%", nil),
        ("s07", 2.0 / 3, "+25%", nil), ("s08", 2.0 / 3, "-25%", nil),
        ("s09", -2.0 / 3, "+25%", nil), ("s10", -2.0 / 3, "-25%", nil),
        ("s11", 1, "+25%", nil), ("s12", 1, "-25%", nil),
        ("s13", -1, "+25%", nil), ("s14", -1, "-25%", nil),
        ("s15", 2, "+0%", "35%"), ("s16", -2, "+0%", "35%"),
    ]

    /// The index future at 100,000 USD: a scan range of 10,000 USD is a 10 % move.
    static var policy: String {
        var lines = ["class index { haircut = 0% }", "asset SPX : index", "venue CME"]
        for row in rows {
            let move = String(format: "%+.15g%%", row.range * 10)
            lines.append("scenario \(row.name) { SPX.price: \(move), SPX.vol: \(row.vol)"
                         + (row.weight.map { ", weight: \($0)" } ?? "") + " }")
        }
        return lines.joined(separator: "\n")
    }
    static let market = #"{"assets": {"SPX": {"price": 100000, "vol": 0.2}}}"#
    static let book = """
    {"accounts": [{"id": "long-future", "score": 700, "positions": [
      {"kind": "perp", "asset": "SPX", "size": 1, "entry_price": 100000, "venue": "CME"}]}]}
    """

    @Test func theRiskArrayThroughAPolicy() throws {
        let vector = try #require(ReferenceVector.all.first { $0.id == "span.long_future" })
        let expected = vector.inputs["riskArray_pnl"].array.compactMap(\.double)
        #expect(expected.count == 16)
        let r = try InlineEvaluation.report(policy: Self.policy, market: Self.market, book: Self.book)
        for (k, row) in Self.rows.enumerated() {
            guard case .number(let loss)? = r.value("loss_\(row.name)", account: "long-future") else {
                Issue.record("no loss for \(row.name)")
                continue
            }
            // The book rounds the thirds to the nearest 10 USD; the policy computes them exactly.
            #expect(abs(-loss - expected[k]) <= 5, "scenario \(k + 1): P&L \(-loss), published \(expected[k])")
        }
        let scanRisk = try #require(vector.expected["scanRisk_usd"].double)
        #expect(r.value("worst_scenario_loss", account: "long-future").map { value in
            if case .number(let x) = value { return abs(x - scanRisk) < 1e-6 } else { return false }
        } == true)
        // The first of the published worst scenarios (13 and 14) names it.
        let first = try #require(vector.expected["worstScenario"][0].int)
        #expect(r.value("worst_scenario", account: "long-future") == .label(Self.rows[first - 1].name))
    }
}
