import LeverCheck
import LeverSyntax
import LeverNumerics

/// What an output holds, so reports can render it.
public enum OutputKind: Sendable, Hashable {
    /// A number with its dimension (`USD`, ratio, time).
    case number(Dimension)
    /// A true/false flag (1 or 0).
    case flag
    /// An index into `labels` (tier names, status words, string measures); −1 is "none".
    case label([String])
}

/// One named result per account.
public struct OutputInfo: Sendable, Hashable {
    public var name: String
    public var kind: OutputKind
    /// Declared by the policy (`measure`) rather than standard.
    public var isMeasure: Bool
}

/// Options fixed when a policy is compiled.
public struct CompileOptions: Sendable, Hashable {
    /// Interest accrual horizon in years (default one day).
    public var horizon: Double
    /// Position-level measures to lower although no account result uses them, so that their
    /// per-position values can be traced (the REPL's `z * vol`). Account-level measures are
    /// always lowered: they are outputs.
    public var probes: Set<String>
    /// The number model to compile for instead of the policy's own `arithmetic` block (`lever
    /// bench --exact wad` times a `float` policy in fixed point); nil keeps the policy's.
    public var arithmetic: Arithmetic?
    public init(horizon: Double = 1.0 / 365, probes: Set<String> = [], arithmetic: Arithmetic? = nil) {
        self.horizon = horizon
        self.probes = probes
        self.arithmetic = arithmetic
    }
}

/// The program of a policy that computes in exact fixed point, for its number type.
public enum ExactProgram: Sendable {
    case wad(Program<Wad>)
    case ray(Program<Ray>)
}

/// A checked policy compiled for evaluation: the plan, its program for `Double` (and, for a
/// fixed-point policy, for its exact number type), and the metadata reports need. Immutable
/// and safe to share across threads.
public struct CompiledPolicy: Sendable {
    public let plan: Plan
    /// The `Double` program: every policy has one (`explain` traces it, and a fixed-point
    /// policy's decisions are cross-checked against it by tests).
    public let program: Program<Double>
    /// The policy's number model (`arithmetic { numbers = … }`).
    public internal(set) var arithmetic = Arithmetic()
    /// The program the engine evaluates a fixed-point policy with; nil for `float`.
    public internal(set) var exactProgram: ExactProgram?
    /// The policy's assets, in the order market and book columns use.
    public let assets: [String]
    /// Each asset's class.
    public let assetClasses: [String]
    public let venues: [String]
    /// Per reported plan output, what it holds. The plan's outputs past these are the runtime
    /// assertions' (`assertions`), which reports show apart.
    public let outputs: [OutputInfo]
    /// The assertions checked on every evaluation (those the checker could not prove).
    public let assertions: [CompiledAssertion]
    /// Strings interned as numbers (categorical attributes compare by these codes).
    public let strings: [String]
    /// Settings the engine applies outside the plan (oracle rules), already in base units.
    public let oracle: OracleSettings
    /// The declared input ranges the engine holds data to (`DeclaredInputRange`).
    public internal(set) var inputRanges: [DeclaredInputRange] = []
    /// The policy's flags, raised per account from its results (`CompiledFlag.raised`).
    public internal(set) var flags: [CompiledFlag] = []
    /// The remedies the policy offers (`remedy top_up in USDC`, `remedy repay`, `remedy reduce`);
    /// nil when it declares none, which offers every one.
    public internal(set) var remedies: RemedyOffer? = nil
    /// The chains and bridge rules (`chain …`, `bridge { … }`).
    public internal(set) var bridge = BridgeRules()
    /// How the scores the tiers read are held to their age (`reputation { … }`).
    public internal(set) var reputation = ReputationRules(scores: [], stale: .unvalued, location: "")

    /// Market inputs the policy declares beyond the engine's (`input asset.adv_30d in […]`),
    /// read from each asset's `inputs` in the market file.
    public var declaredMarketInputs: [AssetInput] {
        inputRanges.compactMap { range in
            guard range.path.hasPrefix("asset."), case .market(let input, nil) = range.target else { return nil }
            return input
        }
    }

