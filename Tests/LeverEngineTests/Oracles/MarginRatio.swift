@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): margin ratio.

/// Margin ratio: `equity ÷ maintenance requirement` (a derivatives venue's health measure).
///
/// Above 1 the account holds more equity than it must maintain. With no maintenance requirement
/// nothing can be breached, so the ratio is `N.infinity`; negative equity gives a negative ratio.
public enum MarginRatio {
    /// `equity ÷ maintenance`, or `N.infinity` when `maintenance` is not positive.
    @inlinable
    public static func of<N: MarginNumber>(equity: N, maintenance: N) -> N {
        guard maintenance > .zero else { return .infinity }
        return equity / maintenance
    }
}
