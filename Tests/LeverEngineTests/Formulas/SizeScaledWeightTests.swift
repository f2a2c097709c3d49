import Testing
@testable import LeverEngine

@Suite("Size-scaled weights (Drift v2 / FTX IMF)")
struct SizeScaledWeightTests {
    @Test(arguments: ReferenceVector.of(kind: "concentration_weight"))
    func vector(_ v: ReferenceVector) throws {
        let i = v.inputs
        let tokens = try need(i["size_tokens"].uint)
        let size = tokens * 1_000_000_000                     // token amount in 1e9 precision
        let imf = try need(i["imf_factor_1e6"].uint), base = try need(i["base_weight_1e4"].uint)
        let want = try need(v.expected["weight_1e4"].uint)
        let asset = i["side"].string == "asset"
        let exact = asset ? DriftWeight.asset(size1e9: size, imfFactor: imf, baseWeight: base)
                          : DriftWeight.liability(size1e9: size, imfFactor: imf, baseWeight: base)
        #expect(exact == want)
        let (w, f, s) = (Double(base) / 1e4, Double(imf) / 1e6, Double(tokens))
        let generic = asset ? SizeScaledWeight.asset(base: w, imf: f, size: s) : SizeScaledWeight.liability(base: w, imf: f, size: s)
        #expect(close(generic, Double(want) / 1e4, 1e-4))
    }

    @Test func largePositionsByHand() {
        // 1e9 tokens: size·10 + 1 = 1e19 + 1, isqrt = 3,162,277,660; imf 10 (1e-5):
        // asset: 1.1e10 / (1e6 + 3162277660 × 10 / 1e5) = 1.1e10 / 1,316,227 = 8357.3 → 8357 < 9000
        // liability: 11000 − 2200 + 3162277660 × 10 / 1e7 = 8800 + 3162 = 11962 > 11000
        let size = UInt128(1_000_000_000) * 1_000_000_000
        #expect(DriftWeight.asset(size1e9: size, imfFactor: 10, baseWeight: 9_000) == 8_357)
        #expect(DriftWeight.liability(size1e9: size, imfFactor: 10, baseWeight: 11_000) == 11_962)
        // Generic: 1.1 / (1 + 1e-5 × 31622.78) = 0.835720; 0.88 + 0.316228 = 1.196228.
        #expect(close(SizeScaledWeight.asset(base: 0.9, imf: 1e-5, size: 1e9), 1.1 / (1 + 1e-5 * 1e9.squareRoot()), 1e-15))
        #expect(close(SizeScaledWeight.liability(base: 1.1, imf: 1e-5, size: 1e9), 0.88 + 1e-5 * 1e9.squareRoot(), 1e-15))
        // IMF 0 switches scaling off.
        #expect(SizeScaledWeight.asset(base: 0.9, imf: 0, size: 1e12) == 0.9)
        #expect(DriftWeight.asset(size1e9: size, imfFactor: 0, baseWeight: 9_000) == 9_000)
        // The exact mode uses the fixed-point square root: √(1e6 tokens) = 1000.
        #expect(SizeScaledWeight.liability(base: Wad(bps: 11_000), imf: Wad(ratio: 1, 10_000), size: Wad(1_000_000))
            == Wad(decimal: "1.1")!)   // 0.88 + 0.0001 × 1000 = 0.98 < 1.1 → base
    }
}
