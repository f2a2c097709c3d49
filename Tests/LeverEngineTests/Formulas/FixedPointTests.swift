import Testing
@testable import LeverEngine

@Suite("Fixed point")
struct FixedPointTests {
    @Test(arguments: ReferenceVector.of(kind: "fixed_point"))
    func vector(_ v: ReferenceVector) throws {
        let want = try need(v.expected["result"].uint)
        switch v.inputs["op"].string {
        case "rayMul":
            let a = try need(v.inputs["a"].uint), b = try need(v.inputs["b"].uint)
            #expect(WadRayMath.rayMul(a, b) == want)
            #expect((Ray(raw: Int128(a)) * Ray(raw: Int128(b))).raw == Int128(want))
        case "percentMul":
            let value = try need(v.inputs["value"].uint), bps = try need(v.inputs["percentage_bps"].uint)
            #expect(WadRayMath.percentMul(value, bps) == want)
        default:
            Issue.record("no reproduction for op \(v.inputs["op"])")
        }
    }

    @Test func halfUpAndDirectedRounding() {
        // wadMul(1 wei, 0.5): (1 × 5e17 + 5e17) / 1e18 = 1 — exactly half rounds up.
        #expect((Wad(raw: 1) * Wad(raw: 500_000_000_000_000_000)).raw == 1)
        // (1 × (5e17 − 1) + 5e17) / 1e18 = 0 — just under half rounds down.
        #expect((Wad(raw: 1) * Wad(raw: 499_999_999_999_999_999)).raw == 0)
        #expect(Wad(raw: 1).multiplied(by: Wad(raw: 500_000_000_000_000_000), rounding: .down).raw == 0)
        #expect(Wad(raw: 1).multiplied(by: Wad(raw: 1), rounding: .up).raw == 1)   // 1e-36 rounds up to 1 wei
        // rayDiv(1, 3) = (1e27 + 1) / 3 = 333…333 (27 threes); rayDiv(2, 3) = (2e27 + 1) / 3 = 666…667.
        #expect((Ray(raw: 1) / Ray(raw: 3)).raw == 333_333_333_333_333_333_333_333_333)
        #expect((Ray(raw: 2) / Ray(raw: 3)).raw == 666_666_666_666_666_666_666_666_667)
        // percentDiv(1, 3 bps) = (1 × 1e4 + 1) / 3 = 3333; percentMul(1, 5000) = (5000 + 5000) / 1e4 = 1.
        #expect(WadRayMath.percentDiv(1, 3) == 3333)
        #expect(WadRayMath.percentMul(1, 5000) == 1)
        #expect(WadRayMath.percentMulFloor(1, 5000) == 0)
        #expect(WadRayMath.percentDivCeil(10, 3) == 33_334)                    // 100000 / 3 = 33333.3 → 33334
        // Signed: −1.5 × 2 = −3; −1 wei × 0.5 rounds half away from zero to −1 wei.
        #expect(Wad(decimal: "-1.5")! * Wad(2) == Wad(-3))
        #expect((Wad(raw: -1) * Wad(decimal: "0.5")!).raw == -1)
    }

    @Test func fullWidthIntermediate() {
        // 1e30 × 1e30 = 1e60 does not fit 128 bits; ÷ 1e27 = 1e33 does.
        let big: UInt128 = 1_000_000_000_000_000_000_000_000_000_000
        #expect(WadRayMath.rayMul(big, big) == big * 1000)
        #expect(WadRayMath.rayDiv(1, 0) == nil)                                   // ÷0 is a revert, not a trap
        #expect(WadRayMath.wadMul(.max, .max) == nil)                             // overflow is a revert
    }

    @Test func invalidAndInfinityPropagate() {
        let huge = Wad(decimal: "100000000000000000000")!                          // 1e20
        #expect(!(huge * huge).isValid)                                             // 1e40 overflows
        #expect(!(Wad(1) / .zero).isValid)
        #expect(!(Wad.invalid + Wad(1)).isValid)
        #expect((Wad.infinity + Wad(5)).isInfinite)
        #expect(Wad.infinity > Wad(1_000_000))
        #expect(Wad.invalid.description == "invalid" && Wad.infinity.description == "infinity")
        #expect(Wad.invalid.doubleValue.isNaN)
    }

    @Test func decimalTextAndConversions() {
        #expect(Wad(decimal: "0.000000000000000001")!.raw == 1)
        #expect(Wad(decimal: "1.0000000000000000005")!.raw == 1_000_000_000_000_000_001)  // 19th digit 5 rounds up
        #expect(Wad(approximating: 1e-05).raw == 10_000_000_000_000)             // "1e-05" exponent form
        #expect(Wad(approximating: 0.1).raw == 100_000_000_000_000_000)          // shortest text, not binary 0.1
        #expect(Wad(decimal: "1.2.3") == nil && Wad(decimal: "abc") == nil && Wad(decimal: "") == nil)
        #expect(Wad(decimal: "-12.5")!.description == "-12.5")
        #expect(Ray(bps: 8000).raw == 800_000_000_000_000_000_000_000_000)
        #expect(!Wad(ratio: 1, 0).isValid)
        #expect(Wad(ratio: 2, 3).raw == 666_666_666_666_666_667)                  // half up
        #expect(Wad(-7).doubleValue == -7)
    }

    @Test func squareRoots() {
        // √2 = 1.41421356237309504880… → floor at 18 decimals.
        #expect(Wad(2).squareRoot().raw == 1_414_213_562_373_095_048)
        #expect(Ray(4).squareRoot() == Ray(2))
        #expect(!Wad(-1).squareRoot().isValid)
        #expect(FullWidthArithmetic.squareRoot(10_000_000_000_000_000_001) == 3_162_277_660)  // isqrt(1e19 + 1)
        #expect(FullWidthArithmetic.squareRoot(UInt128.max) == UInt128(UInt64.max))
    }
}
