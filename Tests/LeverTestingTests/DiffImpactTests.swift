import Foundation
import Testing
import LeverTestSupport
@testable import LeverTesting

/// Raising ETH's class liquidation threshold from 80% to 85% in a book whose accounts hold
/// 1 ETH at 1000 USD against a USDC debt D: health = 1000 × LT ÷ D, liquidate below 1, margin
/// call below 1.1. By hand:
///   D = 700: 1.1429 → 1.2143 healthy → healthy
///   D = 760: 1.0526 → 1.1184 margin_call → healthy
///   D = 820: 0.9756 → 1.0366 liquidatable → margin_call
///   D = 900: 0.8889 → 0.9444 liquidatable → liquidatable
///   D = 740: 1.0811 → 1.1486 margin_call → healthy
/// no debt stays healthy; an account holding only SOL (another class) does not move at all.
@Suite struct DiffImpactTests {
    static func fixture(_ name: String) -> String { goldenPath("diff/\(name)") }

    static func impact(new: String = "lt85.lever") throws -> PolicyDiffReport {
        let old = Lever.loadPolicy(path: fixture("old.lever"))
        let new = Lever.loadPolicy(path: fixture(new))
        let inputs = try Lever.loadInputs(market: fixture("market.json"), book: fixture("book.json"))
        let oldEngine = try #require(old.engine), newEngine = try #require(new.engine)
        let book = try #require(inputs.book), market = try #require(inputs.market)
        return PolicyDiff.report(old: old, new: new, oldEngine: oldEngine, newEngine: newEngine,
                                 book: book, market: market, top: 10)
    }

    @Test func raisingTheThresholdMovesExactlyTheAccountsTheArithmeticSays() throws {
        let report = try Self.impact()
        let changes = report.impact.statusChanges.map { "\($0.id): \($0.oldStatus) → \($0.newStatus)" }
        #expect(changes == [
            "b-call-to-healthy: margin_call → healthy",
            "c-liquidatable-to-call: liquidatable → margin_call",
            "e-call-to-healthy: margin_call → healthy",
        ])
        let byID = Dictionary(uniqueKeysWithValues: report.impact.accounts.map { ($0.id, $0) })
        for (id, debt) in [("a-safe", 700.0), ("b-call-to-healthy", 760), ("c-liquidatable-to-call", 820),
                           ("d-stays-liquidatable", 900), ("e-call-to-healthy", 740)] {
            let account = try #require(byID[id])
            #expect(abs((account.oldHealth ?? 0) - 800 / debt) < 1e-9, "\(id)")
            #expect(abs((account.newHealth ?? 0) - 850 / debt) < 1e-9, "\(id)")
        }
        let other = try #require(byID["g-other-asset"])
        #expect(other.oldHealth == other.newHealth)
        #expect(other.oldStatus == "liquidatable" && other.newStatus == "liquidatable")
        #expect(byID["f-no-debt"]?.statusChanged == false)
    }

    @Test func onlyTheThresholdIsReportedAsAParameterChange() throws {
        let report = try Self.impact()
        #expect(report.changes.map(\.line) == ["class major: liquidation_threshold 80% → 85%; applies to ETH"])
        #expect(report.impact.overall.oldCredit == report.impact.overall.newCredit)
        #expect(report.impact.overall.oldCollateral == report.impact.overall.newCollateral)
    }

    @Test func moversAreOrderedByHealthChangeAndCapped() throws {
        let report = try Self.impact()
        #expect(report.impact.movers(top: 2).map(\.id) == ["a-safe", "e-call-to-healthy"])
        #expect(!report.impact.movers(top: 10).contains { $0.id == "g-other-asset" || $0.id == "f-no-debt" })
    }

    @Test func creditExtendedIsSummedByTier() throws {
        let report = try Self.impact(new: "new.lever")
        let prime = try #require(report.impact.byTier.first { $0.group == "Prime" })
        #expect(prime.oldCredit == 1e6 && prime.newCredit == 2e6)
        #expect(report.impact.overall.newCredit - report.impact.overall.oldCredit == 1e6)
        let assets = report.impact.byAsset.map(\.group)
        #expect(assets == ["ETH", "SOL", "USDC"])
    }
}
