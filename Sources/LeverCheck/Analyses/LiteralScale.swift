import LeverSyntax

/// The value of a number literal in base units, as the analyses' default `literal` closure.
///
/// Mirrors the unit table of the language (`%` = 0.01, `bps` = 0.0001, `USD` = 1, durations in
/// years of 365 days). The checker should pass its own unit table instead (for example
/// `{ UnitTable.quantity(of: $0)?.value }`); this one exists so that the analyses can be used and
/// tested on their own.
public enum LiteralScale {
    /// Base units per unit word.
    public static let factors: [String: Double] = [
        "%": 0.01, "bps": 0.0001, "USD": 1,
        "y": 1, "year": 1, "years": 1,
        "d": 1.0 / 365, "day": 1.0 / 365, "days": 1.0 / 365,
        "h": 1.0 / 8760, "hour": 1.0 / 8760, "hours": 1.0 / 8760,
        "s": 1.0 / 31_536_000, "seconds": 1.0 / 31_536_000,
    ]

    /// The literal's digits × magnitude × unit factor, or nil for an unknown unit word.
    public static func value(of literal: NumberLiteral) -> Double? {
        guard let unit = literal.unit else { return literal.value }
        return factors[unit.text].map { literal.value * $0 }
    }
}
