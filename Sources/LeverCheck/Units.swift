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
}
