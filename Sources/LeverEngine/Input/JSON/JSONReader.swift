/// A pull reader over UTF-8 JSON bytes: the caller asks for the value it expects next.
///
/// Why a pull reader and not an object tree: Foundation's `JSONSerialization` and `JSONDecoder`
/// build a tree of boxed values and read 17–25 MB/s; a book of a million accounts then costs
/// seconds and gigabytes. Pulling lets the loader decode straight into the model, keep a JSON
/// path for errors, and skip what it does not know, without materialising anything else.
///
/// The reader never traps on any input. The first syntax error is recorded in `error`, the
/// cursor moves to the end, and every later call fails quickly; syntax errors are fatal because
/// a broken document has no reliable place to resume. Nesting is capped by `maxDepth`, and
/// skipping uses an explicit stack, so deep input cannot exhaust the call stack.
///
/// Use it inside `withUnsafeBufferPointer`: the reader does not own its bytes.
public struct JSONReader {
    /// The document's bytes (not owned).
    public let bytes: UnsafeBufferPointer<UInt8>
    /// Byte offset of the next unread byte.
    public internal(set) var position: Int = 0
    /// Byte offset where the last value read (or skipped) started.
    public internal(set) var valueStart: Int = 0
    /// Byte offset just after the last key or string scanned with `scanString`.
    public internal(set) var valueEnd: Int = 0
    /// The first syntax error, if any; once set, the document is unreadable.
    public internal(set) var error: JSONSyntaxError?
    /// Current container nesting.
    public internal(set) var depth: Int = 0
    /// Deepest nesting accepted before reporting `nestingTooDeep`.
    public let maxDepth: Int

    /// Starts reading at the first byte (a UTF-8 byte-order mark is skipped).
    public init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = 256) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    /// True once a syntax error was found.
    public var failed: Bool { error != nil }

    // MARK: - Cursor

    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Records a syntax error at `offset` (only the first one is kept) and stops the reader.
    mutating func fail(_ kind: JSONSyntaxError.Kind, at offset: Int) {
        if error == nil { error = JSONSyntaxError(kind: kind, offset: min(offset, bytes.count)) }
        position = bytes.count
    }

    /// Consumes `byte` after whitespace, or records `kind` and returns false.
    @inline(__always)
    mutating func expect(_ byte: UInt8, else kind: JSONSyntaxError.Kind) -> Bool {
        skipWhitespace()
        if position < bytes.count, bytes[position] == byte {
            position += 1
            return true
        }
        fail(position < bytes.count ? kind : .unexpectedEnd, at: position)
        return false
    }

    // MARK: - Peeking

    /// The kind of the next value, or nil (with `error` set) when no value starts here.
    public mutating func peek() -> JSONKind? {
        skipWhitespace()
        valueStart = position
        guard position < bytes.count else {
            fail(.unexpectedEnd, at: position)
            return nil
        }
        switch bytes[position] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default:
            fail(.expectedValue, at: position)
            return nil
        }
    }

    /// Whether only whitespace is left (the end of a JSON Lines file, between its values).
    public mutating func isAtEnd() -> Bool {
        skipWhitespace()
        return position >= bytes.count
    }

    /// Checks that only whitespace follows the top-level value.
    public mutating func finish() {
        guard error == nil else { return }
        skipWhitespace()
        if position < bytes.count { fail(.trailingCharacters, at: position) }
    }

    // MARK: - Literals

    /// Reads `true` or `false`.
    public mutating func readBool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        fail(.expectedValue, at: position)
        return nil
    }

    /// Reads `null`.
    public mutating func readNull() -> Bool {
        if literal("null") { return true }
        fail(.expectedValue, at: position)
        return false
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        skipWhitespace()
        valueStart = position
        let n = word.utf8CodeUnitCount
        guard position + n <= bytes.count else { return false }
        let p = word.utf8Start
        for i in 0..<n where bytes[position + i] != p[i] { return false }
        position += n
        return true
    }
}

/// The six kinds of JSON value.
public enum JSONKind: Sendable, Hashable {
    case object, array, string, number, bool, null

    /// "an object", "a number": for messages such as `expected a number, found a string`.
    public var phrase: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}
