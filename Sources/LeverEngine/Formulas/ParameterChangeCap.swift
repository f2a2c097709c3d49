import LeverNumerics
// LeverEngine formulas: how far a risk parameter may move in one update.

/// A limit on how far one update may move a risk parameter (Aave's risk stewards).
///
/// `absolute`: the change itself is capped (thresholds, LTV: `|new − old| ≤ cap`, e.g. 10 bps
/// points). `relative`: the change is capped as a share of the old value (supply and borrow
/// caps: `|new − old| ≤ cap × old`, rounded down as the contract's `maxPercentChange × from ÷ 1e4`).
/// Both bounds are inclusive. Aave's README example for LTV (70% ± 10% → 63%–77%) is the
/// relative reading and contradicts the contract (`isChangeRelative = false` for LTV: 60%–80%);
/// Lever follows the contract.
public struct ParameterChangeCap<N: MarginNumber>: Sendable, Hashable {
    /// How the cap is measured.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// `|new − old| ≤ cap`.
        case absolute
        /// `|new − old| ≤ cap × old`.
        case relative
    }

    /// How the cap is measured.
    public var mode: Mode
    /// The largest allowed move (absolute amount, or share of the old value).
    public var maximum: N

    /// A cap.
    public init(_ mode: Mode, maximum: N) {
        self.mode = mode
        self.maximum = maximum
    }

    /// The largest allowed distance from `old`.
    @inlinable
    public func allowedDistance(from old: N) -> N {
        switch mode {
        case .absolute: maximum
        case .relative: maximum.multiplied(by: old < .zero ? N.zero - old : old, rounding: .down)
        }
    }

    /// Whether moving from `old` to `new` stays within the cap (`lever diff --enforce`).
    @inlinable
    public static func allowedChange(old: N, new: N, cap: ParameterChangeCap<N>) -> Bool {
        guard old.isValid, new.isValid else { return false }
        let distance = new > old ? new - old : old - new
        return distance <= cap.allowedDistance(from: old)
    }
}
