import LeverSyntax

// MARK: - Unit diagnostics (L0304–L0310, L0319, L0321; L0324 is in TypeChecker+Ratios.swift)

extension Diagnostic {
    /// Codes of unit errors: they form the `units` stage.
    static let unitCodes: Set<String> = ["L0304", "L0305", "L0306", "L0307", "L0308", "L0309", "L0310", "L0319", "L0321", "L0324"]

    /// L0326: a setting the run gives (`margin { horizon = … }`), not the policy.
    static func settingIsReadOnly(_ property: Property) -> Diagnostic {
        .error("L0326", "`\(property.name.text)` is set by the run, not by the policy", at: property.name.span,
               help: "pass it to the run: `lever eval --horizon 30d`, or `\"horizon\": \"30d\"` in a golden case; rules read it as `horizon`")
    }

    /// L0325: a constant setting outside its natural range.
    static func settingOutOfRange(_ property: Property, block: Keyword, value: Double,
                                  range: ClosedRange<Double>) -> Diagnostic {
        func percent(_ x: Double) -> String {
            let p = x * 100
            return (p == p.rounded() ? String(Int(p)) : String(p)) + "%"
        }
        return .error("L0325", "`\(block.rawValue).\(property.name.text)` is \(percent(value)), outside [\(percent(range.lowerBound)), \(percent(range.upperBound))]",
                      at: property.value.span,
                      help: "a share lies in [\(percent(range.lowerBound)), \(percent(range.upperBound))]: write it as a percentage of the whole")
    }

    static func unitMismatch(_ op: String, _ l: TypeChecker.Operand, _ r: TypeChecker.Operand, at span: Span) -> Diagnostic {
        let (lp, rp) = (l.type.phrase, r.type.phrase)
        let message: String = switch op {
        case "+": "cannot add \(rp) to \(lp)"
        case "-": "cannot subtract \(rp) from \(lp)"
        default: "cannot compare \(lp) with \(rp)"
        }
        if let fix = unitFix(l, r) ?? unitFix(r, l) {
            return .error("L0304", message, at: span, secondary: operandLabels(l, r),
                          help: "write the unit: `\(fix.replacement)`", fixIts: [FixIt("add the unit", [fix])])
        }
        return .error("L0304", message, at: span, secondary: operandLabels(l, r),
                      help: mixHelp(l.type.dimension, r.type.dimension, op: op))
    }

    /// When `bare` is a number written without a unit next to a quantity with one, the edit that
    /// writes the unit (`1` → `1 USD`).
    static func unitFix(_ bare: TypeChecker.Operand, _ other: TypeChecker.Operand) -> Edit? {
        guard case .number(let literal) = bare.expr.kind, literal.unit == nil,
              let unit = other.type.dimension?.unitWord else { return nil }
        return Edit(bare.expr.span, "\(literal.digits)\(literal.magnitude ?? "") \(unit)")
    }

    /// The fix for mixing two units: how to turn one into the other.
    static func mixHelp(_ a: Dimension?, _ b: Dimension?, op: String) -> String {
        let pair = Set([a, b].compactMap { $0 })
        if pair == [.money, .none] {
            return "turn the amount into a ratio, e.g. `notional / 1M USD`, or the ratio into an amount, e.g. `5% * notional`"
        }
        if pair == [.time, .none] { return "write the duration with a unit, e.g. `2 days`" }
        return "both sides of `\(op)` need the same unit"
    }

    /// The fix when `got` is given where `expected` is needed.
    static func convertHelp(expected: Dimension?, got: Dimension?) -> String {
        switch (expected, got) {
        case (.none?, .money?): "divide by an amount to get a ratio, e.g. `notional / 1M USD`"
        case (.money?, .none?): "multiply by an amount to get one, e.g. `5% * notional`, or write `5M USD`"
        case (.time?, .none?): "write the duration with a unit, e.g. `30 seconds`"
        default: "write it as \(expected.map { LeverType.number($0).phrase } ?? "the expected unit")"
        }
    }

    static func branchMismatch(_ t: TypeChecker.Operand, _ e: TypeChecker.Operand) -> Diagnostic {
        .error("L0305", "`if` branches give \(t.type.phrase) and \(e.type.phrase)", at: e.expr.span,
               label: e.type.unitLabel, secondary: [Label(t.expr.span, t.type.unitLabel)],
               help: mixHelp(t.type.dimension, e.type.dimension, op: "if"))
    }

    static func argumentMismatch(_ function: String, _ first: TypeChecker.Operand, _ other: TypeChecker.Operand) -> Diagnostic {
        .error("L0305", "`\(function)` needs arguments of one unit, but this is \(other.type.phrase)", at: other.expr.span,
               label: other.type.unitLabel, secondary: [Label(first.expr.span, first.type.unitLabel)],
               help: mixHelp(first.type.dimension, other.type.dimension, op: function))
    }

    static func boundMismatch(_ x: TypeChecker.Operand, _ bound: TypeChecker.Operand) -> Diagnostic {
        .error("L0305", "range bound is \(bound.type.phrase), but the value is \(x.type.phrase)", at: bound.expr.span,
               label: bound.type.unitLabel, secondary: [Label(x.expr.span, x.type.unitLabel)],
               help: "write the bound in the value's unit")
    }

