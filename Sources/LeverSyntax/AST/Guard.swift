/// `guard liquidation_threshold moves at most 5%`: how far one change of the policy may move a
/// parameter (a risk steward's cap).
///
/// The target is kept as written; the checker decides what it names (a property of every asset,
/// `ASSET.property`, `CLASS.property`, a param, `TABLE.field`, `CURVE.slope1`, `margin.setting`),
/// because that depends on the other declarations.
public struct GuardDecl: Sendable, Hashable {
    /// Written `guard param z …`: the target is a param, never a property of the same name.
    public var isParam: Bool
    /// The guarded name, dotted as written (`WETH.ltv`, `margin.close_factor`).
    public var target: Name
    /// The largest move allowed: in the parameter's own unit, or a share of the old value.
    public var cap: Expr
    /// Written with `relative`: the cap is a share of the old value, not an amount.
    public var isRelative: Bool
    /// `every 3 days`: at most one change of the parameter in this time (a risk steward's
    /// debounce), judged against the committee's approval records; nil when not written.
    public var every: Expr?

    /// A guard as parsed; the parser is the only maker outside tests.
    public init(isParam: Bool, target: Name, cap: Expr, isRelative: Bool, every: Expr? = nil) {
        self.isParam = isParam
        self.target = target
        self.cap = cap
        self.isRelative = isRelative
        self.every = every
    }

    /// The declaration's canonical text, shared by the formatter and `ASTDump`:
    /// `guard param z moves at most 0.1 every 3 days`, with the cap and the period rendered by
    /// `render`.
    public func text(_ render: (Expr) -> String) -> String {
        "guard \(isParam ? "param " : "")\(target.text) moves at most \(render(cap))\(isRelative ? " relative" : "")"
            + (every.map { " every \(render($0))" } ?? "")
    }
}
