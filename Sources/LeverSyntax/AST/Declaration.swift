/// A parsed policy file.
public struct Policy: Sendable, Hashable {
    public var file: Int
    public var header: Header?
    public var imports: [Import]
    public var declarations: [Declaration]
    public init(file: Int, header: Header?, imports: [Import], declarations: [Declaration]) {
        self.file = file
        self.header = header
        self.imports = imports
        self.declarations = declarations
    }
}

/// `policy "Name" version "2026.11"`.
public struct Header: Sendable, Hashable {
    public var span: Span
    public var name: String
    public var version: String?
}

/// `import "base.lever"`: path relative to the importing file.
public struct Import: Sendable, Hashable {
    public var span: Span
    public var path: String
}

public struct Declaration: Sendable, Hashable {
    public var id: NodeID
    public var span: Span
    /// `override` was written: this declaration replaces an imported one of the same name.
    public var isOverride: Bool
    public var kind: DeclKind
    public init(id: NodeID, span: Span, isOverride: Bool, kind: DeclKind) {
        self.id = id
        self.span = span
        self.isOverride = isOverride
        self.kind = kind
    }

    /// The declared name, when the declaration has one (`margin` and `assert` have none; a guard's
    /// is its target, so two guards on one target clash as duplicates).
    public var name: Name? {
        switch kind {
        case .param(let n, _), .input(let n, _), .measure(let n, _, _), .scenario(let n, _): n
        case .classDecl(let n, _, _), .asset(let n, _, _), .venue(let n, _), .chain(let n, _): n
        case .table(let t): t.name
        case .curve(let c): c.name
        case .guardrail(let g): g.target
        case .flag(let f): f.text
        case .remedy(let r): Name("remedy \(r.kind.text)", span: r.kind.span)
        case .settings, .assertion: nil
        }
    }
}

public enum DeclKind: Sendable, Hashable {
    /// `param horizon = 2 days`.
    case param(Name, Expr)
    /// `input vol in [0, 5]`: the declared range of a market or account input, used by proofs.
    /// The name may be dotted (`account.score`), kept as one `Name` with the dots.
    case input(Name, Interval)
    /// `class major : base { … }`.
    case classDecl(Name, parent: Name?, body: [Property])
    /// `asset SOL : alt { … }`.
    case asset(Name, cls: Name, body: [Property])
    /// `venue Binance { … }`.
    /// `chain arbitrum { bridge_haircut = 2%; finality = 20 min }`: a chain positions may be
    /// on, with its bridge rules for collateral that secures debt on another chain.
    case chain(Name, body: [Property])
    case venue(Name, body: [Property])
    /// A settings block: `margin { … }` or `oracle { … }`.
    case settings(Keyword, body: [Property])
    case table(TableDecl)
    case curve(CurveDecl)
    /// `scenario crash { major: -30%, vol: +50% }`.
    case scenario(Name, [Shock])
    case assertion(Assertion)
    /// `measure borrowing_power per account = …`.
    case measure(Name, level: MeasureLevel, Expr)
    /// `guard liquidation_threshold moves at most 5%`: a cap on how far one change may move a parameter.
    case guardrail(GuardDecl)
    /// `flag "stale_price:{asset}" when price_status == stale`.
    case flag(FlagDecl)
    /// `remedy top_up in USDC, USDT` or `remedy repay`: a remedy the policy offers.
    case remedy(RemedyDecl)
}

/// One line of a block: `haircut = 2%`, `haircut += 1%`, `liquidate when health < 1`.
public struct Property: Sendable, Hashable {
    public enum Op: String, Sendable, Hashable {
        case set = "=", add = "+=", subtract = "-=", multiply = "*=", when
    }
    public var id: NodeID
    public var span: Span
    public var name: Name
    public var op: Op
    public var value: Expr
    public init(id: NodeID, span: Span, name: Name, op: Op, value: Expr) {
        self.id = id
        self.span = span
        self.name = name
        self.op = op
        self.value = value
    }
}

public enum MeasureLevel: String, Sendable, Hashable {
    case position, account
}

