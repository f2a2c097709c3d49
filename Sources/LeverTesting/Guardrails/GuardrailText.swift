import LeverCheck

/// How guarded values read in violation messages, in the parameter's own unit.
///
/// Ratios read as percentages with moves in points (`82.5% → 90% (+7.5 points)`), USD amounts
/// with a magnitude (`5M USD`), durations in days; a plain param (`z = 2.33`) reads as a plain number.
struct GuardrailText {
    let dimension: Dimension
    /// Dimensionless values read as percentages (properties, curve arguments, `%` params).
    let percent: Bool

    /// A value: `82.5%`, `5M USD`, `2 days`, `2.33`.
    func value(_ x: Double) -> String {
        if dimension.isDimensionless { return percent ? Self.number(x * 100) + "%" : Self.number(x) }
        switch (dimension.money, dimension.halfTime) {
        case (1, 0): return Self.money(x)
        case (0, 2): return Self.days(x)
        default: return Self.number(x) + " " + dimension.description
        }
    }

    /// A signed absolute move: `+7.5 points`, `-1M USD`.
    func move(_ delta: Double) -> String {
        let sign = delta < 0 ? "-" : "+"
        let magnitude = abs(delta)
        if dimension.isDimensionless, percent { return sign + Self.number(magnitude * 100) + " points" }
        return sign + value(magnitude)
    }

    /// The cap as an adjective phrase: `5-point cap`, `1M USD cap`, `25% relative cap`.
    func cap(_ amount: Double, relative: Bool) -> String {
        if relative { return Self.number(amount * 100) + "% relative cap" }
        if dimension.isDimensionless, percent { return Self.number(amount * 100) + "-point cap" }
        return value(amount) + " cap"
    }

    /// Shortest text of a number rounded to 9 decimal places, so `86.00000000000001` reads `86`.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x < 0 ? "-∞" : "∞") }
        let rounded = (x * 1e9).rounded() / 1e9
        let text = rounded == 0 ? "0" : rounded.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// `1 day`, `2.5 days`.
    static func days(_ years: Double) -> String {
        let n = number(years * 365)
        return n + (n == "1" ? " day" : " days")
    }

    /// `5M USD`, `250k USD`, `1.5B USD`, `300 USD`.
    static func money(_ x: Double) -> String {
        let scales: [(Double, String)] = [(1e9, "B"), (1e6, "M"), (1e3, "k")]
        for (scale, suffix) in scales where abs(x) >= scale {
            return number(x / scale) + suffix + " USD"
        }
        return number(x) + " USD"
    }
}
