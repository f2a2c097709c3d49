/// An instant, as seconds since 1970-01-01T00:00:00Z (fractions kept).
///
/// Parsed from RFC 3339 / ISO-8601 text by hand (no Foundation `DateFormatter`, which is slow and
/// locale-sensitive). Durations in Lever are in years of 365 days; `yearsSince` converts.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since the Unix epoch, UTC.
    public var secondsSinceEpoch: Double

    /// An instant from seconds since the epoch.
    public init(secondsSinceEpoch: Double) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// Earlier instants sort first.
    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }

    /// Years of 365 days from `earlier` to `self` (Lever's time unit), negative if `earlier` is later.
    public func yearsSince(_ earlier: Timestamp) -> Double {
        (secondsSinceEpoch - earlier.secondsSinceEpoch) / 31_536_000
    }

    /// `2026-11-25T12:00:00Z` (whole seconds; fractions are shown with up to 6 digits).
    public var description: String {
        guard secondsSinceEpoch.isFinite, abs(secondsSinceEpoch) < 1e14 else { return "invalid time" }
        let whole = secondsSinceEpoch.rounded(.down)
        let days = Int((whole / 86_400).rounded(.down))
        let secs = Int(whole) - days * 86_400
        let (y, m, d) = Self.civil(fromDays: days)
        var text = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2))"
        let micros = Int(((secondsSinceEpoch - whole) * 1_000_000).rounded())
        if micros > 0 { text += "." + pad(micros, 6) }
        return text + "Z"
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian, Howard Hinnant's algorithms)

    /// Days since 1970-01-01 of a civil date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
