// Strings: a fast scan for the common case (no escapes), a careful decoder for the rest.

extension JSONReader {
    /// Reads a string value, decoding escapes (`\uXXXX` surrogate pairs included) and checking
    /// that the text is valid UTF-8.
    public mutating func readString() -> String? {
        skipWhitespace()
        valueStart = position
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
            fail(position < bytes.count ? .expectedValue : .unexpectedEnd, at: position)
            return nil
        }
        let start = position + 1
        var p = start
        var high: UInt8 = 0
        while p < bytes.count {
            let c = bytes[p]
            if c == UInt8(ascii: "\"") {
                position = p + 1
                return makeString(start..<p, ascii: high < 0x80)
            }
            if c == UInt8(ascii: "\\") { return readEscapedString(from: start) }
            if c < 0x20 {
                fail(.controlCharacterInString, at: p)
                return nil
            }
            high |= c
            p += 1
        }
        fail(.unexpectedEnd, at: p)
        return nil
    }

    /// Skips a string value; false on a syntax error.
    mutating func skipString() -> Bool { scanString() != nil }

    /// Checks the string at the cursor without building it: returns whether it has escapes (nil
    /// on a syntax error) and leaves `valueEnd` after its closing quote. Keys go through here.
    mutating func scanString() -> Bool? {
        skipWhitespace()
        valueStart = position
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
            fail(position < bytes.count ? .expectedValue : .unexpectedEnd, at: position)
            return nil
        }
        var p = position + 1
        var high: UInt8 = 0
        while p < bytes.count {
            let c = bytes[p]
            if c == UInt8(ascii: "\"") {
                if high >= 0x80, String(validating: UnsafeBufferPointer(rebasing: bytes[(position + 1)..<p]), as: UTF8.self) == nil {
                    fail(.invalidUTF8, at: position + 1)
                    return nil
                }
                position = p + 1
                valueEnd = position
                return false
            }
            if c == UInt8(ascii: "\\") {
                guard readString() != nil else { return nil }  // the slow path decodes (and checks) escapes
                valueEnd = position
                return true
            }
            if c < 0x20 {
                fail(.controlCharacterInString, at: p)
                return nil
            }
            high |= c
            p += 1
        }
        fail(.unexpectedEnd, at: p)
        return nil
    }

    private mutating func makeString(_ range: Range<Int>, ascii: Bool) -> String? {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        if ascii { return String(decoding: slice, as: UTF8.self) }
        guard let s = String(validating: slice, as: UTF8.self) else {
            fail(.invalidUTF8, at: range.lowerBound)
            return nil
        }
        return s
    }

    /// The slow path: builds the string's bytes, decoding each escape.
    private mutating func readEscapedString(from start: Int) -> String? {
        var out: [UInt8] = []
        var p = start
        while p < bytes.count {
            let c = bytes[p]
            switch c {
            case UInt8(ascii: "\""):
                position = p + 1
                guard let s = String(validating: out, as: UTF8.self) else {
                    fail(.invalidUTF8, at: start)
                    return nil
                }
                return s
            case UInt8(ascii: "\\"):
                guard let next = decodeEscape(at: p, into: &out) else { return nil }
                p = next
            case 0..<0x20:
                fail(.controlCharacterInString, at: p)
                return nil
            default:
                out.append(c)
                p += 1
            }
        }
        fail(.unexpectedEnd, at: p)
        return nil
    }

    /// Decodes the escape starting at the backslash at `p`; returns the offset after it.
    private mutating func decodeEscape(at p: Int, into out: inout [UInt8]) -> Int? {
        guard p + 1 < bytes.count else {
            fail(.unexpectedEnd, at: p)
            return nil
        }
        let simple: UInt8?
        switch bytes[p + 1] {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): return decodeUnicodeEscape(at: p, into: &out)
        default: simple = nil
        }
        guard let simple else {
            fail(.invalidEscape, at: p)
            return nil
        }
        out.append(simple)
        return p + 2
    }

    /// `\uXXXX`, or a `\uD8xx\uDCxx` surrogate pair; a lone surrogate is an error.
    private mutating func decodeUnicodeEscape(at p: Int, into out: inout [UInt8]) -> Int? {
        guard let unit = hex4(at: p + 2) else { return nil }
        var scalarValue = UInt32(unit)
        var next = p + 6
        if (0xD800..<0xDC00).contains(unit) {
            guard next + 1 < bytes.count, bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u"),
                  let low = hex4(at: next + 2), (0xDC00..<0xE000).contains(low)
            else {
                fail(.invalidUnicodeEscape, at: p)
                return nil
            }
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            next += 6
        }
        guard let scalar = Unicode.Scalar(scalarValue) else {
            fail(.invalidUnicodeEscape, at: p)
            return nil
        }
        UTF8.encode(scalar) { out.append($0) }
        return next
    }

    private mutating func hex4(at p: Int) -> UInt16? {
        guard p + 4 <= bytes.count else {
            fail(.invalidUnicodeEscape, at: p - 2)
            return nil
        }
        var v: UInt16 = 0
        for i in 0..<4 {
            let c = bytes[p + i]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default:
                fail(.invalidUnicodeEscape, at: p - 2)
                return nil
            }
            v = v << 4 | UInt16(d)
        }
        return v
    }
}
