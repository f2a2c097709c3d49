/// The known field names of one kind of JSON object, as an enum with `String` raw values.
///
/// The loader looks each key up here; an unknown key is reported, with the closest known name
/// as a suggestion. Keys starting with `$` (`$schema`, `$comment`) are annotations and ignored.
protocol FieldName: RawRepresentable<String>, CaseIterable, Sendable {
    /// The names as bytes, so keys are matched without making Strings (declare it as
    /// `static let table = FieldTable<Self>()`).
    static var table: FieldTable<Self> { get }
}

extension FieldName {
    /// Every known name, for suggestions.
    static var names: [String] { allCases.map(\.rawValue) }
}

/// A field enum's names as bytes. Matching a key is a length check and a byte compare per name:
/// `init?(rawValue:)` on a String enum goes through the runtime's string-switch search, which
/// took 5 % of a book load.
struct FieldTable<F: FieldName>: Sendable {
    private let names: [[UInt8]]
    private let fields: [F]

    init() {
        fields = Array(F.allCases)
        names = fields.map { Array($0.rawValue.utf8) }
    }

    /// The field whose name is exactly `key`.
    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> F? {
        for i in names.indices where names[i].count == key.count {
            if names[i].withUnsafeBufferPointer({ $0.elementsEqual(key) }) { return fields[i] }
        }
        return nil
    }
}
