import Foundation
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

    struct Vector {
        var id: String
        var caseName: String
        var account: String
        var outputs: [String: String]
    }

    static func vectors() throws -> [Vector] {
        let data = try Data(contentsOf: folder.appendingPathComponent("vectors.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let list = try #require(root["vectors"] as? [[String: Any]])
        return try list.map { v in
            Vector(id: try #require(v["id"] as? String), caseName: try #require(v["case"] as? String),
                   account: try #require(v["account"] as? String),
                   outputs: try #require(v["outputs"] as? [String: String]))
        }
    }

    @Test func everyVectorIsReproducedExactly() throws {
        let vectors = try Self.vectors()
        #expect(vectors.count >= 13)
        for vector in vectors {
            let expected = Self.folder.appendingPathComponent(vector.caseName).appendingPathComponent("expected.json")
            let data = try Data(contentsOf: expected)
            let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let accounts = try #require(report["accounts"] as? [[String: Any]])
            let account = try #require(accounts.first { $0["id"] as? String == vector.account }, "\(vector.id)")
            let values = try #require(account["values"] as? [String: Any])
            for (output, decimal) in vector.outputs {
                // A string: fixed-point reports print exact decimals, never a binary64 number.
                #expect(values[output] as? String == decimal, "\(vector.id): \(output) is \(values[output] ?? "missing"), the vector says \(decimal)")
            }
        }
    }

    /// Every protocol policy has cases, and every case belongs to a vector.
    @Test func everyProtocolPolicyIsExercised() throws {
        let rules = Self.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Rules/protocols")
        let policies = try FileManager.default.contentsOfDirectory(atPath: rules.path).filter { $0.hasSuffix(".lever") }
        let cases = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasSuffix(".json") }
        var used: Set<String> = []
        for name in cases {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent(name).appendingPathComponent("case.json"))
            let settings = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            used.insert(URL(fileURLWithPath: try #require(settings["policy"] as? String)).lastPathComponent)
        }
        #expect(used == Set(policies))
        #expect(Set(cases) == Set(try Self.vectors().map(\.caseName)))
    }
}