/// `tiers by account.score hit first { … }` or `table region_limit by account.region { … }`.
public struct TableDecl: Sendable, Hashable {
    public enum HitPolicy: String, Sendable, Hashable { case unique, first }
    /// `tier` for a `tiers` table.
    public var name: Name
    /// Written with the `tiers` keyword (the credit-tier table).
    public var isTiers: Bool
    public var keys: [Expr]
    /// The hit policy as written; `nil` means the default, `unique`.
    public var hit: HitPolicy?
    public var rows: [TableRow]
    public init(name: Name, isTiers: Bool, keys: [Expr], hit: HitPolicy?, rows: [TableRow]) {
        self.name = name
        self.isTiers = isTiers
        self.keys = keys
        self.hit = hit
        self.rows = rows
    }
}

public struct TableRow: Sendable, Hashable {
    public var id: NodeID
    public var span: Span
    /// One pattern per key column.
    public var patterns: [Pattern]
    public var label: Name
    public var body: [Property]
    public init(id: NodeID, span: Span, patterns: [Pattern], label: Name, body: [Property]) {
        self.id = id
        self.span = span
        self.patterns = patterns
        self.label = label
        self.body = body
    }
}

/// What a table cell matches.
public enum Pattern: Sendable, Hashable {
    /// `[650, 800)`.
    case interval(Interval)
    /// `>= 800`, `< 500`: a half-bounded range (op is a comparison).
    case comparison(BinaryOp, Expr, span: Span)
    /// `"EU" | "UK"` or `long`: categorical values.
    case values([Expr], span: Span)
    /// `else`: matches anything.
    case any(span: Span)

    public var span: Span {
        switch self {
        case .interval(let i): i.span
        case .comparison(_, _, let s), .values(_, let s), .any(let s): s
        }
    }
}

/// `curve borrow_rate(utilization) = …`.
public struct CurveDecl: Sendable, Hashable {
    public var name: Name
    public var parameter: Name
    public var body: CurveBody
    public init(name: Name, parameter: Name, body: CurveBody) {
        self.name = name
        self.parameter = parameter
        self.body = body
    }
}

public enum CurveBody: Sendable, Hashable {
    /// `points { 0% -> 0%, 90% -> 5% }`: piecewise linear through the points.
    case points([CurvePoint], span: Span)
    /// `steps { 0% -> 1%, 50% -> 5% }`: each value holds from its x up to the next x.
    case steps([CurvePoint], span: Span)
    /// Any expression of the parameter, including `kinked(…)`.
    case expression(Expr)
}

public struct CurvePoint: Sendable, Hashable {
    public var span: Span
    public var x: Expr
    public var y: Expr
    public init(span: Span, x: Expr, y: Expr) {
        self.span = span
        self.x = x
        self.y = y
    }
}

/// `major: -30%` inside a scenario; the target may be dotted (`BTC.vol`).
public struct Shock: Sendable, Hashable {
    public var span: Span
    public var target: Name
    /// The move; for a grid shock, its first value.
    public var value: Expr
    /// `major: [-15%, -5%, +5%, +15%]`: the moves a grid scenario scans, each one scenario of
    /// the grid (crossed with every other grid shock of the declaration); nil for one move.
    public var grid: [Expr]?
    public init(span: Span, target: Name, value: Expr, grid: [Expr]? = nil) {
        self.span = span
        self.target = target
        self.value = value
        self.grid = grid
    }

    /// The scenarios a grid declaration stands for: one per combination of its grid shocks'
    /// values (the first shock varying slowest), each with every shock one move, named
    /// `scan(major -15%, major.vol +25%)`. A declaration without grid shocks is itself.
    public static func expandGrid(_ name: Name, _ shocks: [Shock]) -> [(name: Name, shocks: [Shock])] {
        guard shocks.contains(where: { $0.grid != nil }) else { return [(name, shocks)] }
        var combinations: [[Shock]] = [[]]
        var labels: [[String]] = [[]]
        for shock in shocks {
            let values = shock.grid ?? [shock.value]
            combinations = combinations.flatMap { prefix in values.map { prefix + [Shock(span: shock.span, target: shock.target, value: $0)] } }
            labels = labels.flatMap { prefix in
                values.map { shock.grid == nil ? prefix : prefix + ["\(shock.target.text) \(ExpressionPrinter.text($0))"] }
            }
        }
        return zip(combinations, labels).map { combination, label in
            (Name("\(name.text)(\(label.joined(separator: ", ")))", span: name.span), combination)
        }
    }

