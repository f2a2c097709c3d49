import Testing
@testable import LeverEngine

@Suite("Scenario margin (SPAN)")
struct ScenarioMarginTests {
    @Test(arguments: ReferenceVector.of(kind: "scenario_margin"))
    func vector(_ v: ReferenceVector) throws {
        let pnl = v.inputs["riskArray_pnl"].array.compactMap(\.double)
        try need(pnl.count == 16)
        #expect(ScenarioMargin.scanRisk(pnl: pnl) == v.expected["scanRisk_usd"].double)
        // SPAN numbers scenarios from 1.
        #expect(ScenarioMargin.worstScenarios(pnl: pnl).map { $0 + 1 } == v.expected["worstScenario"].array.compactMap(\.int))
        #expect(ScenarioMargin.scanRisk(pnl: pnl.map { Wad(approximating: $0) }) == Wad(10_000))
    }

    @Test func byHand() {
        // Losses −300 and −1,200: the worst is 1,200.
        #expect(ScenarioMargin.scanRisk(pnl: [100.0, -300, -1_200, 50]) == 1_200)
        // Every scenario profitable: nothing to cover (never negative margin).
        #expect(ScenarioMargin.scanRisk(pnl: [100.0, 5]) == 0)
        #expect(ScenarioMargin.scanRisk(pnl: [Double]()) == 0)
        #expect(ScenarioMargin.worstScenarios(pnl: [1.0, -2, -2]) == [1, 2])
    }
}