    static func pointMismatch(expected: LeverType, _ y: TypeChecker.Operand) -> Diagnostic {
        .error("L0305", "curve values must share one unit, but this is \(y.type.phrase)", at: y.expr.span,
               label: y.type.unitLabel, help: "write it as \(expected.phrase) like the first point")
    }

    static func oddSquareRoot(_ arg: TypeChecker.Operand) -> Diagnostic {
        .error("L0306", "cannot take the square root of \(arg.type.phrase)", at: arg.expr.span,
               label: arg.type.unitLabel, help: "divide by a unit first, e.g. `sqrt(notional / 1 USD)`")
    }

    static func nothingToRound(_ name: String, _ arg: Expr) -> Diagnostic {
        .error("L0336", "`\(name)` rounds a product or a quotient, and `\(ASTDump.dump(arg))` is neither", at: arg.span,
               label: "no `*` or `/` to round",
               notes: ["a direction says how the last decimal of a `*` or `/` written directly in the argument is rounded"],
               help: "wrap the product or quotient itself, e.g. `\(name)(debt * index)`; to round to whole units use `floor`, `ceil` or `round`")
    }

    static func inexactInFixedPoint(_ what: String, _ arithmetic: Arithmetic, at span: Span) -> Diagnostic {
        .error("L0338", "\(what) cannot be computed exactly in \(arithmetic.numbers.rawValue) fixed point", at: span,
               label: "needs binary floating point",
               notes: ["this policy declares `arithmetic { numbers = \(arithmetic.numbers.rawValue) }`: every value is an exact decimal, and exponentials, logarithms, the normal distribution and fractional powers are not"],
               help: "write the protocol's own approximation (Aave's three-term `taylor` accrual, a whole power), or compute this policy in `numbers = float`")
    }

    static func roundingNeedsFixedPoint(_ property: Property) -> Diagnostic {
        .error("L0337", "`rounding` applies to fixed-point numbers, and this policy computes in binary floating point",
               at: property.span, label: "no decimal to round",
               notes: ["a binary64 product is always rounded to the nearest representable value; a decimal direction cannot be honoured"],
               help: "declare the numbers too, e.g. `numbers = wad`, or remove `rounding`")
    }

    static func needsDimensionless(_ what: String, _ type: LeverType, at span: Span) -> Diagnostic {
        .error("L0307", "\(what) needs a plain number, not \(type.phrase)", at: span, label: type.unitLabel,
               help: "divide by a unit to make it plain, e.g. `x / 1 USD`")
    }

    static func needsRatio(_ what: String, _ type: LeverType, at span: Span) -> Diagnostic {
        .error("L0307", "\(what) must be a ratio, not \(type.phrase)", at: span, label: type.unitLabel,
               help: "write it as a percentage, e.g. `4%`")
    }

    static func exponentNotConstant(_ base: LeverType, at span: Span) -> Diagnostic {
        .error("L0308", "raising \(base.phrase) to a power needs a constant whole exponent", at: span,
               help: "use a whole number such as `2`, or make the base plain first")
    }

    static func propertyUnitMismatch(_ name: Name, expected: LeverType, got: LeverType, at span: Span) -> Diagnostic {
        .error("L0309", "`\(name.text)` is \(expected.phrase), but this is \(got.phrase)", at: span,
               label: got.unitLabel, help: convertHelp(expected: expected.dimension, got: got.dimension))
    }

    static func scaleNotRatio(_ name: Name, got: LeverType, at span: Span) -> Diagnostic {
        .error("L0309", "`*=` scales `\(name.text)` by a ratio, but this is \(got.phrase)", at: span,
               label: got.unitLabel, help: "write a ratio, e.g. `110%`")
    }

    static func perMismatch(unit: TypeChecker.Operand, other: TypeChecker.Operand) -> Diagnostic {
        .error("L0310", "`per` needs \(unit.type.phrase) here, like its unit, not \(other.type.phrase)",
               at: other.expr.span, label: other.type.unitLabel, secondary: [Label(unit.expr.span, unit.type.unitLabel)],
               help: "write the unit, base and threshold of `per … of … above …` in one unit")
    }

    static func fieldUnitMismatch(_ name: Name, expected: LeverType, got: LeverType, first: Span) -> Diagnostic {
        .error("L0319", "`\(name.text)` is \(expected.phrase) in an earlier row, but \(got.phrase) here", at: name.span,
               label: got.unitLabel, secondary: [Label(first, expected.unitLabel)],
               help: "give a field the same unit in every row")
    }

    static func curveArgumentMismatch(_ curve: String, parameter: String, expected: LeverType,
                                      _ arg: TypeChecker.Operand) -> Diagnostic {
        .error("L0321", "`\(curve)` takes \(expected.phrase) for `\(parameter)`, not \(arg.type.phrase)",
               at: arg.expr.span, label: arg.type.unitLabel, help: "pass \(expected.phrase), e.g. `\(parameter)`")
    }

    static func shockNotRatio(_ target: Name, got: LeverType, at span: Span) -> Diagnostic {
        .error("L0309", "a shock is a relative change, but this is \(got.phrase)", at: span, label: got.unitLabel,
               help: "write the change of `\(target.text)` as a percentage, e.g. `-30%`")
    }
}
