import Testing
@testable import LeverEngine

@Suite("Perpetual margin (dYdX v4)")
struct PerpMarginTests {
    @Test(arguments: ReferenceVector.of(kind: "perp_margin"))
    func vector(_ v: ReferenceVector) throws {
        let i = v.inputs, e = v.expected
        let imf = try need(i["initialMarginPpm"].uint)
        if let want = e["maintenanceMarginPpm"].uint {
            let fraction = try need(i["maintenanceFractionPpm"].uint)
            #expect(OpenInterestIMF.maintenancePpm(initialPpm: imf, maintenanceFractionPpm: fraction) == want)
        }
        if let quote = i["quoteQuantums"].uint {
            let adjusted = try need(OpenInterestIMF.adjustedPpm(
                basePpm: imf, lowerCap: i["openInterestLowerCap"].uint ?? 0,
                upperCap: i["openInterestUpperCap"].uint ?? 0, openInterest: i["openInterestNotional"].uint ?? 0))
            #expect(OpenInterestIMF.requirement(notional: quote, ppm: adjusted) == e["initialMarginQuoteQuantums"].uint)
        }
        if let base = i["baseQuantums"].uint {
            let notional = try need(OpenInterestIMF.notional(
                baseQuantums: base, price: try need(i["price"].uint),
                priceExponent: try need(i["priceExponent"].int), atomicResolution: try need(i["atomicResolution"].int),
                quoteAtomicResolution: i["quoteAtomicResolution"].int ?? -6))
            let oi = try need(OpenInterestIMF.notional(
                baseQuantums: i["openInterestBaseQuantums"].uint ?? 0, price: try need(i["price"].uint),
                priceExponent: try need(i["priceExponent"].int), atomicResolution: try need(i["atomicResolution"].int)))
            let adjusted = try need(OpenInterestIMF.adjustedPpm(basePpm: imf, lowerCap: i["openInterestLowerCap"].uint ?? 0,
                                                                    upperCap: i["openInterestUpperCap"].uint ?? 0, openInterest: oi))
            let r = try need(OpenInterestIMF.requirements(notional: notional, basePpm: imf,
                                                              maintenanceFractionPpm: try need(i["maintenanceFractionPpm"].uint),
                                                              adjustedPpm: adjusted))
            #expect(r.initial == e["initialMarginQuoteQuantums"].uint)
            #expect(r.maintenance == e["maintenanceMarginQuoteQuantums"].uint)
        }
    }

    @Test(arguments: ReferenceVector.of(kind: "open_interest_imf"))
    func openInterestVector(_ v: ReferenceVector) throws {
        let i = v.inputs
        let base = try need(i["initialMarginPpm"].uint), lo = try need(i["openInterestLowerCap"].uint)
        let up = try need(i["openInterestUpperCap"].uint), oi = try need(i["openInterestNotional"].uint)
        let want = try need(v.expected["adjustedInitialMarginPpm"].uint)
        #expect(OpenInterestIMF.adjustedPpm(basePpm: base, lowerCap: lo, upperCap: up, openInterest: oi) == want)
        let generic = OpenInterestIMF.adjusted(base: Double(base) / 1e6, lowerCap: Double(lo), upperCap: Double(up), openInterest: Double(oi))
        #expect(close(generic, Double(want) / 1e6, 1e-12))
    }

    @Test func openInterestBoundsByHand() {
        // base 20%, caps 1M..2M: at/below 1M → 20%; at/above 2M → 100%; 1.25M → 20% + 80% × 0.25 = 40%.
        #expect(OpenInterestIMF.adjustedPpm(basePpm: 200_000, lowerCap: 1_000_000, upperCap: 2_000_000, openInterest: 1_000_000) == 200_000)
        #expect(OpenInterestIMF.adjustedPpm(basePpm: 200_000, lowerCap: 1_000_000, upperCap: 2_000_000, openInterest: 2_000_000) == 1_000_000)
        #expect(OpenInterestIMF.adjustedPpm(basePpm: 200_000, lowerCap: 1_000_000, upperCap: 2_000_000, openInterest: 1_250_000) == 400_000)
        #expect(OpenInterestIMF.adjustedPpm(basePpm: 200_000, lowerCap: 0, upperCap: 0, openInterest: 9_999_999) == 200_000) // caps unset
        // 800,000 × 1/3 = 266,666.67 → floor 266,666 → 466,666.
        #expect(OpenInterestIMF.adjustedPpm(basePpm: 200_000, lowerCap: 0, upperCap: 3, openInterest: 1) == 466_666)
        #expect(close(OpenInterestIMF.adjusted(base: 0.2, lowerCap: 1.0, upperCap: 2, openInterest: 1.25), 0.4, 1e-15))
        // IMR ceil: 333 × 150,000 / 1e6 = 49.95 → 50.
        #expect(OpenInterestIMF.requirement(notional: 333, ppm: 150_000) == 50)
    }
}
