/// A whole JSON document as a value tree, for small documents, tests and tools.
///
/// The book and market loaders do not build this tree (they pull straight into the model); it is
/// here for callers that want generic JSON. Object members keep their order and duplicates.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([Member])

    /// One object member, in document order.
    public struct Member: Sendable, Hashable {
        /// The member name.
        public var key: String
        /// The member value.
        public var value: JSONValue
        /// A member.
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// Parses a complete document; nesting deeper than `maxDepth` is a syntax error, not a crash.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = 256) -> Result<JSONValue, JSONSyntaxError> {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer, maxDepth: maxDepth)
            let value = read(&reader)
            reader.finish()
            if let error = reader.error { return .failure(error) }
            return value.map { .success($0) } ?? .failure(JSONSyntaxError(kind: .expectedValue, offset: 0))
        }
    }

    /// The first member named `key`, if this is an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Recursion is bounded by the reader's `maxDepth`: `beginObject`/`beginArray` fail past it.
    private static func read(_ r: inout JSONReader) -> JSONValue? {
        guard let kind = r.peek() else { return nil }
        switch kind {
        case .null: return r.readNull() ? .null : nil
        case .bool: return r.readBool().map(JSONValue.bool)
        case .number: return r.readNumber().map(JSONValue.number)
        case .string: return r.readString().map(JSONValue.string)
        case .array: return readArray(&r)
        case .object: return readObject(&r)
        }
    }

    private static func readArray(_ r: inout JSONReader) -> JSONValue? {
        guard r.beginArray() else { return nil }
        var items: [JSONValue] = []
        var state = JSONReader.Members()
        while r.nextElement(&state) {
            guard let item = read(&r) else { return nil }
            items.append(item)
        }
        return r.failed ? nil : .array(items)
    }

    private static func readObject(_ r: inout JSONReader) -> JSONValue? {
        guard r.beginObject() else { return nil }
        var members: [Member] = []
        var state = JSONReader.Members()
        while let key = r.nextKey(&state) {
            guard let value = read(&r) else { return nil }
            members.append(Member(key, value))
        }
        return r.failed ? nil : .object(members)
    }
}
