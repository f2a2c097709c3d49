import LeverCheck
import LeverSyntax

/// The policy's chains and bridge rules, as the engine and the plan apply them.
///
/// Collateral on one chain that secures debt on another cannot be seized where the debt is
/// without crossing a bridge: it takes the bridge's finality to arrive, and the bridge can halt.
/// What an account holds on a chain first secures what it owes there; while it owes on another
/// chain, the rest crosses a bridge (the *cross share* of each long balance there, laid out by
/// the engine): that part's haircut gets the chain's `bridge_haircut` on top, and the `bridge`
/// block may cap the share of the account's borrowing power (haircut collateral plus credit
/// line) such parts make up. A scenario shock `arbitrum: halt` makes the crossing part of
/// arbitrum's collateral worth nothing in that scenario.
public struct BridgeRules: Sendable, Hashable {
    /// Declared chains, in declaration order (`chain arbitrum`).
    public var chains: [String] = []
    /// Per chain, the haircut added to its cross-chain collateral (0 when it sets none).
    public var bridgeHaircut: [Double] = []
    /// Per chain, its finality in years (0 when it sets none).
    public var finality: [Double] = []
    /// The chain a position that names none is on (`bridge { home = ethereum }`); nil: such a
    /// position is on no chain, which counts as a chain of its own (an exchange's book).
    public var home: Int? = nil
    /// The largest share of an account's borrowing power (haircut collateral plus credit line)
    /// that cross-chain balances may make up; 1 when the policy sets no cap.
    public var maxCrossChainShare: Double = 1
    /// Where each chain is declared (`credit_desk.lever:70`).
    public var locations: [String] = []

    /// Whether the policy declares chains (else no position is ever cross-chain and the plan
    /// reads no chain input).
    public var isDeclared: Bool { !chains.isEmpty }

    public init() {}
}
