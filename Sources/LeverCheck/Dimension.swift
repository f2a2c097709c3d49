/// The physical dimension of a number: powers of money and of time.
///
/// Time is counted in half powers because volatility is per square root of time
/// (`z * vol * sqrt(2 days)` is dimensionless). Plain numbers and ratios are both dimensionless
/// and mix freely.
public struct Dimension: Sendable, Hashable, CustomStringConvertible {
    /// Power of money (USD).
    public var money: Int
    /// Power of time, in halves: 2 is a duration, -1 is a volatility.
    public var halfTime: Int

    public init(money: Int = 0, halfTime: Int = 0) {
        self.money = money
        self.halfTime = halfTime
    }

    public static let none = Dimension()
    public static let money = Dimension(money: 1)
    public static let time = Dimension(halfTime: 2)
    /// Annualised volatility: time^(-1/2).
    public static let volatility = Dimension(halfTime: -1)

    public var isDimensionless: Bool { money == 0 && halfTime == 0 }

    public static func * (a: Dimension, b: Dimension) -> Dimension {
        Dimension(money: a.money + b.money, halfTime: a.halfTime + b.halfTime)
    }

    public static func / (a: Dimension, b: Dimension) -> Dimension {
        Dimension(money: a.money - b.money, halfTime: a.halfTime - b.halfTime)
    }

    /// The dimension raised to an integer power.
    public func power(_ n: Int) -> Dimension {
        Dimension(money: money &* n, halfTime: halfTime &* n)
    }

    /// The square root, or nil when the money power is odd (half a dollar means nothing) or the
    /// time power is not a multiple of a whole square root.
    public var squareRoot: Dimension? {
        guard money % 2 == 0, halfTime % 2 == 0 else { return nil }
        return Dimension(money: money / 2, halfTime: halfTime / 2)
    }

    /// The unit as written in messages: `USD`, `years`, `years^-1/2`, `USD·years`, `plain`.
    public var description: String {
        if isDimensionless { return "plain" }
        var parts: [String] = []
        if money != 0 { parts.append(money == 1 ? "USD" : "USD^\(money)") }
        if halfTime != 0 { parts.append("years" + Self.timePower(halfTime)) }
        return parts.joined(separator: "·")
    }

    /// Words for messages: `a USD amount`, `a duration`, `a ratio`, `a volatility`.
    public var phrase: String {
        switch (money, halfTime) {
        case (0, 0): "a ratio"
        case (1, 0): "a USD amount"
        case (0, 2): "a duration"
        case (0, -1): "a volatility (years^-1/2)"
        default: "a `\(description)` quantity"
        }
    }

    /// The unit word a bare number of this dimension would most likely be missing.
    public var unitWord: String? {
        switch (money, halfTime) {
        case (1, 0): "USD"
        case (0, 2): "days"
        default: nil
        }
    }

    private static func timePower(_ halves: Int) -> String {
        if halves == 2 { return "" }
        if halves % 2 == 0 { return "^\(halves / 2)" }
        return "^\(halves)/2"
    }
}
