import LeverSyntax

extension DocumentDecoder {
    /// A finite number; infinity (from an overflowing literal such as `1e999`) is reported.
    mutating func decodeNumber() -> Double? {
        guard let kind = reader.peek() else { return nil }
        guard kind == .number else {
            mismatch("a number", kind)
            return nil
        }
        guard let value = reader.readNumber() else { return nil }
        guard value.isFinite else {
            report(.numberOutOfRange(here, at: valueSpan))
            return nil
        }
        return value
    }

    /// A number that must satisfy `valid`; otherwise `requirement` is reported.
    mutating func decodeNumber(_ requirement: String, _ valid: (Double) -> Bool) -> Double? {
        guard let value = decodeNumber() else { return nil }
        guard valid(value) else {
            report(.valueOutOfRange(here, requirement, at: valueSpan))
            return nil
        }
        return value
    }

    /// A string; one longer than `maxStringLength` bytes is reported and read as absent.
    mutating func decodeString() -> String? {
        guard let kind = reader.peek() else { return nil }
        guard kind == .string else {
            mismatch("a string", kind)
            return nil
        }
        let start = reader.valueStart
        guard let text = reader.readString() else { return nil }
        let length = reader.position - start - 2
        guard length <= maxStringLength else {
            report(.stringTooLong(here, length: length, limit: maxStringLength, at: span(start, start + 1)))
            return nil
        }
        return text
    }

    /// A non-empty string (ids, symbols, venues).
    mutating func decodeName() -> String? {
        guard let s = decodeString() else { return nil }
        guard !s.isEmpty else {
            report(.valueOutOfRange(here, "must not be empty", at: valueSpan))
            return nil
        }
        return s
    }

    /// An RFC 3339 time string.
    mutating func decodeTimestamp() -> Timestamp? {
        guard let s = decodeString() else { return nil }
        guard let t = Timestamp(iso8601: s) else {
            report(.invalidTimestamp(here, at: valueSpan))
            return nil
        }
        return t
    }

    /// One of a fixed set of words (`"call"`, `"put"`), mapped through `table`.
    mutating func decodeWord<T>(_ table: [(String, T)]) -> T? {
        guard let s = decodeString() else { return nil }
        if let hit = table.first(where: { $0.0 == s }) { return hit.1 }
        let expected = table.map(\.0)
        report(.unknownWord(here, s, expected: expected, suggestion: suggestions.closest(to: s, in: expected), at: valueSpan))
        return nil
    }

    /// True when the value is `null` (consumed); false leaves the cursor on the value.
    mutating func decodeNull() -> Bool {
        guard reader.peek() == .null else { return false }
        return reader.readNull()
    }

    /// Stores `value` in `slot`, reporting a duplicate key when the slot is already filled.
    mutating func assign<T>(_ slot: inout T?, _ value: T?) {
        if slot != nil {
            report(.duplicateField(parentPrefix, currentKey, at: keySpan))
            return
        }
        slot = value
    }
}
