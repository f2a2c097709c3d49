import Foundation
import LeverSyntax

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
        case .percent: return Self.percentDigits(value) + "%"
        case .plain: return Self.number(value)
        case .unit(let d): return Self.withUnit(value, d)
        }
    }

    private static func withUnit(_ value: Double, _ d: LeverCheck.Dimension) -> String {
        switch (d.money, d.halfTime) {
        case (0, 0): return number(value)
        case (1, 0): return grouped(value) + " USD"
        case (0, 2): return DecimalDigits.duration(years: value)
        case (0, -1): return percentDigits(value) + "% annualised"
        default: return number(value) + " " + d.description
        }
    }

    /// The shortest text that reads back as the same `Double` (as the JSON report writes it), in
    /// decimal notation for magnitudes in [1e-6, 1e15) and with an exponent beyond; `∞`, `−∞`
    /// and `undefined` for what is not a finite number.
    static func number(_ value: Double) -> String {
        // NaN is never shown as a number.
        guard value.isFinite else { return value.isNaN ? "undefined" : (value < 0 ? "−∞" : "∞") }
        if value == 0 { return "0" }
        return DecimalDigits(value).text(shift: 0)
    }

    /// A ratio as a percentage with every digit of its shortest form: the decimal point moves
    /// two places (`0.07` → `7`), so no multiplication adds digits of its own.
    static func percentDigits(_ value: Double) -> String {
        guard value.isFinite else { return number(value) }
        if value == 0 { return "0" }
        return DecimalDigits(value).text(shift: 2)
    }

    /// `number` with thousands separators in the integer part (money).
    static func grouped(_ value: Double) -> String {
        let text = number(value)
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
