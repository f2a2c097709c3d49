@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): scenario (SPAN-style) margin.

/// SPAN's scan risk: the worst loss over a set of scenario revaluations.
///
/// Each scenario's P&L comes from fully revaluing the position under a price/vol shock (the
/// engine does that; extreme moves arrive already weighted, e.g. 35% of a 2× move). The
/// requirement is the largest loss, never negative: `max(0, −min(P&L))`.
public enum ScenarioMargin {
    /// `max(0, −min(pnl))`; zero for no scenarios.
    @inlinable
    public static func scanRisk<N: MarginNumber, C: Sequence>(pnl: C) -> N where C.Element == N {
        var worst = N.zero
        for value in pnl where value < worst { worst = value }
        return N.zero - worst
    }

    /// The 0-based indices of the scenarios that attain the worst P&L (all ties, in order).
    public static func worstScenarios<N: MarginNumber>(pnl: [N]) -> [Int] {
        guard let worst = pnl.min() else { return [] }
        return pnl.indices.filter { pnl[$0] == worst }
    }
}
