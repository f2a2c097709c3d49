import Testing
@testable import LeverEngine
import Lever

@Suite struct ReportRendererTests {
    static let fields = ["collateral", "debt", "health", "close_factor", "status"]

    static func selected(_ fields: [String] = fields) throws -> Report {
        let report = try #require(LendingFixture.report())
        return try report.selecting(outputs: fields).get()
    }

    @Test func tableAlignsColumnsAndListsPlans() throws {
        let text = ReportRenderer(style: .table(color: false)).render(try Self.selected())
        #expect(text == """
            policy "Hand-worked lending" version "1"
            sha256 \(try #require(LendingFixture.engine()).identity.hash)
            as of 2026-11-25T12:00:00Z, interest horizon 1 day

            account  collateral      debt  health  close_factor  status
            nodebt     1,600.00      0.00       ∞        0.5000  healthy
            call       1,600.00  1,200.00  1.0667        0.5000  margin_call
            deep       1,600.00  2,000.00  0.6400        1.0000  liquidatable

            3 accounts: 1 healthy, 1 margin_call, 1 liquidatable

            liquidation plans:
              deep: close factor 100%, repay 1,818.18 USD, seize 2,000.00 USD, bad debt 181.82 USD
                repay 1,818.1818 USDC, seize 1 ETH, bonus 0.0909

            """)
    }

    @Test func colourMarksStatusesOnly() throws {
        let text = ReportRenderer(style: .table(color: true)).render(try Self.selected(["status"]))
        #expect(text.contains("\u{1B}[32mhealthy\u{1B}[0m"))
        #expect(text.contains("\u{1B}[33mmargin_call\u{1B}[0m"))
        #expect(text.contains("\u{1B}[31mliquidatable\u{1B}[0m"))
        #expect(!text.contains("\u{1B}[32mstatus"))
    }

    @Test func jsonHasInfinityAsAStringAndFullPrecision() throws {
        let text = ReportRenderer(style: .json).render(try Self.selected(["health", "status"]))
        #expect(text.contains("\"health\": \"Infinity\""))
        #expect(text.contains("\"health\": 1.0666666666666667"))   // 1280 ÷ 1200
        #expect(text.contains("\"horizon_days\": 1.0"))
        #expect(text.contains("\"liquidation\": null"))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func undefinedValuesAreDashesWithNotes() throws {
        var report = try Self.selected(["health", "status"])
        report.accounts[1].values[0] = .undefined
        report.accounts[1].notes = [AccountNote(severity: .warning, message: "health is undefined (a missing or invalid input)")]
        let table = ReportRenderer(style: .table(color: false)).render(report)
        #expect(table.contains("call          —  margin_call"))
        #expect(table.contains("notes:\n  call: warning: health is undefined (a missing or invalid input)\n"))
        let json = ReportRenderer(style: .json).render(report)
        #expect(json.contains("\"health\": null"))
        #expect(json.contains("\"message\": \"health is undefined (a missing or invalid input)\""))
    }

    @Test func unknownFieldsAreAllNamed() throws {
        let report = try #require(LendingFixture.report())
        guard case .failure(let unknown) = report.selecting(outputs: ["health", "helth", "leverage"]) else {
            Issue.record("expected unknown fields")
            return
        }
        #expect(unknown.names == ["helth", "leverage"])
        #expect(unknown.message.hasPrefix("unknown fields `helth` (did you mean `health`?), `leverage`; available fields: tier, credit_line, "))
    }

    /// `--fields health` hides the status column, not the statuses: the summary and the exit
    /// status still count every account's status (they once read a missing column as `unvalued`).
    @Test func aSelectionWithoutStatusStillSummarisesTheStatuses() throws {
        let report = try #require(LendingFixture.report())
        let shown = try report.selecting(outputs: ["health"]).get()
        #expect(!shown.outputs.contains { $0.name == "status" })
        #expect(shown.statusSummary.map { "\($0.count) \($0.status)" } == report.statusSummary.map { "\($0.count) \($0.status)" })
        #expect(!shown.statusSummary.contains { $0.status == "unvalued" })
        #expect(shown.hasFindings == report.hasFindings)
        // Selecting again from a selection keeps the first count.
        let again = try shown.selecting(outputs: ["health"]).get()
        #expect(again.statusSummary.map(\.count) == report.statusSummary.map(\.count))
    }

    @Test func selectionKeepsTheOrderGiven() throws {
        let report = try Self.selected(["status", "health", "status"])
        #expect(report.outputs.map(\.name) == ["status", "health"])
        #expect(report.accounts[0].values == [.label("healthy"), .number(.infinity)])
    }

    @Test func rejectedAccountsKeepTheirPlaceAndTheirPaths() throws {
        let book = """
        {"accounts": [
          {"id": "a", "score": 700, "positions": []},
          {"id": "bad", "score": 700, "positions": [{"asset": "ETH", "qty": "one"}]},
          {"id": "c", "score": 700, "positions": []}
        ]}
        """
        let report = try #require(LendingFixture.report(book: book))
        #expect(report.accounts.map(\.id) == ["a", "bad", "c"])
        #expect(report.accounts[1].evaluated == false)
        #expect(report.accounts[1].notes.first?.message.hasPrefix("accounts[1].positions[0].qty: expected a number") == true)
        let table = ReportRenderer(style: .table(color: false)).render(try report.selecting(outputs: ["health"]).get())
        #expect(table.contains("bad           —\n"))
    }
}
