import Testing
@testable import LeverEngine

@Suite("Risk-steward change caps")
struct ParameterChangeCapTests {
    @Test(arguments: ReferenceVector.of(kind: "param_change_guard"))
    func vector(_ v: ReferenceVector) throws {
        let i = v.inputs, e = v.expected
        #expect(i["mode"].string == "absolute")
        let current = Wad(bps: try need(i["current_bps"].int))
        let cap = ParameterChangeCap(.absolute, maximum: Wad(bps: try need(i["maxPercentChange_bps"].int)))
        let lo = try need(e["allowed_min_bps"].int), hi = try need(e["allowed_max_bps"].int)
        // Both bounds inclusive; one bps past either is refused.
        #expect(ParameterChangeCap.allowedChange(old: current, new: Wad(bps: lo), cap: cap))
        #expect(ParameterChangeCap.allowedChange(old: current, new: Wad(bps: hi), cap: cap))
        #expect(!ParameterChangeCap.allowedChange(old: current, new: Wad(bps: lo - 1), cap: cap))
        #expect(!ParameterChangeCap.allowedChange(old: current, new: Wad(bps: hi + 1), cap: cap))
        // The README's 63%–77% is the relative reading; the contract (followed) says absolute.
        let relative = ParameterChangeCap(.relative, maximum: Wad(bps: try need(i["maxPercentChange_bps"].int)))
        let readme = e["readme_text_says"]
        #expect(try ParameterChangeCap.allowedChange(old: current, new: Wad(bps: need(readme["min_bps"].int)), cap: relative))
        #expect(!ParameterChangeCap.allowedChange(old: current, new: Wad(bps: lo), cap: relative))
    }

    @Test func relativeCapsByHand() {
        // Supply cap 1,000,000 with a 50% relative cap: allowed 500,000 … 1,500,000 inclusive.
        let cap = ParameterChangeCap(.relative, maximum: 0.5)
        #expect(ParameterChangeCap.allowedChange(old: 1_000_000.0, new: 1_500_000, cap: cap))
        #expect(ParameterChangeCap.allowedChange(old: 1_000_000.0, new: 500_000, cap: cap))
        #expect(!ParameterChangeCap.allowedChange(old: 1_000_000.0, new: 1_500_001, cap: cap))
        #expect(ParameterChangeCap.allowedChange(old: 5.0, new: 5, cap: cap))                // no change is always allowed
        #expect(!ParameterChangeCap.allowedChange(old: 0.0, new: 1, cap: cap))               // relative to 0: frozen
        #expect(!ParameterChangeCap.allowedChange(old: 1.0, new: .nan, cap: cap))            // undefined never passes
    }
}
