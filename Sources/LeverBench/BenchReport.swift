/// What `lever bench` measured: the compiled policy and, for the workload, the hand-written
/// baseline, per thread count, with what each side's timed region holds. Renders as a table or
/// JSON (`BenchReport+Table.swift`, `BenchReport+JSON.swift`); every byte but the timings is
/// deterministic.
public struct BenchReport: Sendable, Equatable {
    /// How the baseline fared before timing.
    public enum Baseline: Sendable, Equatable {
        /// Both agree on every account and output; the baseline is timed too.
        case agrees(accounts: Int)
        /// They differ (the first few, by account): nothing was timed and the run fails.
        case disagrees([Disagreement])
        /// No baseline applies; Lever is timed alone. The reason says why.
        case none(String)
    }

    /// How the native backend fared before timing (`lever bench` times it beside the closure
    /// engine unless told not to).
    public enum Native: Sendable, Equatable {
        /// Not asked for: only the closure engine is timed.
        case notAsked
        /// No native code (no compiler, or it failed): the reason; the closure engine is timed alone.
        case unavailable(String)
        /// Its results are the closure engine's, bit for bit, on every account and output
        /// (undefined where the closure engine's are); it is timed too.
        case identical(accounts: Int, library: String)
        /// They differ (the first difference): nothing of it is timed and the run fails.
        case differs(String)
    }

    /// One thread count's timings.
    public struct Run: Sendable, Equatable {
        public var threads: Int
        public var lever: Timing
        /// Nil when there is no baseline.
        public var baseline: Timing?
        /// The native backend's timing, when it was timed.
        public var native: Timing?

        /// A run at `threads`.
        public init(threads: Int, lever: Timing, baseline: Timing?) {
            self.threads = threads
            self.lever = lever
            self.baseline = baseline
        }

        /// Lever's median over the baseline's median (how many times slower Lever is).
        public var ratio: Double? { baseline.map { lever.median / $0.median } }
        /// Lever's fastest over the baseline's fastest.
        public var minimumRatio: Double? { baseline.map { lever.minimum / $0.minimum } }
        /// The native backend's median and fastest over the baseline's.
        public var nativeRatio: Double? { baseline.flatMap { b in native.map { $0.median / b.median } } }
        public var nativeMinimumRatio: Double? { baseline.flatMap { b in native.map { $0.minimum / b.minimum } } }
    }

    /// A price tick's timings: the holders of one asset re-evaluated after its price moved.
    public struct Tick: Sendable, Equatable {
        public var tick: PriceTick
        /// Accounts holding the asset (those re-evaluated).
        public var holders: Int
        public var baseline: Baseline
        public var runs: [Run]
        /// The native backend on the holders.
        public var native: Native = .notAsked
        /// The holders' input adaptation, timed apart (nil when nothing was timed).
        public var adaptation: Timing?

        /// A tick's outcome.
        public init(tick: PriceTick, holders: Int, baseline: Baseline, runs: [Run]) {
            self.tick = tick
            self.holders = holders
            self.baseline = baseline
            self.runs = runs
        }
    }

    /// The policy's name and version.
    public var policy: String
    /// Which hand-written baseline applies, for what its timed region holds and what it compares.
    public var baselineKind: BaselineKind = .workload
    /// Where the book came from (`generated, seed 20250101` or its path), and its size.
    public var book: String
    public var accounts: Int, positions: Int
    /// Where the market came from, and how many assets it has.
    public var market: String
    public var assets: Int
    /// False for a debug build: its timings say little about a release build.
    public var optimized: Bool
    /// Untimed warm-up runs, then timed repetitions, per engine and thread count.
    public var warmups: Int, repeats: Int
    public var baseline: Baseline
    public var runs: [Run]
    /// The native backend over the whole book.
    public var native: Native = .notAsked
    /// The price tick, when one was asked for.
    public var tick: Tick?
    /// Accounts the engine could not evaluate (input errors, e.g. an asset the policy does not
    /// declare). They are laid out with no positions and would cost almost nothing, so when there
    /// is any, nothing is timed and the run fails.
    public var notEvaluated = 0
    /// The first account not evaluated and its first note (`acct-000001: asset BTC is not
    /// declared in the policy`), so the report says why without a separate `lever eval`.
    public var firstNote: String?
    /// `MarginEngine.programInputs` over the whole book, timed apart: outside both timed regions
    /// and the ratio, but paid by every `MarginEngine.evaluate` call (nil when nothing was timed).
    public var adaptation: Timing?
    /// `MarginEngine.repriced` over the whole book, timed apart: what a service that keeps the
    /// book laid out pays per price move instead of `adaptation` (nil when nothing was timed).
    public var repricing: Timing?
    /// The engine version that ran (`EngineVersion.describe(revision:)`), set by the caller;
    /// shown in the header and as JSON's `engine` when set.
    public var engineVersion: String?
    /// The same policy in exact fixed point against binary64 (`--exact`), when asked for.
    public var exact: ExactCost?