    /// How many scenarios a grid declaration stands for.
    public static func gridSize(_ shocks: [Shock]) -> Int {
        shocks.reduce(1) { n, shock in n.multipliedReportingOverflow(by: max(1, shock.grid?.count ?? 1)).partialValue }
    }

    /// The value as written: `-30%`, or `[-15%, +15%]` for a grid.
    public var valueText: String {
        guard let grid else { return ExpressionPrinter.text(value) }
        return "[" + grid.map(ExpressionPrinter.text).joined(separator: ", ") + "]"
    }
}

/// `assert every asset: haircut in [0%, 100%]` or `assert maintenance < initial`.
public struct Assertion: Sendable, Hashable {
    /// What `every` ranges over (`asset`, `class`, `venue`, `tier`, `position`, `account`).
    public var quantifier: Name?
    public var condition: Expr
    /// `else margin_call`: the status a breach gives the account (at least), as the committee
    /// decided; nil when a breach is only reported and fails the run.
    public var consequence: Name?
    public init(quantifier: Name?, condition: Expr, consequence: Name? = nil) {
        self.quantifier = quantifier
        self.condition = condition
        self.consequence = consequence
    }
}

/// `flag "stale_price:{asset}" when price_status == stale`: a label an account carries when the
/// condition holds. A template that names `{asset}`, `{venue}` or `{class}` is checked on each
/// position and raised once per key value (`stale_price:BTC`); one without is checked once per
/// account.
public struct FlagDecl: Sendable, Hashable {
    /// The template as written, without quotes; its span is the string literal's.
    public var text: Name
    public var condition: Expr
    public init(text: Name, condition: Expr) {
        self.text = text
        self.condition = condition
    }

    /// What a template may fill in from the position: its asset (a derivative's underlying),
    /// venue or class.
    public static let placeholders = ["asset", "venue", "class"]

    /// The `{…}` placeholders of the template, in order, each once.
    public var placeholders: [String] {
        var found: [String] = []
        var rest = Substring(text.text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if !found.contains(name) { found.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// The template with its placeholder filled in: `stale_price:BTC`.
    public func text(filling key: String, with value: String) -> String {
        text.text.replacing("{\(key)}", with: value)
    }
}

extension FlagDecl {
    /// A string literal for `text`: quoted, with `"` and `\` escaped.
    public static func quoted(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}

/// `remedy top_up in USDC, USDT`, `remedy repay` or `remedy reduce in USDC`: which remedies the
/// policy offers an account that is not healthy. A policy that declares none offers top-ups and
/// repayments; reducing a perpetual or an option is offered only when declared, with the asset its realised
/// profit or loss is settled in.
public struct RemedyDecl: Sendable, Hashable {
    /// The kind: `top_up`, `repay` or `reduce` (the words of `RemedyDecl.kinds`).
    public var kind: Name
    /// For `top_up`, the assets a top-up may be in, in the order written; for `reduce`, the one
    /// asset realised profit or loss is settled in.
    public var assets: [Name]
    /// For `hedge`, the band an underlying's delta may stay within, as a share of its gross
    /// notional (`remedy hedge with perps within 5% delta`).
    public var band: Expr?
    public init(kind: Name, assets: [Name], band: Expr? = nil) {
        self.kind = kind
        self.assets = assets
        self.band = band
    }

    /// The kinds a policy may offer.
    public static let kinds = ["top_up", "repay", "reduce", "hedge"]

    /// The declaration as `fmt` writes it: `remedy top_up in USDC, USDT`.
    public var text: String {
        if let band { return "remedy hedge with perps within \(ExpressionPrinter.text(band)) delta" }
        return "remedy " + kind.text + (assets.isEmpty ? "" : " in " + assets.map(\.text).joined(separator: ", "))
    }
}
