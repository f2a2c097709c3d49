// LeverNumerics: the exact number type for on-chain math.

/// The unit of a fixed-point scale: how many raw units make one.
public protocol FixedPointScale: Sendable {
    /// Raw units per one (1e18 for wad, 1e27 for ray).
    static var unit: UInt128 { get }
}

/// Wad scale: 18 decimals, Aave's and Compound's amounts and health factors.
public enum WadScale: FixedPointScale {
    /// 10^18.
    public static var unit: UInt128 { 1_000_000_000_000_000_000 }
}

/// Ray scale: 27 decimals, Aave's rates and indices.
public enum RayScale: FixedPointScale {
    /// 10^27.
    public static var unit: UInt128 { 1_000_000_000_000_000_000_000_000_000 }
}

/// A signed decimal fixed-point number: `raw ÷ Scale.unit`, exact for sums, rounded per product.
///
/// The exact evaluation mode: it reproduces on-chain integer math to the last unit because `*`
/// and `/` are Aave's `wadMul`/`rayMul` and `wadDiv`/`rayDiv` (half up, 256-bit intermediate)
/// and other directions are one argument away. `Foundation.Decimal` was measured at ~2,000× the
/// cost of `Double`, so the value is a plain `Int128`. Overflow and division by zero produce
/// `invalid`, which propagates like NaN (a Solidity revert becomes a reported value, not a trap);
/// `infinity` saturates like `type(uint256).max`. Range: ±1.7e20 in wad, ±1.7e11 in ray.
public struct FixedPoint<Scale: FixedPointScale>: MarginNumber, Hashable, CustomStringConvertible {
    /// The scaled integer: the value times `Scale.unit`.
    public let raw: Int128

    /// A value from its scaled integer (e.g. `Ray(raw: 50_000_000_000_000_000_000_000_000)` is 5%).
    @inlinable public init(raw: Int128) { self.raw = raw }

    /// The marker for overflow and undefined results; every operation propagates it.
    public static var invalid: Self { Self(raw: .min) }
    /// Saturated positive value, standing for an unbounded result such as a debt-free health factor.
    public static var infinity: Self { Self(raw: .max) }
    /// Zero.
    public static var zero: Self { Self(raw: 0) }
    /// One (`raw == Scale.unit`).
    public static var one: Self { Self(raw: Int128(Scale.unit)) }

    /// The integer exactly, or `invalid` when it does not fit.
    public init(_ integer: Int) {
        let (value, overflow) = Int128(integer).multipliedReportingOverflow(by: Int128(Scale.unit))
        self = overflow ? .invalid : Self(raw: value)
    }

    /// `numerator ÷ denominator` rounded half up; `invalid` when the denominator is zero.
    public init(ratio numerator: Int, _ denominator: Int) {
        self = Self(Self.signedMagnitude(Int128(numerator), Int128(denominator)),
                    UInt128(numerator.magnitude), times: Scale.unit,
                    over: UInt128(denominator.magnitude), rounding: .halfUp)
    }

    /// The nearest fixed-point value to a `Double` (through its shortest decimal text, so `0.1`
    /// becomes exactly one tenth); `invalid` for NaN and out-of-range values. `+∞` saturates to
    /// `infinity` and `−∞` to the lowest valid value, so an open table row or curve end
    /// (`score < 500` is `(−∞, 500)`) still bounds every value.
    public init(approximating value: Double) {
        if value.isInfinite {
            self = value > 0 ? .infinity : Self(raw: .min + 1)
            return
        }
        self = Self(decimal: "\(value)") ?? .invalid
    }

    /// Parses a plain decimal such as `-12.5` or `0.000000000000000001`; digits past the scale
    /// are rounded half up. nil when the text is not a decimal number.
    public init?(decimal text: String) {
        guard let parsed = DecimalText(text, fractionDigits: Self.fractionDigits) else { return nil }
        guard parsed.magnitude < UInt128(Int128.max) else { return nil }
        let magnitude = Int128(parsed.magnitude)
        self = Self(raw: parsed.negative ? -magnitude : magnitude)
    }

    /// The number of decimals of the scale (18 or 27).
    public static var fractionDigits: Int {
        var digits = 0
        var unit = Scale.unit
        while unit > 1 { unit /= 10; digits += 1 }
        return digits
    }

    /// False for `invalid`.
    public var isValid: Bool { raw != .min }
    /// Whether the value is the saturated `infinity`.
    public var isInfinite: Bool { raw == .max }

    /// The value as a `Double`: NaN for `invalid`, `+∞` for `infinity`.
    public var doubleValue: Double {
        if !isValid { return .nan }
        if isInfinite { return .infinity }
        // Whole and fraction apart: `Double(raw) / Double(unit)` rounds twice, so 3 in ray read
        // as 2.9999999999999996 (and a table row index, a status code, as the wrong one).
        let (whole, fraction) = raw.quotientAndRemainder(dividingBy: Int128(Scale.unit))
        return Double(whole) + Double(fraction) / Double(Scale.unit)
    }

    /// Exact decimal text (`1.5`, `-0.000001`), `invalid` or `infinity`.
    public var description: String {
        if !isValid { return "invalid" }
        if isInfinite { return "infinity" }
        let digits = Self.fractionDigits
        let magnitude = raw.magnitude
        var fraction = String(magnitude % Scale.unit)
        fraction = String(repeating: "0", count: digits - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        let sign = raw < 0 ? "-" : ""
        let whole = String(magnitude / Scale.unit)
        return fraction.isEmpty ? sign + whole : sign + whole + "." + fraction
    }

    // MARK: - Comparison

    /// Orders by raw value; `invalid` sorts below everything, as it is `Int128.min`.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.raw < rhs.raw }
}

/// Exact 18-decimal fixed point (Aave's wad).
public typealias Wad = FixedPoint<WadScale>
/// Exact 27-decimal fixed point (Aave's ray).
public typealias Ray = FixedPoint<RayScale>
