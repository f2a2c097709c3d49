/// The significant digits and decimal exponent of a `Double`'s shortest round-trip text: what the
/// REPL and `explain` print a number as, every digit kept, a percentage by moving the point (0.07
/// is `7`%, where 0.07 × 100 would be 7.000000000000001).
public struct DecimalDigits: Sendable {
    var negative: Bool
    /// The digits, no leading or trailing zeros.
    var digits: String
    /// Where the decimal point goes: the number is 0.DIGITS × 10^point.
    var point: Int

    public init(_ value: Double) {
        let text = abs(value).description
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = String(parts[0])
        let dot = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        var all = mantissa.filter { $0 != "." }
        var point = dot + exponent
        while all.hasPrefix("0") && all.count > 1 { all.removeFirst(); point -= 1 }
        while all.hasSuffix("0") && all.count > 1 { all.removeLast() }
        (negative, digits, self.point) = (value < 0, all, point)
    }

    /// Decimal notation with the point moved `shift` places right, or the exponent form when
    /// the magnitude is outside [1e-6, 1e15).
    public func text(shift: Int) -> String {
        let point = self.point + shift
        let sign = negative ? "-" : ""
        guard point > -6, point <= 15 else {
            let mantissa = digits.count > 1 ? String(digits.prefix(1)) + "." + digits.dropFirst() : digits
            return sign + mantissa + "e" + (point - 1 < 0 ? "-" : "+") + String(abs(point - 1))
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
        let cut = digits.index(digits.startIndex, offsetBy: point)
        return sign + digits[..<cut] + "." + digits[cut...]
    }
}
