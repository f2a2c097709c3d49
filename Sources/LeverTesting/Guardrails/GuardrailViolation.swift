import LeverCheck

/// A guarded parameter that moved further than its cap allows, or that changed in a way no
/// number can be compared for.
///
/// `lever diff --enforce` fails on any violation and prints `message`, which names the
/// parameter, the asset or row, both values and the cap with where it was declared.
public struct GuardrailViolation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Both values are constant and they differ by more than the cap.
        case exceeded
        /// A value depends on the market, a position or an account, and its rule changed, so
        /// the move cannot be measured: a committee must look at it (it still fails `--enforce`).
        case cannotCompare = "cannot_compare"
        /// The guard's `every` period has not passed since the parameter's last approved change
        /// (or no change history was given to tell).
        case tooSoon = "too_soon"
    }

    /// What went wrong.
    public var kind: Kind
    /// The guarded parameter as messages name it: `liquidation_threshold`, `param z`, `tier.credit_line`.
    public var parameter: String
    /// Whose value moved: `asset WETH`, `tier Prime`; nil for a single value (a param).
    public var row: String?
    /// The approved value in base units (USD, years; ratios as fractions), nil when not constant.
    public var old: Double?
    /// The proposed value in base units, nil when not constant.
    public var new: Double?
    /// The cap in base units, or as a fraction of the old value when `isRelative`.
    public var cap: Double
    /// The cap is a share of the old value.
    public var isRelative: Bool
    /// `path:line` of the guard declaration in the approved policy.
    public var declaredAt: String
    /// One readable sentence: `asset WETH: liquidation_threshold moved 86% → 92% (+6 points), …`.
    public var message: String

    /// The message, so a violation prints as its sentence.
    public var description: String { message }
}
