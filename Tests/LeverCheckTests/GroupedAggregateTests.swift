import Testing
import LeverCheck
import LeverSyntax

/// `sum(x, by: asset)` gives one value per group; only an aggregate around it, which then runs
/// over the groups, turns that into one value per account.
struct GroupedAggregateTests {
    static let header = """
    class crypto { haircut = 10% }
    asset BTC : crypto
    venue Deribit

    """

    @Test func anAggregateOverGroupsChecks() {
        let text = Self.header + """
        measure net per account = sum(abs(sum(quantity * price, by: asset)))
        measure worst per account = max(sum(notional, by: venue where side == short) / (sum(notional) + 1 USD))
        measure classes per account = count(sum(market_value, by: class) < 0 USD)
        """
        #expect(found(text).isEmpty, "\(found(text))")
    }

    @Test func aGroupedAggregateAloneIsOneValuePerGroup() throws {
        let d = try #require(diagnostics(Self.header + "measure net per account = sum(quantity * price, by: asset)").first)
        #expect(d.code == "L0327")
        #expect(d.message == "`sum(…, by: asset)` gives one value per asset, not one per account")
        #expect(d.help?.contains("sum(abs(sum(…, by: asset)))") == true)
    }

    @Test func onlyAssetVenueAndClassGroupPositions() throws {
        let d = try #require(diagnostics(Self.header + "measure n per account = sum(abs(sum(notional, by: assets)))").first)
        #expect(d.code == "L0328")
        #expect(d.message == "positions cannot be grouped by `assets`")
        #expect(d.fixIts.first?.edits.first?.replacement == "asset")
    }

    @Test func oneOuterAggregateGroupsByOneKey() {
        let f = found(Self.header + "measure n per account = sum(sum(notional, by: asset) - sum(notional, by: venue))")
        #expect(f.map(\.code) == ["L0328"], "\(f)")
        #expect(f.first?.message == "this aggregate is grouped by `venue`, but the aggregate around it runs over groups by `asset`")
    }

    @Test func theOuterAggregateHasNoWhere() {
        let f = found(Self.header + "measure n per account = sum(abs(sum(notional, by: asset)) where side == long)")
        #expect(f.map(\.code) == ["L0329"], "\(f)")
    }

    @Test func aPositionNameOutsideTheGroupedAggregateIsAnError() {
        // Which position's notional, in a value computed once per asset?
        let f = found(Self.header + "measure n per account = sum(abs(sum(quantity, by: asset)) * notional)")
        #expect(f.map(\.code) == ["L0311"], "\(f)")
    }

    @Test func aPlainAggregateInsideAnotherIsStillNested() throws {
        let d = try #require(diagnostics(Self.header + "measure n per account = sum(sum(notional))").first)
        #expect(d.code == "L0320")
        #expect(d.help?.contains("by: asset") == true)
    }
}
