import Foundation
import Testing
import Lever

/// `Rules/sample/book.json` describes each account in a `$comment` (`healthy: …`,
/// `margin call: …`, `liquidatable: …`, `bad debt: …`); a new user reads them next to the
/// report, so they must state what `Rules/prime.lever` computes.
@Suite struct SampleCommentsTests {
    static let words = ["healthy": "healthy", "margin call": "margin_call", "liquidatable": "liquidatable", "bad debt": "liquidatable"]

    @Test func commentsStateTheComputedStatus() throws {
        let bookPath = DriverTests.path("Rules/sample/book.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: bookPath))) as? [String: Any]
        let accounts = try #require(json?["accounts"] as? [[String: Any]])
        let engine = try #require(Lever.loadPolicy(path: DriverTests.path("Rules/prime.lever")).engine)
        let inputs = try Lever.loadInputs(market: DriverTests.path("Rules/sample/market.json"), book: bookPath)
        let report = Lever.evaluate(engine, book: try #require(inputs.book), market: try #require(inputs.market))
        let status = try #require(engine.policy.output("status"))
        var checked = 0
        for account in accounts {
            guard let id = account["id"] as? String, let comment = account["$comment"] as? String,
                  let word = comment.split(separator: ":").first.map(String.init), let expected = Self.words[word] else { continue }
            let row = try #require(report.accounts.first { $0.id == id })
            #expect(row.values[status] == .label(expected), "\(id): the comment says \(word)")
            if word == "bad debt" { #expect((row.liquidation?.badDebt ?? 0) > 0, "\(id): the comment says bad debt") }
            checked += 1
        }
        #expect(checked >= 25)
    }
}
