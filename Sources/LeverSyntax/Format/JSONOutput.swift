/// A JSON value to be written with stable bytes: object keys sorted by their UTF-8 bytes,
/// two-space indentation, numbers as `shortest`, and the infinities as the strings
/// `"Infinity"` and `"-Infinity"` (JSON has no literal for them).
///
/// The one JSON writer of the project (reports, diagnostics, diffs), written by hand so that
/// LeverSyntax needs no Foundation and the byte layout never depends on a library's choices.
/// Kept apart from the input side's `JSONValue` (which keeps members in document order, as a
/// reader must) because a writer needs the opposite: one canonical order.
public indirect enum JSONOutput: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    /// A count or a position, written without a fraction (`3`, not `3.0`).
    case int(Int)
    case string(String)
    case array([JSONOutput])
    case object([String: JSONOutput])

    /// The document text, ending in a newline.
    public var text: String {
        var out = ""
        write(to: &out, indent: 0)
        out.append("\n")
        return out
    }

    /// The value on one line with no spaces, keys sorted the same way, ending in a newline: a
    /// record of a JSON Lines file.
    public var line: String {
        var out = ""
        writeCompact(to: &out)
        out.append("\n")
        return out
    }

    /// Appends the value on one line with no spaces (a JSON Lines record without its newline).
    public func writeCompact(to out: inout String) {
        switch self {
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.writeCompact(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, member) in Self.sortedMembers(members).enumerated() {
                if i > 0 { out += "," }
                Self.writeString(member.key, to: &out)
                out += ":"
                member.value.writeCompact(to: &out)
            }
            out += "}"
        default:
            write(to: &out, indent: 0)
        }
    }

    /// Appends this value at nesting depth `indent` (its first line unindented, as after a key),
    /// so a writer can put a value inside a document it writes piece by piece.
    public func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let x): Self.writeNumber(x, to: &out)
        case .int(let n): out += String(n)
        case .string(let s): Self.writeString(s, to: &out)
        case .array(let items): writeArray(items, to: &out, indent: indent)
        case .object(let members): writeObject(members, to: &out, indent: indent)
        }
    }

    private func writeArray(_ items: [JSONOutput], to out: inout String, indent: Int) {
        guard !items.isEmpty else { out += "[]"; return }
        out += "["
        for (i, item) in items.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            Self.pad(indent + 1, &out)
            item.write(to: &out, indent: indent + 1)
        }
        out += "\n"
        Self.pad(indent, &out)
        out += "]"
    }

    private func writeObject(_ members: [String: JSONOutput], to out: inout String, indent: Int) {
        guard !members.isEmpty else { out += "{}"; return }
        out += "{"
        // Byte order, not `String`'s `<`, so the order is the same whatever Unicode version.
        // Sorted as pairs: no hashing of each key again to find its value.
        for (i, member) in Self.sortedMembers(members).enumerated() {
            out += i == 0 ? "\n" : ",\n"
            Self.pad(indent + 1, &out)
            Self.writeString(member.key, to: &out)
            out += ": "
            member.value.write(to: &out, indent: indent + 1)
        }
        out += "\n"
        Self.pad(indent, &out)
        out += "}"
    }

    /// An object's members in key byte order.
    static func sortedMembers(_ members: [String: JSONOutput]) -> [(key: String, value: JSONOutput)] {
        members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    static func pad(_ depth: Int, _ out: inout String) {
        out += String(repeating: "  ", count: depth)
    }

    /// Appends a number as every JSON form writes it: `shortest`, the infinities as strings, NaN as `null`.
    public static func writeNumber(_ x: Double, to out: inout String) {
        out += numberText(x)
    }

    /// A number's JSON text: `shortest` when finite, `null` for NaN, `"Infinity"`/`"-Infinity"`.
    public static func numberText(_ x: Double) -> String {
        if x.isFinite { return shortest(x) }
        if x.isNaN { return "null" }
        return x > 0 ? "\"Infinity\"" : "\"-Infinity\""
    }

    /// Text of a finite number: Swift's shortest text that reads back as the same `Double`
    /// (`0.1`, `1.0`, `1e-05`, `2.5e+20`), the same on every platform. Negative zero is written
    /// as `0.0` so that a sign nobody can act on never makes two reports differ.
    public static func shortest(_ x: Double) -> String {
        x == 0 ? "0.0" : x.description
    }

    /// Whether a string's bytes hold a quote, a backslash or a control character (which a JSON
    /// string literal escapes).
    public static func needsEscaping(_ utf8: some Sequence<UInt8>) -> Bool {
        utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
    }

    /// A string literal with `"` `\` and control characters escaped (`\n` `\t` or `\u00XX`).
    public static func writeString(_ s: String, to out: inout String) {
        out += "\""
        // Most strings (keys, ids, words) need no escaping: append them whole.
        if !needsEscaping(s.utf8) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0x0D: out += "\\r"
            case 0..<0x20: out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
