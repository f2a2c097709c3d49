import Testing
@testable import LeverEngine

@Suite("Full-width arithmetic")
struct FullWidthArithmeticTests {
    @Test func mulDivAgreesWithNarrowArithmetic() {
        // For 64-bit operands the product fits 128 bits, so plain UInt128 arithmetic is the oracle:
        // down = ⌊ab/d⌋, up = ⌊(ab + d − 1)/d⌋, halfUp = ⌊(ab + ⌊d/2⌋)/d⌋.
        var rng = SeededRandom(seed: 42)
        for _ in 0..<2_000 {
            let a = UInt128(rng.next()), b = UInt128(rng.next()), d = UInt128(rng.next() | 1)
            let ab = a * b
            #expect(FullWidthArithmetic.mulDiv(a, b, d, .down) == ab / d)
            #expect(FullWidthArithmetic.mulDiv(a, b, d, .up) == (ab + d - 1) / d)
            #expect(FullWidthArithmetic.mulDiv(a, b, d, .halfUp) == (ab + d / 2) / d)
        }
    }

    @Test func squareRootIsTheFloor() {
        // r = isqrt(n) ⇔ r² ≤ n < (r + 1)², checked on 128- and 256-bit radicands.
        var rng = SeededRandom(seed: 7)
        for _ in 0..<500 {
            let n = UInt128(rng.next()) << 64 | UInt128(rng.next())
            let r = FullWidthArithmetic.squareRoot(n)
            #expect(r * r <= n && (r + 1).multipliedFullWidth(by: r + 1) > (high: 0, low: n))
            let high = UInt128(rng.next() >> 1)
            let wide = FullWidthArithmetic.squareRoot(high: high, low: n)
            let square = wide.multipliedFullWidth(by: wide), next = (wide + 1).multipliedFullWidth(by: wide + 1)
            #expect(square <= (high: high, low: n) && next > (high: high, low: n))
        }
    }

    @Test func fixedPointNeverTrapsOnExtremes() {
        // Every combination of extreme values gives a value or `invalid`, never a trap.
        let values: [Wad] = [.zero, .one, .infinity, .invalid, Wad(raw: .max - 1), Wad(raw: .min + 1), Wad(raw: -1), Wad(raw: 1)]
        for a in values {
            for b in values {
                _ = (a + b, a - b, a * b, a / b, a.multiplied(by: b, rounding: .up), a.divided(by: b, rounding: .down))
            }
            _ = a.squareRoot()
        }
        #expect(Wad(decimal: "1e-99") == Wad.zero && Wad(decimal: "1e-999") == nil)
    }
}
