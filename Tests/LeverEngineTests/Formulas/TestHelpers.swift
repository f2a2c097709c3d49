import Testing
@testable import LeverEngine

/// `text` (a decimal such as "0.5") times 10^decimals, exactly: token amounts in smallest units.
func units(_ text: String, decimals: Int) -> UInt128 {
    DecimalText(text, fractionDigits: decimals)?.magnitude ?? 0
}

/// Whether two doubles agree within an absolute tolerance.
func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool { abs(a - b) <= tolerance }

/// A missing reference-vector field: recorded as an issue by `need`.
struct MissingValue: Error {}

/// The value, or a recorded issue and a thrown error (`#require` cannot nest inside `#expect`).
func need<T>(_ value: T?, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
    guard let value else {
        Issue.record("missing or malformed value", sourceLocation: sourceLocation)
        throw MissingValue()
    }
    return value
}

/// Passes when `condition` holds, else records an issue and throws.
func need(_ condition: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
    guard condition else {
        Issue.record("precondition of the test failed", sourceLocation: sourceLocation)
        throw MissingValue()
    }
}
