import Lever

/// Everything `lever diff` shows: the two policies, the parameter changes, the impact on the
/// book, the curves of both versions, any guardrail violations, and what it was measured with.
public struct PolicyDiffReport: Sendable {
    /// Which rules the old version is.
    public var oldPolicy: PolicyIdentity
    /// Which rules the new version is.
    public var newPolicy: PolicyIdentity
    /// The semantic parameter changes.
    public var changes: [ParameterChange]
    /// The effect on the book.
    public var impact: PolicyImpact
    /// How many movers to show.
    public var top: Int
    /// Rate curves of both versions, sampled for drawing.
    public var curves: [CurveComparison]
    /// Guardrail violations: the change moves a guarded parameter further than its cap. Always
    /// computed, so a committee sees a breach whether or not the run enforces the guards.
    public var violations: [ChangeViolation]
    /// Whether the guardrails fail the run (`--enforce`); otherwise breaches are warnings.
    public var guardrailsEnforced = false
    /// Haircut against notional of size-scaled assets under both versions.
    public var haircutCurves: [HaircutCurve]
    /// The engine, the policy files, and the book and market measured, when the caller records
    /// them (`lever diff` does).
    public var provenance: DiffProvenance?

    /// A report record.
    public init(oldPolicy: PolicyIdentity, newPolicy: PolicyIdentity, changes: [ParameterChange],
                impact: PolicyImpact, top: Int, curves: [CurveComparison], violations: [ChangeViolation] = [],
                haircutCurves: [HaircutCurve] = []) {
        self.oldPolicy = oldPolicy
        self.newPolicy = newPolicy
        self.changes = changes
        self.impact = impact
        self.top = top
        self.curves = curves
        self.violations = violations
        self.haircutCurves = haircutCurves
    }

    /// The movers shown.
    public var movers: [AccountImpact] { impact.movers(top: top) }

    /// Both versions state the same version string but their rules differ: a warning, and an
    /// error under `--enforce`.
    public var versionConflict: VersionConflict? { VersionConflict(old: oldPolicy, new: newPolicy) }

    /// Whether an enforced run fails: a guardrail is exceeded or the versions conflict.
    public var failsEnforcement: Bool { !violations.isEmpty || versionConflict != nil }
}

/// One curve under both versions: sampled (x, y) points in base units; nil for a version that
/// does not declare it or whose curve is not constant.
public struct CurveComparison: Sendable, Hashable {
    /// The curve's name (or a chart title).
    public var name: String
    /// Samples of the old version.
    public var old: [CurveSample]?
    /// Samples of the new version.
    public var new: [CurveSample]?

    /// Both versions of one curve.
    public init(name: String, old: [CurveSample]?, new: [CurveSample]?) {
        self.name = name
        self.old = old
        self.new = new
    }
}

/// A point of a sampled curve.
public struct CurveSample: Sendable, Hashable {
    /// The argument, in base units.
    public var x: Double
    /// The value, in base units.
    public var y: Double

    /// A point (`lever doc` samples curves the diff does not draw).
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
