import Foundation
import Testing
import Lever

/// The published Black–Scholes–Merton vectors (Haug's tables via QuantLib, Hull's example),
/// run through a Lever policy rather than the Swift formula: the market gives the rate and the
/// dividend yield, the book one option contract, and `Fixtures/bsm.lever` reports the engine's
/// price and Greeks beside the same price written by hand with `ncdf` and `npdf`.
@Suite struct BlackScholesPolicyTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let asOf = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    /// The report of one option (`call`/`put`) under the vector's inputs.
    static func evaluate(_ inputs: VectorJSON, right: String) throws -> [String: Double] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bsm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let iso = ISO8601DateFormatter()
        let years = try #require(inputs["timeYears"].double)
        let expiry = iso.string(from: asOf.addingTimeInterval((years * 31_536_000).rounded()))
        let market = """
            {"as_of": "\(iso.string(from: asOf))", "risk_free_rate": \(try #require(inputs["rate"].double)),
             "assets": {"X": {"price": \(try #require(inputs["spot"].double)), "vol": \(try #require(inputs["vol"].double)),
                              "dividend_yield": \(inputs["dividendYield"].double ?? 0)}}}
            """
        let book = """
            {"accounts": [{"id": "one", "score": 700, "positions": [{"kind": "option", "underlying": "X", "venue": "Deribit",
              "right": "\(right)", "strike": \(try #require(inputs["strike"].double)), "expiry": "\(expiry)", "size": 1}]}]}
            """
        try market.write(to: dir.appendingPathComponent("market.json"), atomically: true, encoding: .utf8)
        try book.write(to: dir.appendingPathComponent("book.json"), atomically: true, encoding: .utf8)
        let policy = Lever.loadPolicy(path: fixtures.appendingPathComponent("bsm.lever").path)
        let engine = try #require(policy.engine, "\(policy.diagnostics)")
        let loaded = try Lever.loadInputs(market: dir.appendingPathComponent("market.json").path,
                                          book: dir.appendingPathComponent("book.json").path, for: engine)
        let report = Lever.evaluate(engine, book: try #require(loaded.book), market: try #require(loaded.market))
        let account = try #require(report.accounts.first)
        var out: [String: Double] = [:]
        for (output, value) in zip(report.outputs, account.values) {
            if case .number(let x) = value { out[output.name] = x }
        }
        return out
    }

    static let vectors = ReferenceVector.of(kind: "option_price") + ReferenceVector.of(kind: "option_greek")

    @Test(arguments: vectors)
    func publishedValueThroughAPolicy(_ vector: ReferenceVector) throws {
        let rights = vector.inputs["type"].string.map { [$0] } ?? ["call", "put"]
        for right in rights {
            let values = try Self.evaluate(vector.inputs, right: right)
            let (name, expected): (String, Double?) = if let greek = vector.inputs["greek"].string {
                ("option_" + greek, vector.expected["value"].double)
            } else {
                ("value", vector.expected["value"].double ?? vector.expected[right].double)
            }
            let want = try #require(expected)
            let got = try #require(values[name], "\(name) is not reported")
            #expect(abs(got - want) <= 1e-4, "\(vector.id) \(right): \(name) = \(got), published \(want)")
            // The hand-written model agrees with the engine to rounding.
            let hand = try #require(values["hand_value"]), engine = try #require(values["value"])
            #expect(abs(hand - engine) <= 1e-12 * max(1, engine), "\(vector.id) \(right): by hand \(hand), engine \(engine)")
            #expect(abs(try #require(values["hand_gamma"]) - (values["option_gamma"] ?? .nan)) <= 1e-12)
        }
    }

    /// Hull's S = 42, K = 40, r = 10 %, σ = 20 %, T = 0.5 prints 4.76 and 0.81 in the textbook.
    @Test func hullsTextbookRounding() throws {
        let inputs = try #require(ReferenceVector.all.first { $0.id == "bsm.hull.call_put_42_40" }).inputs
        let call = try #require(try Self.evaluate(inputs, right: "call")["value"])
        let put = try #require(try Self.evaluate(inputs, right: "put")["value"])
        #expect((call * 100).rounded() / 100 == 4.76 && (put * 100).rounded() / 100 == 0.81)
    }
}
