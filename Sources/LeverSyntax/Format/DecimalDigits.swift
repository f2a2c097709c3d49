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

extension DecimalDigits {
    /// The digits rounded half up to `n` significant ones (trailing zeros dropped).
    public func rounded(toSignificant n: Int) -> DecimalDigits {
        guard digits.count > n, n > 0 else { return self }
        var kept = Array(digits.utf8.prefix(n)).map { Int($0) - 48 }
        var point = self.point
        if Int(Array(digits.utf8)[n]) - 48 >= 5 {
            var i = n - 1
            while i >= 0 {
                kept[i] += 1
                if kept[i] < 10 { break }
                kept[i] = 0
                i -= 1
            }
            if i < 0 { kept.insert(1, at: 0); kept.removeLast(); point += 1 }
        }
        while kept.count > 1, kept.last == 0 { kept.removeLast() }
        return DecimalDigits(negative: negative, digits: String(kept.map { Character(String($0)) }), point: point)
    }

    private init(negative: Bool, digits: String, point: Int) {
        (self.negative, self.digits, self.point) = (negative, digits, point)
    }

    /// A duration given in years as people write it: in days below a year, to twelve significant
    /// digits (the conversion from years adds noise of its own in the last ones: 2 days, not
    /// 2.0000000000000004 days), else in years with every digit.
    public static func duration(years: Double) -> String {
        let days = years * 365
        guard years.isFinite, abs(days) < 365 else { return DecimalDigits(years).text(shift: 0) + " years" }
        if days == 0 { return "0 days" }
        let text = DecimalDigits(days).rounded(toSignificant: 12).text(shift: 0)
        return text + (text == "1" ? " day" : " days")
    }
}
