import LeverCheck
import LeverEngine
import LeverSyntax

/// Change guardrails: checks that a proposed policy moves no guarded parameter further than the
/// approved policy's `guard` declarations allow (Aave's risk-steward caps).
///
/// The guards that bind are those of the OLD (approved) version: a change cannot loosen or
/// delete its own cap, so raising a cap is itself a change that must pass the old cap's review
/// first (a separate, approved change). Guards whose target does not resolve in the old version
/// are skipped (the checker reports them).
///
/// Values are read by constant folding (`ConstantFolder`) in each version. A value that depends
/// on the market, a position or an account (`clamp(z * vol * sqrt(h), 10%, 40%)`) has no single
/// number: when its rule is unchanged the guard is satisfied (a changed param it reads has its
/// own guard), and when the rule changed the result is a `cannotCompare` violation, which
/// `--enforce` treats as a failure. Assets and rows present in only one version are not moves.
public enum Guardrails {
    /// Every guarded move from `old` to `new` beyond its cap, in guard declaration order, then
    /// asset or row order. Empty when the change respects every cap.
    ///
    /// A guard with `every` also limits how often its parameter changes: a move of it fails when
    /// `history` records an approved change of the same parameter less than that period before
    /// `history.now`, and when there is no history to tell (nil): a debounce never passes unseen.
    public static func check(old: CheckResult, new: CheckResult, history: GuardHistory? = nil) -> [GuardrailViolation] {
        moved(old: old, new: new).flatMap { move -> [GuardrailViolation] in
            if let violation = move.rule.violation(from: move.old, to: move.new, rowKind: move.rowKind) { return [violation] }
            return move.rule.frequencyViolation(move, history: history).map { [$0] } ?? []
        }
    }

    /// The guarded parameters the change moves (within their caps or not), named as the diff
    /// names them (`asset WETH: ltv`): what an approval record lists, so that a later change can
    /// be judged against a guard's `every`.
    public static func moves(old: CheckResult, new: CheckResult) -> [String] {
        moved(old: old, new: new).map(\.parameter)
    }

    /// Every guarded reading whose value or rule differs between the versions.
    static func moved(old: CheckResult, new: CheckResult) -> [GuardedMove] {
        let before = GuardedReader(old), after = GuardedReader(new)
        return old.symbols.symbols(.guard).flatMap { symbol -> [GuardedMove] in
            guard case .guardrail(let decl) = symbol.declaration.kind,
                  case .found(let target) = GuardTarget.resolve(decl, in: old.symbols),
                  let cap = before.folder.fold(decl.cap), cap >= 0 else { return [] }
            let rule = GuardRule(decl: decl, target: target, cap: cap, declaredAt: line(of: symbol, in: old),
                                 text: text(for: target, old.symbols), every: decl.every.flatMap { before.folder.fold($0) })
            let proposed = Dictionary(after.readings(target).map { ($0.row, $0) }) { first, _ in first }
            return before.readings(target).compactMap { reading in
                guard let next = proposed[reading.row], next.value != reading.value || next.rule != reading.rule else { return nil }
                return GuardedMove(rule: rule, old: reading, new: next, rowKind: rowKind(target))
            }
        }
    }

    /// Whether a move stays within a cap; both bounds are inclusive. A tiny slack absorbs the
    /// rounding of decimal percentages in binary (`85% − 80%` is not exactly `5%`).
    public static func allows(old: Double, new: Double, cap: Double, relative: Bool) -> Bool {
        let slack = ParameterChangeCap<Double>(relative ? .relative : .absolute, maximum: cap * (1 + 1e-9) + 1e-12)
        return ParameterChangeCap.allowedChange(old: old, new: new, cap: slack)
    }

    /// `path:line` of a declaration.
    private static func line(of symbol: Symbol, in result: CheckResult) -> String {
        guard let file = result.sources.file(symbol.declaration.span.file) else { return "<unknown>" }
        return "\(file.path):\(file.location(of: symbol.declaration.span.start).line)"
    }

    /// What the row of a reading is called in messages: `asset`, or the table's name.
    private static func rowKind(_ target: GuardTarget) -> String {
        switch target {
        case .property, .assetProperty, .classProperty: "asset"
        case .tableField(let table, _): table
        case .curvePoints: "point"
        case .param, .curveArgument, .marginSetting: ""
        }
    }

