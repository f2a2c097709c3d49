import Foundation
import Testing
@testable import LeverEngine
import Lever

/// The record forms of a report: CSV for spreadsheets and databases, JSON Lines for tools that
/// read a report line by line. Both carry every account in report order, with the JSON form's
/// values.
@Suite struct RecordFormatTests {
    static func report(_ fields: [String] = ["collateral", "health", "status"]) throws -> Report {
        try #require(LendingFixture.report()).selecting(outputs: fields).get()
    }

    @Test func csvHasAHeaderAndOneRowPerAccount() throws {
        let text = ReportRenderer(style: .csv).render(try Self.report())
        // By hand: 1 ETH at 2,000 less its 20% haircut is 1,600 of collateral for each account;
        // health (1,600 × 80%) ÷ 1,200 = 1.0666…, ÷ 2,000 = 0.64; no debt is infinite.
        #expect(text == "account,evaluated,collateral,health,status\r\n"
            + "nodebt,true,1600.0,Infinity,healthy\r\n"
            + "call,true,1600.0,1.0666666666666667,margin_call\r\n"
            + "deep,true,1600.0,0.64,liquidatable\r\n")
    }

    @Test func csvQuotesWhatNeedsQuotingAndLeavesUndefinedEmpty() {
        #expect(ReportRenderer.csvRow(["a,b", "say \"hi\"", "two\nlines", "plain"]) == "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain\r\n")
        #expect(ReportRenderer.csvField(.undefined) == "")
        #expect(ReportRenderer.csvField(.number(.nan)) == "")
        #expect(ReportRenderer.csvField(.number(-.infinity)) == "-Infinity")
        #expect(ReportRenderer.csvField(.flag(true)) == "true")
    }

    /// Written account by account, as the streamed writer writes rows: an id, a label and the
    /// flags quoted where they need it, undefined values empty, the infinities as words.
    @Test func csvRowsQuoteIdsLabelsAndFlags() throws {
        var report = try Self.report()
        report.declaresFlags = true
        report.accounts[0].id = #"desk "A", book 1"#
        report.accounts[0].flags = ["stale_price:BTC", "note,with comma"]
        report.accounts[1].values[0] = .undefined
        report.accounts[1].values[2] = .label("call, soon")
        report.accounts[2].values[1] = .number(-.infinity)
        let text = ReportRenderer(style: .csv).render(report)
        #expect(text == "account,evaluated,collateral,health,status,flags\r\n"
            + #""desk ""A"", book 1",true,1600.0,Infinity,healthy,"stale_price:BTC;note,with comma""# + "\r\n"
            + #"call,true,,1.0666666666666667,"call, soon","# + "\r\n"
            + "deep,true,1600.0,-Infinity,liquidatable,\r\n")
    }

    @Test func jsonLinesIsTheJSONFormOneAccountPerLine() throws {
        let report = try Self.report()
        let lines = ReportRenderer(style: .jsonLines).render(report).split(separator: "\n").map(String.init)
        #expect(lines.count == report.accounts.count + 2)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects[0]["accounts"] == nil && objects[0]["summary"] == nil)
        #expect(objects[0]["policy"] != nil && objects[0]["outputs"] != nil)
        let whole = try #require(try JSONSerialization.jsonObject(with: Data(ReportRenderer(style: .json).render(report).utf8)) as? [String: Any])
        let accounts = try #require(whole["accounts"] as? [[String: Any]])
        let accountLines = objects.dropFirst().dropLast()
        #expect(accountLines.compactMap { $0["id"] as? String } == accounts.compactMap { $0["id"] as? String })
        // Each line holds what the JSON form's account holds (compared in one canonical form);
        // the header and the last line, the summary, together hold the rest of the JSON form.
        func canonical(_ object: [String: Any]) throws -> Data { try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) }
        for (line, account) in zip(accountLines, accounts) {
            #expect(try canonical(line) == (try canonical(account)))
        }
        let last = try #require(objects.last)
        #expect(Array(last.keys) == ["summary"])
        var rest = objects[0]
        rest["summary"] = last["summary"]
        var wholeWithoutAccounts = whole
        wholeWithoutAccounts["accounts"] = nil
        #expect(try canonical(rest) == (try canonical(wholeWithoutAccounts)))
    }
}
