import Lever

/// Everything `lever diff` shows: the two policies, the parameter changes, the impact on the
/// book, the curves of both versions, and any guardrail violations.
public struct PolicyDiffReport: Sendable {
    public var oldPolicy: PolicyIdentity
    public var newPolicy: PolicyIdentity
    public var changes: [ParameterChange]
    public var impact: PolicyImpact
    /// How many movers to show.
    public var top: Int
    /// Rate curves of both versions, sampled for drawing.
    public var curves: [CurveComparison]
    public var violations: [ChangeViolation]
    /// Haircut against notional of size-scaled assets under both versions.
    public var haircutCurves: [HaircutCurve]

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
}

/// One curve under both versions: sampled (x, y) points in base units; nil for a version that
/// does not declare it or whose curve is not constant.
public struct CurveComparison: Sendable, Hashable {
    public var name: String
    public var old: [CurveSample]?
    public var new: [CurveSample]?
}

/// A point of a sampled curve.
public struct CurveSample: Sendable, Hashable {
    public var x: Double
    public var y: Double
}
