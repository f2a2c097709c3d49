// Objects, arrays and skipping. Containers are read with a small state value the caller keeps:
//
//     guard reader.beginObject() else { … }
//     var members = JSONReader.Members()
//     while let key = reader.nextKey(&members) { …read or skip the value… }

extension JSONReader {
    /// Iteration state of one object or array (whether the next item is the first).
    public struct Members: Sendable {
        var first = true
        /// Fresh state, before the first item.
        public init() {}
    }

    /// Consumes `{`; false (with `error` set) when the next value is not an object.
    public mutating func beginObject() -> Bool {
        skipWhitespace()
        valueStart = position
        return enter(UInt8(ascii: "{"))
    }

    /// Consumes `[`; false (with `error` set) when the next value is not an array.
    public mutating func beginArray() -> Bool {
        skipWhitespace()
        valueStart = position
        return enter(UInt8(ascii: "["))
    }

    private mutating func enter(_ open: UInt8) -> Bool {
        guard expect(open, else: .expectedValue) else { return false }
        guard depth < maxDepth else {
            fail(.nestingTooDeep(limit: maxDepth), at: position - 1)
            return false
        }
        depth += 1
        return true
    }

    /// The next member's key (the reader then sits on its value), or nil after the closing `}`
    /// or on a syntax error.
    public mutating func nextKey(_ state: inout Members) -> String? {
        guard let token = nextKeyToken(&state) else { return nil }
        return keyString(token)
    }

    /// A key as it appears in the bytes: the loaders match keys without making Strings.
    public struct KeyToken: Sendable, Hashable {
        /// Offset of the opening quote.
        public var start: Int
        /// Offset just after the closing quote.
        public var end: Int
        /// True when the key contains escapes (its bytes are not its text).
        public var escaped: Bool
        /// The key's bytes between the quotes.
        public var content: Range<Int> { (start + 1)..<(end - 1) }
    }

    /// The decoded text of a key token.
    public func keyString(_ token: KeyToken) -> String? {
        if !token.escaped { return String(decoding: UnsafeBufferPointer(rebasing: bytes[token.content]), as: UTF8.self) }
        var r = JSONReader(bytes, maxDepth: 1)
        r.position = token.start
        return r.readString()
    }

    /// Like `nextKey`, but returns where the key is instead of its text.
    public mutating func nextKeyToken(_ state: inout Members) -> KeyToken? {
        guard error == nil else { return nil }
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return nil
        }
        if !state.first, !expect(UInt8(ascii: ","), else: .expectedCommaOrBrace) { return nil }
        state.first = false
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
            fail(position < bytes.count ? .expectedKey : .unexpectedEnd, at: position)
            return nil
        }
        let start = position
        guard let escaped = scanString(), expect(UInt8(ascii: ":"), else: .expectedColon) else { return nil }
        return KeyToken(start: start, end: valueEnd, escaped: escaped)
    }

    /// True when another element follows (the reader then sits on it); false after the closing
    /// `]` or on a syntax error.
    public mutating func nextElement(_ state: inout Members) -> Bool {
        guard error == nil else { return false }
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return false
        }
        if !state.first, !expect(UInt8(ascii: ","), else: .expectedCommaOrBracket) { return false }
        state.first = false
        return true
    }

    /// Skips one whole value, checking its syntax, without recursion.
    public mutating func skipValue() {
        var inObject: [Bool] = []  // one entry per container opened by this skip
        var states: [Members] = []
        repeat {
            if let open = inObject.last {
                let more: Bool
                if open {
                    more = nextKey(&states[states.count - 1]) != nil
                } else {
                    more = nextElement(&states[states.count - 1])
                }
                if !more {
                    inObject.removeLast()
                    states.removeLast()
                    continue
                }
            }
            guard skipScalarOrOpen(&inObject, &states) else { return }
        } while !inObject.isEmpty && error == nil
    }

    /// Skips a scalar, or opens a container and pushes its state; false on a syntax error.
    private mutating func skipScalarOrOpen(_ inObject: inout [Bool], _ states: inout [Members]) -> Bool {
        guard let kind = peek() else { return false }
        switch kind {
        case .object, .array:
            guard kind == .object ? beginObject() : beginArray() else { return false }
            inObject.append(kind == .object)
            states.append(Members())
        case .string: _ = skipString()
        case .number: _ = readNumber()
        case .bool: _ = readBool()
        case .null: _ = readNull()
        }
        return error == nil
    }
}
