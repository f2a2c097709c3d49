/// The interest-accrual horizon as written on a command line: `30d`, `12h`, `1y`, `2 days`,
/// `0.5y` — a number and one of the language's duration words (`y` `year` `years`, `d` `day`
/// `days`, `h` `hour` `hours`, `s` `seconds`), read through the language's own unit table so the
/// two never disagree.
public enum Horizon {
    /// One day, in years: the compiler's default.
    public static let defaultYears = 1.0 / 365

    /// The duration in years; nil when the text is not a non-negative number with a duration unit.
    public static func parse(_ text: String) -> Double? {
        let trimmed = text.filter { $0 != " " }
        guard let split = trimmed.firstIndex(where: { !($0.isASCII && ($0.isNumber || $0 == ".")) }),
              let number = Double(trimmed[..<split]), number.isFinite, number >= 0,
              let unit = UnitTable.unit(String(trimmed[split...])), unit.dimension == .time
        else { return nil }
        return number * unit.scale
    }

    /// A horizon in years as days, to six decimals (what reports and records show: `1`, `30`).
    public static func days(_ years: Double) -> Double { (years * 365 * 1e6).rounded() / 1e6 }

    /// The words `parse` accepts, for messages.
    public static let words = UnitTable.words.filter { $0.value.dimension == .time }.keys.sorted()
}