    /// A report; `runs` is empty when the baseline disagreed.
    public init(policy: String, book: String, accounts: Int, positions: Int, market: String, assets: Int,
                optimized: Bool, warmups: Int, repeats: Int, baseline: Baseline, runs: [Run], tick: Tick? = nil) {
        self.policy = policy
        self.book = book
        self.accounts = accounts
        self.positions = positions
        self.market = market
        self.assets = assets
        self.optimized = optimized
        self.warmups = warmups
        self.repeats = repeats
        self.baseline = baseline
        self.runs = runs
        self.tick = tick
    }

    /// True when an account was not evaluated, or Lever and the baseline disagree on the book or
    /// after the tick (exit status 1).
    public var hasFindings: Bool {
        notEvaluated > 0 || [baseline, tick?.baseline].contains { if case .disagrees? = $0 { true } else { false } }
            || [native, tick?.native].contains { if case .differs? = $0 { true } else { false } }
    }

    /// What Lever's timed region holds.
    public static let leverRegion = """
        Program.prepare (the per-asset nodes, once) + Program.evaluate (the compiled steps over \
        batches of accounts) into per-output result arrays; outside: reading or generating the \
        inputs, laying them out as program columns (ProgramInputs, timed apart as `adaptation`: \
        oracle rules, and position rows (PositionRow) that include a precomputed position side \
        column and options' years to expiry), building the report
        """
    /// What the native line times.
    public static let nativeRegion = """
        Program.prepare (the per-asset nodes, once) + the policy's native code (NativeProgram: the \
        plan's per-account work fused into one C function, compiled by clang, loaded once) into the \
        same result arrays; outside: the same as lever's
        """
    /// What the adaptation line times.
    public static let adaptationRegion = """
        MarginEngine.programInputs (oracle rules, position rows), 1 thread; outside both timed \
        regions and the ratio, but MarginEngine.evaluate pays it on every call
        """
    /// What the repricing line times.
    public static let repricingRegion = """
        MarginEngine.repriced (the same book under a new snapshot: the market laid out again, the \
        book's columns reused), 1 thread; what a service keeping the book laid out pays per price move
        """
    /// The shipped policies a hand-written Swift baseline exists for.
    public enum BaselineKind: Sendable, Equatable {
        /// `Rules/margin_workload.lever` (the shared margin workload).
        case workload
        /// `Rules/portfolio_margin.lever` (a derivatives desk's risk array).
        case portfolio

        /// What the baseline's timed region holds.
        public var region: String {
            switch self {
            case .workload: """
                phase 1 per asset (haircut, threshold, rate) + phase 2 per account over flat arrays into \
                per-account result arrays; outside: building the flat arrays (WorkloadLayout) from the same \
                Book and MarketSnapshot
                """
            case .portfolio: """
                per account over flat arrays: each position valued now and in the 16 scenarios (options by \
                Black–Scholes–Merton), worst losses, net delta and days to exit per underlying, requirement, \
                health, status and flags into per-account result arrays; outside: building the flat arrays \
                (PortfolioLayout) from the same Book and MarketSnapshot
                """
            }
        }

        /// How close two numbers must be to agree.
        public var tolerance: String {
            switch self {
            case .workload: "1e-9 relative"
            case .portfolio: "1e-9 relative; equity and saving, differences of near-equal amounts, within 1e-9 of the standalone requirement"
            }
        }

        /// The outputs compared before timing.
        public var fields: [String] {
            switch self {
            case .workload: WorkloadResults.fields
            case .portfolio: PortfolioResults.fields
            }
        }
    }
    /// What a tick's timed region holds.
    public static let tickRegion = """
        the same regions over the holders only, from the ticked snapshot (per-asset values \
        recomputed); outside: finding the holders and laying out their columns, an index a live \
        system keeps as the book changes
        """
    /// The warning a debug build's report carries.
    public static let debugWarning = "debug build: timings are not representative; build with `swift build -c release`"
}
