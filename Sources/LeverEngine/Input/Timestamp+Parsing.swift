extension Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (RFC 3339), or a bare `YYYY-MM-DD`
    /// meaning midnight UTC. Returns nil for anything else, including impossible dates
    /// (`2026-02-30`) and a missing time zone: a time without a zone is ambiguous, and a margin
    /// report must not depend on the machine's zone.
    public init?(iso8601 text: String) {
        let b = Array(text.utf8)
        var p = 0
        guard let year = Self.digits(b, &p, 4), Self.eat(b, &p, "-"), let month = Self.digits(b, &p, 2),
              Self.eat(b, &p, "-"), let day = Self.digits(b, &p, 2),
              (1...12).contains(month), day >= 1, day <= Self.daysInMonth(year, month)
        else { return nil }
        let date = Double(Self.days(year: year, month: month, day: day)) * 86_400
        if p == b.count {
            self.init(secondsSinceEpoch: date)
            return
        }
        guard p < b.count, b[p] == UInt8(ascii: "T") || b[p] == UInt8(ascii: "t") || b[p] == UInt8(ascii: " ")
        else { return nil }
        p += 1
        guard let time = Self.timeOfDay(b, &p), let offset = Self.zoneOffset(b, &p), p == b.count else { return nil }
        self.init(secondsSinceEpoch: date + time - offset)
    }

    /// `HH:MM:SS[.fraction]` in seconds (a leap second `60` is accepted and counts as 60).
    private static func timeOfDay(_ b: [UInt8], _ p: inout Int) -> Double? {
        guard let h = digits(b, &p, 2), eat(b, &p, ":"), let m = digits(b, &p, 2), eat(b, &p, ":"),
              let s = digits(b, &p, 2), h < 24, m < 60, s <= 60
        else { return nil }
        var seconds = Double(h * 3600 + m * 60 + s)
        if p < b.count, b[p] == UInt8(ascii: ".") {
            // Digits as one integer divided once, so `.1` is exactly the double nearest 0.1;
            // digits past nanoseconds are checked but not used.
            p += 1
            let start = p
            var fraction = 0, scale = 1.0
            while p < b.count, b[p] &- UInt8(ascii: "0") < 10 {
                if p - start < 9 {
                    fraction = fraction * 10 + Int(b[p] - UInt8(ascii: "0"))
                    scale *= 10
                }
                p += 1
            }
            guard p > start else { return nil }
            seconds += Double(fraction) / scale
        }
        return seconds
    }

    /// `Z` or `±HH:MM`, as seconds east of UTC.
    private static func zoneOffset(_ b: [UInt8], _ p: inout Int) -> Double? {
        guard p < b.count else { return nil }
        if b[p] == UInt8(ascii: "Z") || b[p] == UInt8(ascii: "z") {
            p += 1
            return 0
        }
        guard b[p] == UInt8(ascii: "+") || b[p] == UInt8(ascii: "-") else { return nil }
        let sign: Double = b[p] == UInt8(ascii: "-") ? -1 : 1
        p += 1
        guard let h = digits(b, &p, 2), eat(b, &p, ":"), let m = digits(b, &p, 2), h < 24, m < 60 else { return nil }
        return sign * Double(h * 3600 + m * 60)
    }

    private static func digits(_ b: [UInt8], _ p: inout Int, _ count: Int) -> Int? {
        guard p + count <= b.count else { return nil }
        var v = 0
        for i in p..<(p + count) {
            let d = b[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
        }
        p += count
        return v
    }

    private static func eat(_ b: [UInt8], _ p: inout Int, _ c: Unicode.Scalar) -> Bool {
        guard p < b.count, b[p] == UInt8(ascii: c) else { return false }
        p += 1
        return true
    }
}
