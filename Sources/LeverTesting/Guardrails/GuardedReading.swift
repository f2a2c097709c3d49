import LeverCheck
import LeverSyntax

/// One guarded value of one policy version: the number when it is constant, and the rule text
/// that produced it (to tell an unchanged non-constant rule from a changed one).
struct GuardedReading: Sendable, Hashable {
    /// The asset, the table row label, or "" for a single value (a param, a curve argument).
    var row: String
    /// The value in base units, or nil when it depends on the market, a position or an account.
    var value: Double?
    /// The contributing rules as `ASTDump` text, spans and ids left out.
    var rule: String
}

/// Reads the values a guard target names out of one checked policy, by constant folding.
///
/// An asset's property is folded along its chain (class chain root → … → class → asset), as the
/// engine applies it, before venue add-ons and tier discounts: a guard caps the listed parameter,
/// not what one position on one venue ends up with. A table field a row omits is zero, as the
/// engine reads it.
struct GuardedReader {
    let symbols: SymbolTable
    let folder: ConstantFolder

    init(_ result: CheckResult) {
        symbols = result.symbols
        folder = ConstantFolder(symbols: result.symbols)
    }

    /// Every value the target names in this version, in declaration order.
    func readings(_ target: GuardTarget) -> [GuardedReading] {
        switch target {
        case .property(let p):
            return symbols.names(.asset).compactMap { property(asset: $0, p) }
        case .assetProperty(let a, let p):
            return property(asset: a, p).map { [$0] } ?? []
        case .classProperty(let c, let p):
            return assets(inClass: c).compactMap { property(asset: $0, p) }
        case .param(let n):
            return symbols.param(n).map { [reading("", $0)] } ?? []
        case .tableField(let t, let f):
            return tableField(t, f)
        case .curveArgument(let c, let l):
            return curveArgument(c, l).map { [reading("", $0)] } ?? []
        case .curvePoints(let c):
            return curvePoints(c)
        case .marginSetting(let s):
            let property = symbols.settingsBody(.margin)?.first { $0.name.text == s }
            return property.map { [reading("", $0.value)] } ?? []
        }
    }

    private func reading(_ row: String, _ expr: Expr) -> GuardedReading {
        GuardedReading(row: row, value: folder.fold(expr), rule: ASTDump.dump(expr))
    }

    /// Assets whose class chain includes `cls`.
    private func assets(inClass cls: String) -> [String] {
        symbols.names(.asset).filter { name in
            guard let info = symbols.assetInfo(name) else { return false }
            return symbols.classChain(info.cls.text).contains { $0.name.text == cls }
        }
    }

    /// An asset's property folded along its chain; nil when nothing sets it.
    private func property(asset: String, _ name: String) -> GuardedReading? {
        let chain = symbols.propertyChain(asset: asset, property: name)
        guard !chain.isEmpty else { return nil }
        var value: Double?
        for step in chain {
            let v = folder.fold(step.value)
            switch step.op {
            case .set: value = v
            case .add: value = Self.combine(value, v, +)
            case .subtract: value = Self.combine(value, v, -)
            case .multiply: value = Self.combine(value, v, *)
            case .when: value = nil
            }
        }
        let rule = chain.map { "\($0.op.rawValue) \(ASTDump.dump($0.value))" }.joined(separator: "; ")
        return GuardedReading(row: asset, value: value, rule: rule)
    }

    private static func combine(_ a: Double?, _ b: Double?, _ op: (Double, Double) -> Double) -> Double? {
        guard let a, let b else { return nil }
        return op(a, b)
    }

    /// One reading per row of the table; a row that omits the field reads zero.
    private func tableField(_ table: String, _ field: String) -> [GuardedReading] {
        guard let decl = symbols.table(table) else { return [] }
        return decl.rows.map { row in
            guard let p = row.body.first(where: { $0.name.text == field }) else {
                return GuardedReading(row: row.label.text, value: 0, rule: "0")
            }
            return reading(row.label.text, p.value)
        }
    }

    /// One reading per point of a `points` or `steps` curve, keyed by its x (`at 80%`).
    private func curvePoints(_ curve: String) -> [GuardedReading] {
        guard let decl = symbols.curve(curve) else { return [] }
        switch decl.body {
        case .points(let points, _), .steps(let points, _):
            return points.map { point in
                let x = folder.fold(point.x).map { "at " + GuardrailText.number($0 * 100) + "%" } ?? "at " + ASTDump.dump(point.x)
                return reading(x, point.y)
            }
        case .expression:
            return []
        }
    }

    /// The labelled argument of a `kinked` curve body.
    private func curveArgument(_ curve: String, _ label: String) -> Expr? {
        guard let decl = symbols.curve(curve), case .expression(let e) = decl.body,
              case .call(_, let args, _) = e.kind else { return nil }
        return args.first { $0.label?.text == label }?.value
    }
}
