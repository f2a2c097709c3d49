import LeverSyntax

/// A number in base units (USD, years) with its dimension.
///
/// Every literal is turned into base units as soon as it is read (`2 days` is 2/365 years), so
/// arithmetic never has to convert.
public struct Quantity: Sendable, Hashable {
    public var value: Double
    public var dimension: Dimension

    public init(_ value: Double, _ dimension: Dimension = .none) {
        self.value = value
        self.dimension = dimension
    }
}

/// A unit word: its dimension and how many base units one of it is.
public struct UnitWord: Sendable, Hashable {
    public var dimension: Dimension
    public var scale: Double
}

/// The unit words of the language and their value in base units.
///
/// Base units: 1 USD of money and 1 year (365 days) of time; `%` and `bps` are dimensionless.
public enum UnitTable {
    /// Every unit word, by spelling.
    public static let words: [String: UnitWord] = [
        "%": UnitWord(dimension: .none, scale: 0.01),
        "bps": UnitWord(dimension: .none, scale: 0.0001),
        "USD": UnitWord(dimension: .money, scale: 1),
        "y": year, "year": year, "years": year,
        "d": day, "day": day, "days": day,
        "h": hour, "hour": hour, "hours": hour,
        "s": second, "seconds": second,
    ]

    private static let year = UnitWord(dimension: .time, scale: 1)
    private static let day = UnitWord(dimension: .time, scale: 1.0 / 365)
    private static let hour = UnitWord(dimension: .time, scale: 1.0 / 8760)
    private static let second = UnitWord(dimension: .time, scale: 1.0 / 31_536_000)

    /// The unit word named, if it is one.
    public static func unit(_ word: String) -> UnitWord? { words[word] }

    /// A literal's value in base units; an unknown unit word gives nil (the parser rejects those).
    public static func quantity(of literal: NumberLiteral) -> Quantity? {
        guard let unit = literal.unit else { return Quantity(literal.value) }
        guard let word = words[unit.text] else { return nil }
        return Quantity(literal.value * word.scale, word.dimension)
    }

    /// A literal's value as the double nearest the decimal written: `%` and `bps` move the
    /// decimal point (`5.2%` is 0.052, where `quantity(of:)` gives 5.2 × 0.01 =
    /// 0.052000000000000005), so a fixed-point policy, whose constants go through their shortest
    /// decimal text, reads exactly the decimal written. `float` policies keep `quantity(of:)`, so
    /// their numbers do not move.
    public static func decimalQuantity(of literal: NumberLiteral) -> Quantity? {
        guard let unit = literal.unit, let word = words[unit.text], let places = decimalPlaces[unit.text],
              let shifted = shifted(literal, places: places) else { return quantity(of: literal) }
        return Quantity(shifted, word.dimension)
    }

    /// Units that are a power of ten below one: how many places they move the decimal point.
    private static let decimalPlaces = ["%": 2, "bps": 4]

    /// The literal's digits (and magnitude) with the decimal point moved `places` to the left,
    /// read as one decimal: correctly rounded once.
    private static func shifted(_ literal: NumberLiteral, places: Int) -> Double? {
        let magnitude = ["k": 3, "M": 6, "B": 9]
        guard literal.magnitude == nil || magnitude[literal.magnitude!] != nil else { return nil }
        var digits = literal.digits.filter { $0 != "_" }
        var exponent = -places + (literal.magnitude.flatMap { magnitude[$0] } ?? 0)
        if let e = digits.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let written = Int(digits[digits.index(after: e)...]) else { return nil }
            exponent += written
            digits = String(digits[..<e])
        }
        return Double(digits + "e" + String(exponent))
    }
}
