import Lever

extension GoldenProvenance {
    /// Why the provenance could not be written into an expected file.
    struct RecordingError: Error, CustomStringConvertible {
        /// The message the case fails with.
        var description: String
    }

    /// `text` (an `expected.json`) with its top-level `policy` and `engine` members replaced by
    /// this provenance, or inserted in key order when absent; every other byte is kept.
    ///
    /// Editing the text rather than re-rendering a parsed tree is what lets `--bless` re-record a
    /// passing case's provenance without touching its values: a partial or hand-rounded
    /// expectation (`"health": 0.64` within a 1% tolerance) stays exactly as written. The result
    /// is parsed back and compared with the original, member by member, before it is returned.
    func recorded(in text: String) throws(RecordingError) -> String {
        var bytes = Array(text.utf8)
        guard let spans = Self.topLevelMembers(bytes), let last = spans.last else {
            throw RecordingError(description: "cannot record the provenance: the expected report is not a non-empty JSON object")
        }
        var edits: [(at: Range<Int>, key: String, text: [UInt8])] = []
        for member in members {
            let rendered = { (indent: [UInt8]) in Self.render(member.value, indent: indent) }
            if let span = spans.first(where: { $0.key == member.key }) {
                edits.append((span.value, member.key, rendered(span.indent)))
            } else if let next = spans.first(where: { member.key.utf8.lexicographicallyPrecedes($0.key.utf8) }) {
                let entry = Self.quoted(member.key) + Array(": ".utf8) + rendered(next.indent)
                edits.append((next.keyStart..<next.keyStart, member.key, entry + Array(",".utf8) + next.separator))
            } else {
                let entry = Self.quoted(member.key) + Array(": ".utf8) + rendered(last.indent)
                edits.append((last.value.upperBound..<last.value.upperBound, member.key, Array(",".utf8) + last.separator + entry))
            }
        }
        // From the end, so earlier offsets stay valid; two insertions at one place keep key order.
        for edit in edits.sorted(by: { ($0.at.lowerBound, $0.key) > ($1.at.lowerBound, $1.key) }) {
            bytes.replaceSubrange(edit.at, with: edit.text)
        }
        let result = String(decoding: bytes, as: UTF8.self)
        try verify(result, against: text)
        return result
    }

    /// The rewritten file must read back as this provenance with every other member unchanged.
    private func verify(_ result: String, against original: String) throws(RecordingError) {
        guard case .success(let new) = JSONValue.parse(Array(result.utf8)),
              case .success(let old) = JSONValue.parse(Array(original.utf8)),
              GoldenProvenance(recordedIn: new) == self,
              Self.others(new) == Self.others(old)
        else { throw RecordingError(description: "internal: recording the provenance would change the expected values") }
    }

    /// The top-level members other than `policy` and `engine`, sorted by key.
    private static func others(_ report: JSONValue) -> [JSONValue.Member] {
        guard case .object(let members) = report else { return [] }
        return members.filter { $0.key != "policy" && $0.key != "engine" }.sorted { $0.key < $1.key }
    }

    /// Where one top-level member is in the text.
    struct MemberSpan {
        /// The decoded key.
        var key: String
        /// Offset of the key's opening quote.
        var keyStart: Int
        /// The value's bytes.
        var value: Range<Int>
        /// The whitespace before the key on its line (empty when the key does not start a line).
        var indent: [UInt8]
        /// What separates members: a newline and the indentation, or one space in a one-line file.
        var separator: [UInt8] { indent.isEmpty ? [0x20] : [0x0A] + indent }
    }

    /// The members of the document's top-level object, in order, or nil when it is not an object.
    static func topLevelMembers(_ bytes: [UInt8]) -> [MemberSpan]? {
        bytes.withUnsafeBufferPointer { buffer -> [MemberSpan]? in
            var reader = JSONReader(buffer)
            guard reader.beginObject() else { return nil }
            var state = JSONReader.Members()
            var spans: [MemberSpan] = []
            while let token = reader.nextKeyToken(&state), let key = reader.keyString(token) {
                var start = reader.position
                while start < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[start]) { start += 1 }
                reader.skipValue()
                spans.append(MemberSpan(key: key, keyStart: token.start, value: start..<reader.position,
                                        indent: indentation(before: token.start, in: bytes)))
            }
            return reader.failed ? nil : spans
        }
    }

    /// The spaces and tabs between the line's start and `offset`, or empty when anything else is there.
    private static func indentation(before offset: Int, in bytes: [UInt8]) -> [UInt8] {
        var start = offset
        while start > 0, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 { start -= 1 }
        return start == 0 || bytes[start - 1] == 0x0A ? Array(bytes[start..<offset]) : []
    }

    /// A value as `JSONOutput` writes it, its lines after the first indented by `indent`.
    private static func render(_ value: JSONOutput, indent: [UInt8]) -> [UInt8] {
        var text = Array(value.text.utf8)
        if text.last == 0x0A { text.removeLast() }
        return text.flatMap { $0 == 0x0A ? [0x0A] + indent : [$0] }
    }

    /// A key as a JSON string.
    private static func quoted(_ key: String) -> [UInt8] {
        Array(JSONOutput.string(key).text.utf8.dropLast())
    }
}
