// LeverNumerics: exact decimal text to scaled integers.

/// A decimal literal (`-12.5`, `1e-05`, `0.000000000000000001`) scaled to a number of decimals.
///
/// Fixed-point inputs arrive as text (JSON strings of wei, decimal prices); going through
/// `Double` would lose the last digits, so the digits are scaled as integers and only the part
/// below the last kept decimal is rounded (half up).
public struct DecimalText {
    /// Whether a leading minus sign was present.
    public let negative: Bool
    /// |value| × 10^fractionDigits, rounded half up.
    public let magnitude: UInt128

    /// nil when the text is not a decimal number or its scaled magnitude overflows 128 bits.
    public init?(_ text: String, fractionDigits: Int) {
        var body = Substring(text)
        var exponent = 0
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let parsed = Int(body[body.index(after: e)...]), parsed > -100, parsed < 100 else { return nil }
            exponent = parsed
            body = body[..<e]
        }
        negative = body.first == "-"
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !body.isEmpty,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard let scaled = Self.scale(digits: parts[0] + fraction,
                                      power: exponent + fractionDigits - fraction.count) else { return nil }
        magnitude = scaled
    }

    /// `digits × 10^power`, rounding half up when `power` is negative.
    static func scale(digits: Substring, power: Int) -> UInt128? {
        var value: UInt128 = 0
        let kept = power >= 0 ? digits[...] : digits.dropLast(min(-power, digits.count))
        for digit in kept {
            guard let d = digit.wholeNumberValue else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(UInt128(d))
            guard !o1, !o2 else { return nil }
            value = next
        }
        if power >= 0 { return multiply(value, byPowerOfTen: power) }
        let dropped = digits.dropFirst(kept.count)
        let roundsUp = -power <= digits.count && (dropped.first?.wholeNumberValue ?? 0) >= 5
        guard roundsUp else { return value }
        return value < .max ? value + 1 : nil
    }

    /// `value × 10^power`, nil on overflow.
    public static func multiply(_ value: UInt128, byPowerOfTen power: Int) -> UInt128? {
        var result = value
        for _ in 0..<power {
            let (next, overflow) = result.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            result = next
        }
        return result
    }
}
