import LeverSyntax

/// One member of an object being decoded: its value (nil if absent or invalid), and where its
/// key and value were, so checks that need the whole object (required fields, fields that do not
/// apply to a position's kind) can point at the right place. Plain stored values: no allocation.
struct FieldSlot<T> {
    var value: T?
    /// The key's span; non-nil means the member was present, even if its value was invalid.
    var key: Span?
    var span = Span.synthetic

    var isPresent: Bool { key != nil }
}

extension DocumentDecoder {
    /// Reads the current member's value into `slot` with `read`; a second occurrence of the same
    /// key is reported and skipped.
    mutating func fill<T>(_ slot: inout FieldSlot<T>, _ read: (inout DocumentDecoder) -> T?) {
        guard slot.key == nil else {
            reader.skipValue()
            report(.duplicateField(parentPrefix, currentKey, at: keySpan))
            return
        }
        slot.key = keySpan
        slot.value = read(&self)
        slot.span = valueSpan
    }
}
