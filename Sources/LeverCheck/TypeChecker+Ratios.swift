import LeverSyntax

// A ratio and a plain number are one dimension (Dimension.swift): `0.75` is a fine way to write
// 75%, so the unit check cannot tell `ltv = 75` (meant as 75%, read as 7,500%) from a correct
// value. This check reads what was written instead: a number with no unit word, in a place whose
// meaning is a ratio with a known range (Vocabulary's `range`), whose value falls outside that
// range is error L0324. Anything written with `%` or `bps` is taken as meant, even `7500%`.

extension TypeChecker {
    /// A place that wants a ratio: what the message calls it and where its values lie.
    struct RatioPlace {
        /// The start of the message: "`ltv` is a ratio", "`r` takes a ratio for `utilization`".
        var subject: String
        /// The name whose range the note states: `ltv`, `utilization`.
        var name: String
        /// Where a value of the place lies by meaning.
        var natural: ClosedRange<Double>
        /// True for an adjustment (`+=`, a term of `+`): it may move the value by at most the
        /// range's width either way.
        var isChange = false

        /// Where a number written without a unit may lie here.
        var allowed: ClosedRange<Double> {
            guard isChange else { return natural }
            let width = natural.upperBound - natural.lowerBound
            return -width...width
        }

        /// The same place, for a term that adjusts the value.
        var change: RatioPlace {
            var copy = self
            copy.isChange = true
            return copy
        }
    }

    /// Deeper than this the parts of a value are not read (the parser caps nesting anyway).
    static let maxRatioDepth = 64

    /// Reports numbers written without a unit where `place` wants a ratio and whose value lies
    /// outside it (`ltv = 75` is 7,500%).
    ///
    /// The whole value is read first (`75`, `150 / 2`, a param written `= 100`); when it is not a
    /// plain constant, the parts whose value becomes the whole's are read in turn: the branches of
    /// `if`, the arguments of `min`, `max` and `clamp`, and the terms of `+` and `-`, which adjust
    /// the value. A factor (`2.33` in `2.33 * vol`) is not a ratio and is left alone.
    mutating func checkPlainRatio(_ expr: Expr, _ place: RatioPlace, depth: Int = 0) {
        guard depth < Self.maxRatioDepth else { return }
        if let value = folder.plainValue(expr) {
            if !place.allowed.contains(value) {
                diagnostics.append(.ratioWithoutUnit(expr, value: value, place, param: paramValue(expr)))
            }
            return
        }
        let d = depth + 1
        switch expr.kind {
        case .paren(let inner):
            checkPlainRatio(inner, place, depth: d)
        case .conditional(_, let t, let e):
            checkPlainRatio(t, place, depth: d)
            checkPlainRatio(e, place, depth: d)
        case .binary(.add, let l, let r), .binary(.subtract, let l, let r):
            checkPlainRatio(l, place.change, depth: d)
            checkPlainRatio(r, place.change, depth: d)
        case .call(let name, let args, nil) where passesValueThrough(name.text, arguments: args.count):
            for arg in args { checkPlainRatio(arg.value, place, depth: d) }
        default:
            break
        }
    }

    /// The ratio check of a property's value: `=` sets it, `+=` and `-=` adjust it, and `*=`
    /// scales it by a factor, which is not a ratio of the property (`haircut *= 1.1` is fine).
    mutating func checkPlainRatio(_ property: Property, range: ClosedRange<Double>?) {
        guard let range, property.op != .multiply, property.op != .when else { return }
        let place = RatioPlace(subject: "`\(property.name.text)` is a ratio", name: property.name.text, natural: range)
        checkPlainRatio(property.value, property.op == .set ? place : place.change)
    }

    /// The ratio check of a curve's argument or x value, when the curve's parameter has a range
    /// (`utilization`: a rate curve takes 0% to 100%).
    mutating func checkPlainRatio(_ expr: Expr, curve: String, parameter: String) {
        guard let range = Vocabulary.marketInputs[parameter]?.range else { return }
        checkPlainRatio(expr, RatioPlace(subject: "`\(curve)` takes a ratio for `\(parameter)`", name: parameter,
                                         natural: range))
    }

    /// `min`, `max` and `clamp` give one of their arguments, so each argument is the value.
    private func passesValueThrough(_ name: String, arguments: Int) -> Bool {
        guard ["min", "max", "clamp"].contains(name), symbols.curve(name) == nil else { return false }
        return Builtins.lookup(name, arguments: arguments)?.kind == .function
    }

    /// The value of the param an expression names, to point at where the number was written.
    private func paramValue(_ expr: Expr) -> Expr? {
        switch expr.kind {
        case .paren(let inner): paramValue(inner)
        case .name(let name): symbols.param(name)
        default: nil
        }
    }
}

// MARK: - Ratio diagnostics (L0324)

extension Diagnostic {
    static func ratioWithoutUnit(_ expr: Expr, value: Double, _ place: TypeChecker.RatioPlace, param: Expr?) -> Diagnostic {
        let fix = percentFix(expr, allowed: place.allowed)
        let example = fix.map { "`\(ValueFormat.number($0.value / 100))` is \(ValueFormat.percent($0.value / 100))" }
            ?? "`0.5` is 50%"
        let range = "[\(ValueFormat.percent(place.natural.lowerBound)), \(ValueFormat.percent(place.natural.upperBound))]"
        return .error("L0324", "\(place.subject), but this plain number is \(ValueFormat.percent(value))", at: expr.span,
                      label: "no unit", secondary: param.map { [Label($0.span, "written without a unit")] } ?? [],
                      notes: ["`\(place.name)` lies in \(range), and a number without a unit is a fraction of one: \(example)"],
                      help: fix.map { "write the unit: `\($0.edit.replacement)`" } ?? "write the ratio with a unit, `%` or `bps`",
                      fixIts: fix.map { [FixIt("add the unit", [$0.edit])] } ?? [])
    }

    /// When the value is one literal (`75`, `-10`) whose number read as a percentage fits the
    /// place, the edit that writes it so (`75` → `75%`) and that number, signed. A number below 2
    /// gets no fix: `1.05` reads as much as Aave's 105% (a 5% bonus) as it does as 1.05%.
    private static func percentFix(_ expr: Expr, allowed: ClosedRange<Double>) -> (edit: Edit, value: Double)? {
        var sign = 1.0, inner = expr
        while true {
            switch inner.kind {
            case .paren(let e): inner = e
            case .unary(.negate, let e): sign = -sign; inner = e
            case .unary(.plus, let e): inner = e
            case .number(let literal) where literal.unit == nil && literal.magnitude == nil:
                let value = sign * literal.value
                guard abs(value) >= 2, allowed.contains(value / 100) else { return nil }
                return (Edit(expr.span, (sign < 0 ? "-" : "") + literal.digits + "%"), value)
            default: return nil
            }
        }
    }
}
