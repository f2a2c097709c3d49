import Foundation

/// How the REPL writes a number: as a percentage, a plain number, or with its unit.
///
/// Values are in base units (USD, years, ratios); this is the one place that turns them back
/// into what a quant typed, so plots and printed values agree.
public enum ValueFormat: Sendable, Equatable {
    /// A ratio written as a percentage: `5%`.
    case percent
    /// A plain number: `2.33`.
    case plain
    /// A quantity with its dimension: `1,000,000 USD`, `2 days`.
    case unit(LeverCheck.Dimension)

    /// The text of `value` (base units) in this format.
    public func text(_ value: Double) -> String {
        if !value.isFinite { return Self.number(value) }
        switch self {
        case .percent: return Self.number(value * 100) + "%"
        case .plain: return Self.number(value)
        case .unit(let d): return Self.withUnit(value, d)
        }
    }

    private static func withUnit(_ value: Double, _ d: LeverCheck.Dimension) -> String {
        switch (d.money, d.halfTime) {
        case (0, 0): return number(value)
        case (1, 0): return grouped(value) + " USD"
        case (0, 2):
            let days = value * 365
            return days < 365 ? number(days) + (days == 1 ? " day" : " days") : number(value) + " years"
        case (0, -1): return number(value * 100) + "% annualised"
        default: return number(value) + " " + d.description
        }
    }

    /// Up to six significant digits, no trailing zeros, no exponent for everyday magnitudes;
    /// `∞`, `−∞` and `undefined` for what is not a finite number.
    static func number(_ value: Double) -> String {
        // As `:explain` and `lever eval` write them; NaN is never shown as a number.
        guard value.isFinite else { return value.isNaN ? "undefined" : (value < 0 ? "−∞" : "∞") }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e15 || magnitude < 1e-6 { return String(format: "%.6g", value) }
        let decimals = max(0, 5 - Int(log10(magnitude).rounded(.down)))
        var text = String(format: "%.\(min(decimals, 10))f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// `number` with thousands separators in the integer part (money).
    static func grouped(_ value: Double) -> String {
        let text = abs(value) >= 1e15 || value.isNaN ? number(value) : String(format: "%.2f", value)
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1).map(String.init)
        guard let integer = parts.first, integer.allSatisfy(\.isNumber) else { return text }
        var groups: [String] = []
        var rest = Substring(integer)
        while rest.count > 3 { groups.insert(String(rest.suffix(3)), at: 0); rest = rest.dropLast(3) }
        groups.insert(String(rest), at: 0)
        var fraction = parts.count > 1 ? parts[1] : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (negative ? "-" : "") + groups.joined(separator: ",") + (fraction.isEmpty ? "" : "." + fraction)
    }
}