    /// The output's index by name.
    public func output(_ name: String) -> Int? { outputs.firstIndex { $0.name == name } }
}

/// How the engine treats market data that cannot be used as is.
public struct OracleSettings: Sendable, Hashable {
    public enum StalePrice: String, Sendable, Hashable { case zero, reject, keep }
    /// Oldest usable price, in years; infinite when the policy sets none.
    public var maxPriceAge: Double
    /// Per policy asset, its own `max_price_age` (set in its class chain or its block), in
    /// years; empty when no asset sets one. An asset's own limit wins over the oracle block's.
    public var maxPriceAgeByAsset: [Double] = []

    /// The oldest usable price of one asset (by policy index).
    public func maxPriceAge(asset: Int) -> Double {
        maxPriceAgeByAsset.indices.contains(asset) ? maxPriceAgeByAsset[asset] : maxPriceAge
    }
    /// How far after the snapshot's `as_of` a price may be timestamped and still be used, in
    /// years: clocks of feeds and of the snapshot differ a little; a price from further ahead is
    /// no quote (it could never go stale).
    public var maxClockSkew: Double
    /// Oldest usable market input other than the price (a given mark, funding, open interest,
    /// volume, declared inputs), in years, by the time the market gives it: the block's
    /// `max_input_age`, else its `max_price_age`, else infinite.
    public var maxInputAge: Double
    public var stalePrice: StalePrice
    /// The utilization of a pool with nothing supplied and nothing borrowed: 0 unless the
    /// policy says otherwise (some protocols read an empty pool as fully used).
    public var emptyPoolUtilization: Double = 0

    /// `max_clock_skew` when the policy sets none: one minute.
    public static let defaultMaxClockSkew = 60.0 / 31_536_000

    /// Settings in base units (years for durations).
    public init(maxPriceAge: Double, maxClockSkew: Double = defaultMaxClockSkew, stalePrice: StalePrice) {
        self.maxPriceAge = maxPriceAge
        self.maxClockSkew = maxClockSkew
        self.maxInputAge = maxPriceAge
        self.stalePrice = stalePrice
    }
}

/// Compiles a checked policy. Entry point of the compile phase.
public enum Compiler {
    /// Lowers the checked policy to a plan and builds its `Double` program. A policy with check
    /// errors is refused (nil, with the diagnostics to show).
    public static func compile(_ checked: CheckResult, options: CompileOptions = CompileOptions())
        -> (CompiledPolicy?, [Diagnostic]) {
        guard checked.isValid else { return (nil, checked.diagnostics) }
        var lowerer = Lowerer(checked: checked, options: options)
        lowerer.lowerAll()
        guard !lowerer.diagnostics.hasErrors else { return (nil, lowerer.diagnostics) }
        let plan = lowerer.builder.plan
        var policy = CompiledPolicy(
            plan: plan, program: Program<Double>(plan), assets: lowerer.assets,
            assetClasses: lowerer.assetClasses, venues: lowerer.venues, outputs: lowerer.outputInfos,
            assertions: lowerer.assertions,
            strings: lowerer.strings, oracle: lowerer.oracleSettings())
        policy.arithmetic = lowerer.arithmetic
        switch lowerer.arithmetic.numbers {
        case .float: break
        case .wad: policy.exactProgram = .wad(Program<Wad>(plan))
        case .ray: policy.exactProgram = .ray(Program<Ray>(plan))
        }
        policy.inputRanges = lowerer.declaredInputRanges()
        policy.flags = lowerer.flags
        policy.remedies = RemedyOffer(checked.symbols)
        policy.reputation = lowerer.reputation
        policy.bridge = lowerer.bridges
        return (policy, lowerer.diagnostics)
    }
}

extension CompiledPolicy {
    /// The engine's status words, by the `status` output's code: `healthy`, `margin_call`,
    /// `liquidatable`. An account whose status depends on an undefined value is `unvalued`.
    public static let statusWords = Lowerer.statusWords
}
