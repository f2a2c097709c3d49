/// The known field names of one kind of JSON object, as an enum with `String` raw values.
///
/// The loader looks each key up here; an unknown key is reported, with the closest known name
/// as a suggestion. Keys starting with `$` (`$schema`, `$comment`) are annotations and ignored.
protocol FieldName: RawRepresentable<String>, CaseIterable, Sendable {}

extension FieldName {
    /// Every known name, for suggestions.
    static var names: [String] { allCases.map(\.rawValue) }
}
