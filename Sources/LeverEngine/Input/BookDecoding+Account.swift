import LeverSyntax

extension BookDecoding {
    enum AccountField: String, FieldName {
        static let table = FieldTable<Self>()
        case id, score, attributes, positions
    }

    /// One account: kept (with the warnings found in it), or (with errors other than assets the
    /// market lacks) rejected.
    static func decodeAccount(_ d: inout DocumentDecoder, _ s: inout BookState, index: Int) {
        if decodePlainAccount(&d, &s) { return }
        let errorsBefore = d.errorCount, unknownBefore = s.unknownAssetErrors
        let diagnosticsBefore = d.diagnostics.count
        var id = FieldSlot<String>(), score = FieldSlot<Double?>()
        var provenance: [String: ValueProvenance] = [:], scoreProvenance: ValueProvenance?
        var attributes = FieldSlot<[String: AttributeValue]>(), positions = FieldSlot<Bool>()
        var flags: AccountFlags = []
        let object = d.decodeObject(AccountField.self) { d, field in
            switch field {
            case .id: d.fill(&id) { $0.decodeName() }
            case .score: d.fill(&score) { decodeScore(&$0, provenance: &scoreProvenance) }
            case .attributes: d.fill(&attributes) { decodeAttributes(&$0, &s, provenance: &provenance) }
            case .positions: d.fill(&positions) { d in decodePositions(&d, &s, &flags) }
            }
        }
        guard let object else { return reject(&d, &s, index: index, id: nil, from: diagnosticsBefore) }
        // A score may be left out: the policy's `reputation` rules (or, without them, the rule
        // for any undefined input) say what an account without one is worth.
        requireFields(&d, at: object, ("id", id.isPresent), ("positions", positions.isPresent))
        if let value = id.value { checkUnique(&d, &s, value, at: id.span) }
        let structural = d.errorCount - errorsBefore - (s.unknownAssetErrors - unknownBefore)
        guard structural == 0, let idValue = id.value, positions.value == true, !(score.isPresent && score.value == nil) else {
            return reject(&d, &s, index: index, id: id.value, from: diagnosticsBefore)
        }
        // Most accounts have no warning: no array is built for them.
        let warnings = d.diagnostics.count == diagnosticsBefore ? []
            : d.diagnostics[diagnosticsBefore...].filter { $0.severity != .error }
        if let scoreProvenance { provenance["score"] = scoreProvenance }
        s.store.closeAccount(id: idValue, score: (score.value ?? nil) ?? .nan, attributes: attributes.value ?? [:], flags: flags,
                             warnings: warnings, provenance: provenance)
    }

    private static func reject(_ d: inout DocumentDecoder, _ s: inout BookState, index: Int, id: String?, from start: Int) {
        s.store.discardOpenAccount()
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
        if let first = s.accountIDs.insert(id, at: span) {
            d.report(.duplicateAccount(d.prefix(appending: "id"), id, first: first, at: span))
        }
    }

    /// `attributes`: an object of numbers and strings (each may be written with its provenance,
    /// `{"value": …, "time": …, "source": …}`, kept in `provenance`). Checked against the policy's names when
    /// there are any: a string it never compares the attribute with, or a name that looks like a
    /// misspelling of one it reads (only when this account does not set that one), is warned about.
    static func decodeAttributes(_ d: inout DocumentDecoder, _ s: inout BookState,
                                 provenance: inout [String: ValueProvenance]) -> [String: AttributeValue]? {
        var out: [String: AttributeValue] = [:]
        var misspelt: [(key: String, suggestion: String, path: String, span: Span)] = []
        let ok = d.decodeMap { d, key in
            guard let kind = d.reader.peek() else { return }
            if let suggestion = s.names?.misspeltAttribute(key) { misspelt.append((key, suggestion, d.here, d.keySpan)) }
            var value: AttributeValue
            switch kind {
            case .number:
                guard let v = d.decodeNumber() else { return }
                value = .number(v)
            case .string:
                guard let v = d.decodeString() else { return }
                value = .string(v)
            case .object:
                guard let (v, from) = decodeProvenanced(&d, allowStrings: true) else { return }
                value = v
                provenance[key] = from
            case .array, .bool, .null: return d.mismatch("a number, a string, or an object with `value`, `time` and `source`", kind)
            }
            out[key] = value
            switch value {
            case .number(let v): s.names?.checkAttributeNumber(&d, attribute: key, value: v)
            case .string(let v): s.names?.checkAttributeValue(&d, attribute: key, value: v)
            }
        }
        // After the whole object: `regoin` is only suspicious when `region` is not set as well.
        for m in misspelt where out[m.suggestion] == nil {
            d.report(.unreadAttribute(m.path, m.key, suggestion: m.suggestion, at: m.span))
        }
        return ok == nil ? nil : out
    }

    /// `positions`: an array, appended to the book's columns as it is read; true when every
    /// position was valid, nil otherwise (the account is then rejected and its rows discarded).
    static func decodePositions(_ d: inout DocumentDecoder, _ s: inout BookState, _ flags: inout AccountFlags) -> Bool? {
        if decodePlainPositions(&d, &s) { return true }
        var allValid = true
        let limit = s.limits.maxPositionsPerAccount
        let ok = d.decodeArray { d, i in
            // Past the limit the account is in error and the rest only checked for syntax.
            guard i < limit else {
                if i == limit { d.report(.tooManyPositions(d.parentPrefix, limit: limit, at: d.nextValueSpan)) }
                allValid = false
                return d.reader.skipValue()
            }
            if decodePlainSpot(&d, &s) { return }
            if let p = decodePosition(&d, &s, &flags) { s.store.append(p) } else { allValid = false }
        }
        return ok && allValid ? true : nil
    }
}
