import LeverSyntax

/// Proves `assert` declarations by interval analysis over declared input ranges.
///
/// For each instance (each asset of `assert every asset: …`, or the policy itself) the
/// condition is evaluated with `IntervalEvaluator`: names set in the instance's blocks fold
/// their override chain (`=` replaces, `+=` adds, `-=` subtracts, `*=` multiplies), everything
/// else comes from the checker's evaluator (params, input ranges). A condition true for every
/// value is proved; false for every value is an error naming the instance; anything in between
/// is kept as a runtime check and reported as a note, never as a false claim.
public enum ProofAnalysis {
    /// How far property chains may refer to each other (`maintenance = 60% * initial`) before
    /// a name counts as unknown; also what stops cycles.
    public static let maxChainDepth = 16

    /// One thing an assertion is proved for: an asset, a class, or the policy as a whole.
    public struct Instance {
        /// `PEPE` for an asset; nil for an assertion without `every`.
        public var name: String?
        /// Where the instance is declared, for a secondary label.
        public var span: Span?
        /// The contributions to a property in override order (root first); empty when the
        /// instance does not set it.
        public var chain: (String) -> [Property]
        /// Adjustments that may or may not apply on top of the chain (venue add-ons): the result
        /// is the hull of the chain's value and each adjusted value.
        public var adjustments: (String) -> [Property]

        /// Makes an instance from closures (`SymbolTable.propertyChain(asset:property:)` fits `chain`).
        public init(name: String?, span: Span? = nil, chain: @escaping (String) -> [Property],
                    adjustments: @escaping (String) -> [Property] = { _ in [] }) {
            self.name = name
            self.span = span
            self.chain = chain
            self.adjustments = adjustments
        }
    }

    /// What the analysis concluded for one instance.
    public struct Result: Sendable, Hashable {
        /// Proved (true for every value), disproved (false for every value), or unknown (kept
        /// as a runtime check).
        public enum Outcome: Sendable, Hashable { case proved, disproved, unknown }
        /// The instance (`PEPE`), or nil for the policy as a whole.
        public var instance: String?
        /// What the analysis concluded.
        public var outcome: Outcome
        /// The values the assertion's subject can take (`haircut` in `haircut in [0%, 100%]`), if it has one.
        public var subject: Bounds?
    }

    /// Every instance's result plus the diagnostics: an error per disproved instance and one
    /// note listing the instances kept as runtime checks. Proved instances give no diagnostic;
    /// `results` lets `lever check --verbose` show them.
    public struct Report {
        /// One result per instance, in instance order.
        public var results: [Result]
        /// L0601 errors and the L0602 note.
        public var diagnostics: [Diagnostic]
    }

    /// Proves one assertion for each instance.
    ///
    /// Wiring contract: run after `units` (the `proofs` stage). `span` is the assertion's
    /// condition span (where diagnostics point). `evaluator` resolves everything that is not an
    /// instance property: params folded, inputs to their declared ranges (`vol`, `account.score`,
    /// and per-asset `SOL.vol`, which is tried first for an asset instance), unknown names nil.
    public static func check(_ assertion: Assertion, span: Span, instances: [Instance],
                             evaluator: IntervalEvaluator) -> Report {
        let condition = assertion.condition
        let results = instances.map { instance -> Result in
            let resolver = Resolver(instance: instance, base: evaluator)
            let ev = resolver.evaluator(depth: 0)
            let subject = Self.subject(of: condition).map { ev.bounds($0) }
            var truth = ev.truth(condition)
            if truth == .unknown { truth = resolver.affineTruth(condition) }
            let outcome: Result.Outcome = switch truth {
            case .true: .proved
            case .false: .disproved
            case .unknown: .unknown
            }
            return Result(instance: instance.name, outcome: outcome, subject: subject)
        }
        return Report(results: results, diagnostics: diagnostics(results, condition, span: span, instances: instances))
    }

    /// The left side of a comparison or `in`, which messages talk about.
    static func subject(of condition: Expr) -> Expr? {
        switch condition.kind {
        case .inRange(let e, _): e
        case .binary(let op, let e, _) where op.isComparison: e
        case .paren(let inner): subject(of: inner)
        default: nil
        }
    }
}
