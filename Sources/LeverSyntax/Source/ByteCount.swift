/// Byte counts as people write them: `16 MiB`, `1 GiB`, `4,096 bytes`.
public enum ByteCount {
    /// The count in the largest binary unit that divides it, else in bytes with separators.
    public static func text(_ bytes: Int) -> String {
        for (unit, size) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes >= size && bytes % size == 0 {
            return "\(bytes / size) \(unit)"
        }
        return "\(grouped(bytes)) bytes"
    }

    /// `1,000,000`.
    public static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// Reads a size written `16M`, `2G`, `2GiB`, `512K` (binary units, whatever the spelling) or as
    /// plain digits; nil otherwise.
    public static func parse(_ text: String) -> Int? {
        var digits = Substring(text.uppercased()).drop { $0 == " " }
        while digits.last == " " { digits = digits.dropLast() }
        // `2G`, `2GB`, `2GiB`: all binary.
        if digits.count > 1, digits.last == "B", let before = digits.dropLast().last, before.isLetter { digits = digits.dropLast() }
        if digits.count > 1, digits.last == "I" { digits = digits.dropLast() }
        var scale = 1
        if let last = digits.last, let unit = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40][String(last)] {
            scale = unit
            digits = digits.dropLast()
        }
        let plain = digits.filter { $0 != "_" && $0 != "," }
        guard !plain.isEmpty, plain.allSatisfy(\.isASCII), let n = Int(plain), n > 0 else { return nil }
        let (product, overflow) = n.multipliedReportingOverflow(by: scale)
        return overflow ? nil : product
    }
}