    /// How the target's values read: its unit, and whether plain numbers read as percentages.
    private static func text(for target: GuardTarget, _ symbols: SymbolTable) -> GuardrailText {
        let folder = ConstantFolder(symbols: symbols)
        switch target {
        case .property(let p), .assetProperty(_, let p), .classProperty(_, let p):
            let dimension = Vocabulary.standardProperties[p]?.type.dimension
                ?? firstValue(of: p, symbols).flatMap { folder.quantity($0)?.dimension } ?? .none
            return GuardrailText(dimension: dimension, percent: true)
        case .param(let n):
            let expr = symbols.param(n)
            let dimension = expr.flatMap { folder.quantity($0)?.dimension } ?? .none
            return GuardrailText(dimension: dimension, percent: expr.map(writtenAsPercent) ?? false)
        case .tableField(let t, let f):
            let expr = symbols.table(t)?.rows.lazy.compactMap { $0.body.first { $0.name.text == f }?.value }.first
            let dimension = expr.flatMap { folder.quantity($0)?.dimension } ?? Vocabulary.tierFields[f]?.type.dimension ?? .none
            return GuardrailText(dimension: dimension, percent: true)
        case .curvePoints(let c):
            let y: Expr? = symbols.curve(c).flatMap { decl in
                switch decl.body {
                case .points(let points, _), .steps(let points, _): points.first?.y
                case .expression: nil
                }
            }
            return GuardrailText(dimension: y.flatMap { folder.quantity($0)?.dimension } ?? .none, percent: true)
        case .curveArgument, .marginSetting:
            return GuardrailText(dimension: .none, percent: true)
        }
    }

    private static func firstValue(of property: String, _ symbols: SymbolTable) -> Expr? {
        symbols.symbols(.class).lazy.compactMap { symbols.classInfo($0.name)?.body.first { $0.name.text == property }?.value }.first
    }

    /// A param written as `50%` or `25 bps` reads as a percentage.
    private static func writtenAsPercent(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .number(let literal): literal.unit?.text == "%" || literal.unit?.text == "bps"
        case .unary(_, let inner), .paren(let inner): writtenAsPercent(inner)
        default: false
        }
    }
}

/// One guarded value that differs between the approved and the proposed policy.
struct GuardedMove {
    let rule: GuardRule
    let old: GuardedReading
    let new: GuardedReading
    let rowKind: String

    /// Who moved, as messages and approval records name it: `asset WETH: ltv`, `param z`.
    var parameter: String {
        old.row.isEmpty ? rule.target.display : "\(rowKind) \(old.row): \(rule.target.display)"
    }
}

/// One guard of the approved policy, ready to judge moves.
struct GuardRule {
    let decl: GuardDecl
    let target: GuardTarget
    let cap: Double
    let declaredAt: String
    let text: GuardrailText
    /// `every`: the shortest time between two changes, in years; nil when not written.
    var every: Double? = nil

    /// The violation of changing a parameter sooner than `every` after its last approved change,
    /// or with no history to tell.
    func frequencyViolation(_ move: GuardedMove, history: GuardHistory?) -> GuardrailViolation? {
        guard let every else { return nil }
        let who = move.old.row.isEmpty ? nil : "\(move.rowKind) \(move.old.row)"
        let period = GuardrailText(dimension: .time, percent: false).value(every)
        guard let history else {
            return make(.tooSoon, who, move.old.value, move.new.value,
                        "\(move.parameter) changed, and the guard declared at \(declaredAt) allows one change every \(period); "
                            + "without the change history (`--history` with the committee's approval records) no one can tell when it last changed")
        }
        guard let last = history.lastChange(of: move.parameter) else { return nil }
        let next = Timestamp(secondsSinceEpoch: last.approvedAt.secondsSinceEpoch + every * 31_536_000)
        guard history.now < next else { return nil }
        return make(.tooSoon, who, move.old.value, move.new.value,
                    "\(move.parameter) last changed at \(last.approvedAt) (\(last.source)); the guard declared at \(declaredAt) "
                        + "allows one change every \(period): the next from \(next)")
    }

    /// The violation of moving one row from `old` to `new`, if it is one.
    func violation(from old: GuardedReading, to new: GuardedReading, rowKind: String) -> GuardrailViolation? {
        let who = old.row.isEmpty ? nil : "\(rowKind) \(old.row)"
        let prefix = who.map { "\($0): " } ?? ""
        let capText = text.cap(cap, relative: decl.isRelative)
        guard let o = old.value, let n = new.value else {
            guard old.rule != new.rule else { return nil }
            let message = "\(prefix)\(target.display) changed in a way that cannot be compared to its \(capText) declared at \(declaredAt): the value is not constant"
            return make(.cannotCompare, who, old.value, new.value, message)
        }
        guard !Guardrails.allows(old: o, new: n, cap: cap, relative: decl.isRelative) else { return nil }
        let move = decl.isRelative && o != 0
            ? (n >= o ? "+" : "-") + GuardrailText.number(abs(n - o) / abs(o) * 100) + "%"
            : text.move(n - o)
        let message = "\(prefix)\(target.display) moved \(text.value(o)) → \(text.value(n)) (\(move)), more than the \(capText) declared at \(declaredAt)"
        return make(.exceeded, who, o, n, message)
    }

    func make(_ kind: GuardrailViolation.Kind, _ who: String?, _ o: Double?, _ n: Double?,
                      _ message: String) -> GuardrailViolation {
        GuardrailViolation(kind: kind, parameter: target.display, row: who, old: o, new: n, cap: cap,
                           isRelative: decl.isRelative, declaredAt: declaredAt, message: message)
    }
}
