import LeverCheck
import LeverSyntax

/// An `assert` the checker could not prove, compiled into the program so that it is checked on
/// every evaluation (`eval`, `explain`, `test`, `diff`, the REPL and the library alike).
///
/// Its results are plan outputs past the policy's reported ones (`CompiledPolicy.outputs`), so
/// checking it costs one pass of its condition over the batch, like any measure.
public struct CompiledAssertion: Sendable, Hashable {
    /// Where the condition is checked.
    public enum Level: String, Sendable, Hashable {
        /// Once per account (`every account:`, `every tier:`, or no quantifier).
        case account
        /// For each position of the account (`every position:`, and `every asset:`, `every class:`,
        /// `every venue:` for the assets and venues each position holds).
        case position
    }

    /// The assertion as written: `every account: leverage <= leverage_limit.max_leverage`.
    public var text: String
    /// `prime.lever:248`: the file's name and line, stable wherever the policy is read from.
    public var location: String
    public var level: Level
    /// Plan output: 1 when the assertion holds for the account, 0 when it is broken, undefined
    /// when it cannot be decided (an input it reads is undefined).
    public var holds: Int
    /// Plan output, position level only: how many positions certainly break it.
    public var breaches: Int?
    /// The values that decide it, for the report (`leverage`, `leverage_limit.max_leverage`):
    /// plan outputs for an account-level assertion, plan nodes (read from a trace of the one
    /// account) for a position-level one.
    public var operands: [Operand]
    /// Plan node of the per-position verdict (position level only), for the trace.
    public var positionHolds: NodeRef?
    /// `else margin_call`: the status a breach gives the account, already applied to its
    /// `status`; nil when a breach is only reported (and fails the run).
    public var consequence: String?

    /// One value a report shows next to a broken assertion.
    public struct Operand: Sendable, Hashable {
        /// The expression as written (`leverage`).
        public var text: String
        /// Its dimension, to render it (`USD`, ratio).
        public var dimension: Dimension
        /// An output index (account level) or a plan node index (position level).
        public var index: Int
    }
}
