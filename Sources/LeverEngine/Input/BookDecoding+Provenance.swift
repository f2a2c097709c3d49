import LeverSyntax

extension BookDecoding {
    /// Members of a value written with its provenance: `{"value": 905, "time": …, "source": …}`.
    enum ProvenancedField: String, FieldName {
        static let table = FieldTable<Self>()
        case value, time, source
    }

    /// A score or attribute written with where it came from: its value (a number, or for an
    /// attribute also a string) and its provenance. Nil (with errors reported) when malformed;
    /// the value is required, `time` and `source` are not.
    static func decodeProvenanced(_ d: inout DocumentDecoder, allowStrings: Bool)
        -> (value: AttributeValue, provenance: ValueProvenance)? {
        var value = FieldSlot<AttributeValue>(), time = FieldSlot<Timestamp>(), source = FieldSlot<String>()
        let object = d.decodeObject(ProvenancedField.self) { d, field in
            switch field {
            case .value:
                d.fill(&value) { d in
                    if allowStrings, d.reader.peek() == .string { return d.decodeString().map(AttributeValue.string) }
                    return d.decodeNumber().map(AttributeValue.number)
                }
            case .time: d.fill(&time) { $0.decodeTimestamp() }
            case .source: d.fill(&source) { $0.decodeName() }
            }
        }
        guard let object else { return nil }
        requireFields(&d, at: object, ("value", value.isPresent))
        guard let v = value.value, !(time.isPresent && time.value == nil), !(source.isPresent && source.value == nil) else { return nil }
        return (v, ValueProvenance(time: time.value, source: source.value))
    }

    /// `score`: a number, `null` (no score: the policy's `reputation` rules say what that
    /// means), or a number with its provenance. `.some(nil)` is a score left out on purpose.
    static func decodeScore(_ d: inout DocumentDecoder, provenance: inout ValueProvenance?) -> Double?? {
        if d.decodeNull() { return .some(nil) }
        guard d.reader.peek() == .object else { return d.decodeNumber().map { .some($0) } }
        guard let (value, from) = decodeProvenanced(&d, allowStrings: false), case .number(let x) = value else { return nil }
        provenance = from
        return .some(x)
    }
}
