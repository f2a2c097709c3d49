import LeverCheck
import LeverCompile

/// A runtime assertion (`CompiledAssertion`) that did not hold for one account: broken, or
/// undecided because a value it reads is undefined. Either way it is a finding: a risk engine
/// never takes an assertion it could not check as passed.
public struct AssertionViolation: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        /// The condition is false.
        case broken
        /// The condition reads an undefined value, so it could not be checked.
        case undecided

        /// What a compiled assertion's verdict for one account says: nil when it holds (1),
        /// `undecided` when it is undefined, `broken` when it is false (0).
        init?(holds: Double) {
            if holds.isNaN { self = .undecided } else if holds == 0 { self = .broken } else { return nil }
        }

        /// A breach no status handles: one that could not be checked, or one whose assertion
        /// says no consequence. `lever eval` counts these as findings.
        func isUnhandled(consequence: String?) -> Bool { self == .undecided || consequence == nil }
    }

    /// One value the condition compared (`leverage = 5389534`).
    public struct Value: Sendable, Hashable {
        /// The expression as written.
        public var text: String
        /// Nil when undefined (so that two equal reports compare equal: NaN ≠ NaN).
        public var value: Double?
        public var dimension: Dimension

        public init(text: String, value: Double, dimension: Dimension) {
            self.text = text
            self.value = value.isNaN ? nil : value
            self.dimension = dimension
        }
    }

    /// One position that breaks a per-position assertion, with the values it compared.
    public struct Position: Sendable, Hashable {
        /// `FTT spot +1000 @ Binance`.
        public var position: String
        public var outcome: Outcome
        public var values: [Value]
    }

    /// The assertion as written, without `assert` (`every account: leverage <= …`).
    public var assertion: String
    /// `prime.lever:248`.
    public var location: String
    public var outcome: Outcome
    /// `margin_call` when the assertion says `else margin_call`: the status a breach gave the
    /// account (already in its `status`). A broken assertion with a consequence is handled as
    /// the committee decided and does not fail the run; one without does.
    public var consequence: String? = nil
    /// For an account-level assertion, the values it compared.
    public var values: [Value]
    /// For a per-position assertion, the positions that break it or could not be checked.
    public var positions: [Position]
}
