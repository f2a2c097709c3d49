// LeverNumerics: arithmetic of the exact number type.

extension FixedPoint {
    /// Exact sum; `invalid` on overflow; `infinity` absorbs finite values.
    public static func + (lhs: Self, rhs: Self) -> Self {
        guard lhs.isValid, rhs.isValid else { return .invalid }
        if lhs.isInfinite || rhs.isInfinite { return .infinity }
        let (sum, overflow) = lhs.raw.addingReportingOverflow(rhs.raw)
        return overflow || sum == .max ? .invalid : Self(raw: sum)
    }

    /// Exact difference; `invalid` on overflow or `∞ − ∞`.
    public static func - (lhs: Self, rhs: Self) -> Self {
        guard lhs.isValid, rhs.isValid, !rhs.isInfinite else { return .invalid }
        if lhs.isInfinite { return .infinity }
        let (difference, overflow) = lhs.raw.subtractingReportingOverflow(rhs.raw)
        return overflow || difference == .min ? .invalid : Self(raw: difference)
    }

    /// Product rounded half up: `rayMul` for `Ray`, `wadMul` for `Wad`.
    public static func * (lhs: Self, rhs: Self) -> Self { lhs.multiplied(by: rhs, rounding: .halfUp) }

    /// Quotient rounded half up: `rayDiv` for `Ray`, `wadDiv` for `Wad`.
    public static func / (lhs: Self, rhs: Self) -> Self { lhs.divided(by: rhs, rounding: .halfUp) }

    /// `lhs × rhs ÷ unit` with the given rounding of the magnitude.
    public func multiplied(by other: Self, rounding: Rounding) -> Self {
        guard isValid, other.isValid else { return .invalid }
        if isInfinite || other.isInfinite {
            return raw == 0 || other.raw == 0 ? .invalid : (Self.sameSign(raw, other.raw) ? .infinity : .invalid)
        }
        let sign = Self.sameSign(raw, other.raw) ? Int128(1) : -1
        return Self(sign, raw.magnitude, times: other.raw.magnitude, over: Scale.unit, rounding: rounding)
    }

    /// `lhs × unit ÷ rhs` with the given rounding of the magnitude; `invalid` when `rhs` is zero.
    public func divided(by other: Self, rounding: Rounding) -> Self {
        guard isValid, other.isValid, other.raw != 0, !other.isInfinite else {
            return isValid && other.isInfinite && !isInfinite ? .zero : .invalid
        }
        if isInfinite { return Self.sameSign(raw, other.raw) ? .infinity : .invalid }
        let sign = Self.sameSign(raw, other.raw) ? Int128(1) : -1
        return Self(sign, raw.magnitude, times: Scale.unit, over: other.raw.magnitude, rounding: rounding)
    }

    /// The square root rounded down: `isqrt(raw × unit)`; `invalid` for negative values.
    public func squareRoot() -> Self {
        guard isValid, raw >= 0 else { return .invalid }
        if isInfinite { return .infinity }
        let (high, low) = raw.magnitude.multipliedFullWidth(by: Scale.unit)
        let root = FullWidthArithmetic.squareRoot(high: high, low: low)
        return root >= UInt128(Int128.max) ? .invalid : Self(raw: Int128(root))
    }

    /// The value rounded to a whole number by `rule`, exactly; `invalid` and `infinity` stay.
    public func rounded(_ rule: FloatingPointRoundingRule) -> Self {
        guard isValid, !isInfinite else { return self }
        let unit = Int128(Scale.unit)
        // Truncated quotient and a remainder with the sign of `raw`.
        let (whole, remainder) = raw.quotientAndRemainder(dividingBy: unit)
        let twice = remainder.magnitude * 2, unitMagnitude = Scale.unit
        let away: Bool
        switch rule {
        case .towardZero: away = false
        case .awayFromZero: away = remainder != 0
        case .down: away = remainder < 0
        case .up: away = remainder > 0
        case .toNearestOrAwayFromZero: away = twice >= unitMagnitude
        case .toNearestOrEven: away = twice > unitMagnitude || (twice == unitMagnitude && whole & 1 != 0)
        @unknown default: away = twice >= unitMagnitude
        }
        let integral = away ? whole + (raw < 0 ? -1 : 1) : whole
        let (value, overflow) = integral.multipliedReportingOverflow(by: unit)
        return overflow || value == .max || value == .min ? .invalid : Self(raw: value)
    }

    // MARK: - Helpers

    /// `sign × (a × b ÷ d)` rounded on the magnitude; `invalid` when it does not fit.
    init(_ sign: Int128, _ a: UInt128, times b: UInt128, over d: UInt128, rounding: Rounding) {
        guard let magnitude = FullWidthArithmetic.mulDiv(a, b, d, rounding),
              magnitude < UInt128(Int128.max) else {
            self = .invalid
            return
        }
        self = Self(raw: sign * Int128(magnitude))
    }

    /// Whether two raw values have the same sign (zero counts as positive).
    static func sameSign(_ a: Int128, _ b: Int128) -> Bool { (a < 0) == (b < 0) }

    /// `+1`, or `-1` when exactly one of the two is negative.
    static func signedMagnitude(_ numerator: Int128, _ denominator: Int128) -> Int128 {
        sameSign(numerator, denominator) ? 1 : -1
    }
}
