import LeverSyntax

extension BookDecoding {
    enum AccountField: String, FieldName {
        static let table = FieldTable<Self>()
        case id, score, attributes, positions
    }

    /// One account: kept, or (with errors other than unknown assets) rejected.
    static func decodeAccount(_ d: inout DocumentDecoder, _ s: inout BookState, index: Int) {
        let errorsBefore = d.errorCount, unknownBefore = s.unknownAssetErrors
        let diagnosticsBefore = d.diagnostics.count
        var id = FieldSlot<String>(), score = FieldSlot<Double>()
        var attributes = FieldSlot<[String: AttributeValue]>(), positions = FieldSlot<[Position]>()
        var flags: AccountFlags = []
        let object = d.decodeObject(AccountField.self) { d, field in
            switch field {
            case .id: d.fill(&id) { $0.decodeName() }
            case .score: d.fill(&score) { $0.decodeNumber() }
            case .attributes: d.fill(&attributes) { decodeAttributes(&$0) }
            case .positions: d.fill(&positions) { d in decodePositions(&d, &s, &flags) }
            }
        }
        guard let object else { return reject(&d, &s, index: index, id: nil, from: diagnosticsBefore) }
        requireFields(&d, at: object, ("id", id.isPresent), ("score", score.isPresent), ("positions", positions.isPresent))
        if let value = id.value { checkUnique(&d, &s, value, at: id.span) }
        let structural = d.errorCount - errorsBefore - (s.unknownAssetErrors - unknownBefore)
        guard structural == 0, let idValue = id.value, let scoreValue = score.value, let list = positions.value else {
            return reject(&d, &s, index: index, id: id.value, from: diagnosticsBefore)
        }
        s.accounts.append(Account(id: idValue, score: scoreValue, attributes: attributes.value ?? [:],
                                  positions: list, flags: flags))
    }

    private static func reject(_ d: inout DocumentDecoder, _ s: inout BookState, index: Int, id: String?, from start: Int) {
        s.rejected.append(RejectedAccount(index: index, id: id, diagnostics: Array(d.diagnostics[start...])))
    }

    /// Reports each required field that is absent, at the object's opening brace.
    static func requireFields(_ d: inout DocumentDecoder, at object: Span, _ fields: (String, Bool)...) {
        for (name, present) in fields where !present {
            d.report(.missingField(d.here, name, help: nil, at: object))
        }
    }

    /// `requireFields` for one field; no array is built, which matters once per position.
    @inline(__always)
    static func require(_ d: inout DocumentDecoder, at object: Span, _ name: String, _ present: Bool) {
        if !present { d.report(.missingField(d.here, name, help: nil, at: object)) }
    }

    private static func checkUnique(_ d: inout DocumentDecoder, _ s: inout BookState, _ id: String, at span: Span) {
        if let first = s.idSpans[id] {
            d.report(.duplicateAccount(d.prefix(appending: "id"), id, first: first, at: span))
        } else {
            s.idSpans[id] = span
        }
    }

    /// `attributes`: an object of numbers and strings.
    static func decodeAttributes(_ d: inout DocumentDecoder) -> [String: AttributeValue]? {
        var out: [String: AttributeValue] = [:]
        let ok = d.decodeMap { d, key in
            guard let kind = d.reader.peek() else { return }
            switch kind {
            case .number: if let v = d.decodeNumber() { out[key] = .number(v) }
            case .string: if let v = d.decodeString() { out[key] = .string(v) }
            case .object, .array, .bool, .null: d.mismatch("a number or a string", kind)
            }
        }
        return ok == nil ? nil : out
    }

    /// `positions`: an array; the result is nil when any position was invalid.
    ///
    /// Positions collect in a scratch buffer reused across accounts and are copied out once at
    /// their final size: one allocation per account instead of one per doubling.
    static func decodePositions(_ d: inout DocumentDecoder, _ s: inout BookState, _ flags: inout AccountFlags) -> [Position]? {
        var scratch = s.scratch
        s.scratch = []
        scratch.removeAll(keepingCapacity: true)
        var allValid = true
        let ok = d.decodeArray { d, _ in
            if let p = decodePosition(&d, &s, &flags) { scratch.append(p) } else { allValid = false }
        }
        let out = ok && allValid ? Array(scratch[...]) : nil  // a slice copy: `Array(scratch)` would share the buffer
        s.scratch = scratch
        return out
    }
}
