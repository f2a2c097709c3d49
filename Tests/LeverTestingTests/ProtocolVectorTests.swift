import Foundation
import Lever
import Testing
@testable import LeverTesting

/// The published protocol vectors reproduce through policies, exactly.
///
/// `Tests/Golden/protocols/vectors.json` copies each vector used (with its source) and names the
/// golden case, account and outputs that reproduce it through a policy in `Rules/protocols/`,
/// with the vector's integer written as the exact decimal it stands for. This test holds each
/// case's `expected.json` to those decimals, string for string; `GoldenCorpusTests` holds the
/// engine to `expected.json`. Together: the engine's output equals the vector to the last unit.
struct ProtocolVectorTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Golden/protocols")

    /// One vector: where it is reproduced, and how its values are compared.
    struct Vector {
        struct Expectation {
            var account: String
            var output: String
            /// An exact decimal (a string) or a number compared within `tolerance`.
            var value: Any
        }
        var id: String
        var caseName: String
        /// nil for exact vectors (string for string); the absolute tolerance otherwise.
        var tolerance: Double?
        var expect: [Expectation]
    }

    static func vectors() throws -> [Vector] {
        let data = try Data(contentsOf: folder.appendingPathComponent("vectors.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let list = try #require(root["vectors"] as? [[String: Any]])
        return try list.filter { $0["guardrail"] == nil }.map { v in
            let compare = v["compare"]
            let tolerance: Double? = (compare as? String) == "exact" ? nil
                : try #require((compare as? [String: Any])?["abs"] as? Double, "\(v["id"] ?? "?"): compare")
            let expect = try #require(v["expect"] as? [[String: Any]]).map { e in
                Vector.Expectation(account: try #require(e["account"] as? String), output: try #require(e["output"] as? String),
                                   value: try #require(e["value"]))
            }
            return Vector(id: try #require(v["id"] as? String), caseName: try #require(v["case"] as? String),
                          tolerance: tolerance, expect: expect)
        }
    }

    @Test func everyVectorIsReproduced() throws {
        let vectors = try Self.vectors()
        #expect(vectors.count >= 25)
        for vector in vectors {
            let expected = Self.folder.appendingPathComponent(vector.caseName).appendingPathComponent("expected.json")
            let data = try Data(contentsOf: expected)
            let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let accounts = try #require(report["accounts"] as? [[String: Any]])
            for e in vector.expect {
                let account = try #require(accounts.first { $0["id"] as? String == e.account }, "\(vector.id): \(e.account)")
                let values = try #require(account["values"] as? [String: Any])
                let got = values[e.output]
                if let tolerance = vector.tolerance {
                    let want = try #require(e.value as? Double ?? (e.value as? NSNumber)?.doubleValue)
                    let number = (got as? Double) ?? (got as? String).flatMap(Double.init)
                    #expect(number.map { abs($0 - want) <= tolerance } == true,
                            "\(vector.id): \(e.account).\(e.output) is \(got ?? "missing"), the vector says \(want) ± \(tolerance)")
                } else {
                    // A string: fixed-point reports print exact decimals, never a binary64 number.
                    #expect(got as? String == e.value as? String,
                            "\(vector.id): \(e.account).\(e.output) is \(got ?? "missing"), the vector says \(e.value)")
                }
            }
        }
    }

    /// A risk steward's range (`steward.range.ltv_absolute`): an LTV of 70 % with a 10-point
    /// absolute cap may go anywhere in [60 %, 80 %] in one update, through the policy's own
    /// `guard` and the guardrail library, and no further.
    @Test func stewardRangeThroughTheGuard() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("vectors.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let vectors = try #require(root["vectors"] as? [[String: Any]])
        let spec = try #require(vectors.compactMap { $0["guardrail"] as? [String: Any] }.first)
        let path = Self.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(try #require(spec["policy"] as? String)).path
        let source = try String(contentsOfFile: path, encoding: .utf8)
        let asset = try #require(spec["asset"] as? String), current = try #require(spec["current"] as? String)
        // The listing's `ltv = …` inside `asset USDC : reserve { … }`.
        func with(_ ltv: String) throws -> CheckResult {
            let block = try #require(source.range(of: "asset \(asset) : reserve {"))
            let line = try #require(source.range(of: "ltv = ", range: block.upperBound..<source.endIndex))
            let end = try #require(source[line.upperBound...].firstIndex(of: "\n"))
            return Checker.check(source: source.replacingCharacters(in: line.upperBound..<end, with: ltv), path: path)
        }
        let old = try with(current)
        #expect(old.isValid)
        for allowed in try #require(spec["allowed"] as? [String]) {
            #expect(Guardrails.check(old: old, new: try with(allowed)).filter { $0.kind == .exceeded }.isEmpty, "\(allowed)")
        }
        for refused in try #require(spec["refused"] as? [String]) {
            #expect(Guardrails.check(old: old, new: try with(refused)).map(\.kind).contains(.exceeded), "\(refused)")
        }
    }

    /// Every protocol policy has cases, and every case belongs to a vector.
    @Test func everyProtocolPolicyIsExercised() throws {
        let rules = Self.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Rules/protocols")
        let policies = try FileManager.default.contentsOfDirectory(atPath: rules.path).filter { $0.hasSuffix(".lever") }
        // Cases are the folders (beside them: vectors.json and generate.py, which writes them).
        let cases = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(name).path, isDirectory: &isFolder) && isFolder.boolValue
        }
        var used: Set<String> = []
        for name in cases {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent(name).appendingPathComponent("case.json"))
            let settings = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            used.insert(URL(fileURLWithPath: try #require(settings["policy"] as? String)).lastPathComponent)
        }
        #expect(used == Set(policies))
        // A case reproduces a vector, or is hand-worked (listed with its arithmetic under `hand_worked`).
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("vectors.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let handWorked = ((root["hand_worked"] as? [[String: Any]]) ?? []).compactMap { $0["case"] as? String }
        #expect(Set(cases) == Set(try Self.vectors().map(\.caseName) + handWorked))
    }
}
