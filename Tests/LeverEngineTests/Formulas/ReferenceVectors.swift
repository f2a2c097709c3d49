import Foundation
import Testing

/// A JSON value of a reference vector, kept as text where it is a number so big integers survive.
enum JSONValue: Sendable, Hashable, Decodable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    subscript(_ key: String) -> JSONValue {
        if case .object(let o) = self { return o[key] ?? .null }
        return .null
    }

    subscript(_ index: Int) -> JSONValue {
        if case .array(let a) = self, a.indices.contains(index) { return a[index] }
        return .null
    }

    var array: [JSONValue] { if case .array(let a) = self { a } else { [] } }

    var string: String? {
        switch self {
        case .string(let s): s
        case .number(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        default: nil
        }
    }

    var double: Double? {
        switch self {
        case .number(let d): d
        case .string(let s): Double(s)
        default: nil
        }
    }

    /// Exact unsigned integer from a JSON string or an integral JSON number.
    var uint: UInt128? { string.flatMap { UInt128($0) } }
    var int: Int? { string.flatMap { Int($0) } }
}

/// One entry of /work/shared/reference/vectors.json (copied to Fixtures/ so tests run anywhere).
struct ReferenceVector: Sendable, Decodable, CustomTestStringConvertible {
    let id: String
    let kind: String
    let inputs: JSONValue
    let expected: JSONValue
    let tolerance: String
    let notes: String

    var testDescription: String { id }

    static let all: [ReferenceVector] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/vectors.json")
        guard let data = try? Data(contentsOf: url),
              let vectors = try? JSONDecoder().decode([ReferenceVector].self, from: data) else { return [] }
        return vectors
    }()

    static func of(kind: String) -> [ReferenceVector] { all.filter { $0.kind == kind } }

    /// Every kind the formula tests handle; a new kind in the file fails `everyKindIsCovered`.
    static let coveredKinds: Set<String> = [
        "interest_rate_curve", "interest_accrual_linear", "interest_accrual_compound", "fixed_point",
        "health_factor", "liquidation", "perp_margin", "open_interest_imf", "concentration_weight",
        "credit_tier_rate", "param_change_guard", "scenario_margin", "option_price", "option_greek",
    ]
}

@Suite("Reference vectors file")
struct ReferenceVectorFileTests {
    @Test func fixtureLoadsAndMatchesTheSharedCopy() throws {
        #expect(ReferenceVector.all.count == 25)
        let shared = URL(fileURLWithPath: "/work/shared/reference/vectors.json")
        if let original = try? Data(contentsOf: shared) {
            let copy = try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/vectors.json"))
            #expect(copy == original, "Fixtures/vectors.json is out of date: copy the shared file again")
        }
    }

    @Test func everyKindIsCovered() {
        let kinds = Set(ReferenceVector.all.map(\.kind))
        #expect(kinds.subtracting(ReferenceVector.coveredKinds).isEmpty)
    }
}
