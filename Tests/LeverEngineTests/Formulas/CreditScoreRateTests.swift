import Testing
@testable import LeverEngine

@Suite("Score-based credit terms (TrueFi)")
struct CreditScoreRateTests {
    @Test(arguments: ReferenceVector.of(kind: "credit_tier_rate"))
    func vector(_ v: ReferenceVector) throws {
        let i = v.inputs
        let scores = i["score"].array.compactMap(\.uint), expected = v.expected["adjustment_bps"].array.compactMap(\.uint)
        try need(scores.count == expected.count && !scores.isEmpty)
        for (score, want) in zip(scores, expected) {
            let got = CreditScoreRate.adjustmentBps(score: score, coefficientBps: try need(i["coefficient_bps"].uint),
                                                    power: try need(i["power"].int), maxScore: try need(i["maxScore"].uint),
                                                    capBps: try need(i["cap_bps"].uint))
            #expect(got == want, "score \(score)")
        }
    }

    @Test func byHand() {
        // Power 2, score 127: 1000 × 255² / 127² = 65,025,000 / 16,129 = 4031.5 → 4031; − 1000 = 3031.
        #expect(CreditScoreRate.adjustmentBps(score: 127, coefficientBps: 1_000, power: 2) == 3_031)
        // Score 223, power 1: 255,000 / 223 = 1143.49 → 1143 − 1000 = 143 bps; generic 0.1 × (255/223 − 1) = 0.014350.
        #expect(close(CreditScoreRate.adjustment(score: 223.0, coefficient: 0.1, power: 1, maxScore: 255, cap: 5), 0.1 * (255.0 / 223 - 1), 1e-15))
        #expect(CreditScoreRate.adjustment(score: 0.0, coefficient: 0.1, power: 1, maxScore: 255, cap: 5) == 5)   // score 0 → cap
    }
}
