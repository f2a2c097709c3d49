import LeverSyntax
/// Numbers as report text, written by hand so the bytes never depend on a locale or a C library.
public enum NumberText {
    /// JSON text of a finite number (`JSONOutput.shortest`): the shortest text that reads back
    /// as the same `Double`, negative zero as `0.0`.
    public static func shortest(_ x: Double) -> String {
        JSONOutput.shortest(x)
    }

    /// `-1,234,567.89`: rounded half away from zero to `decimals` places, thousands grouped with
    /// commas when `grouped`. Beyond 2^53 units of the last place the number is written as
    /// `shortest` would, since fixed digits there would be invented.
    public static func fixed(_ x: Double, decimals: Int, grouped: Bool) -> String {
        guard x.isFinite else { return x.isNaN ? "undefined" : (x < 0 ? "-∞" : "∞") }
        let unit = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
        let scaled = (abs(x) * unit).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9_007_199_254_740_992 else { return shortest(x) }
        let n = UInt64(scaled), divisor = UInt64(unit)
        let whole = String(n / divisor)
        var text = grouped ? group(whole) : whole
        if decimals > 0 {
            let fraction = String(n % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return (x < 0 && n != 0 ? "-" : "") + text
    }

    /// `1234567` → `1,234,567`.
    static func group(_ digits: String) -> String {
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
