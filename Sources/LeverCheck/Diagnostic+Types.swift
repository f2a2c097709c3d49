import LeverSyntax

// MARK: - Type and level diagnostics (L030x, L031x, L032x)

extension Diagnostic {
    static func expectedCondition(_ type: LeverType, what: String, at span: Span) -> Diagnostic {
        .error("L0301", "\(what) needs a true/false condition, not \(type.phrase)", at: span,
               label: type.unitLabel, help: "compare it with something, e.g. `health < 1`")
    }

    static func notANumber(_ type: LeverType, operation: String, at span: Span) -> Diagnostic {
        .error("L0302", "cannot \(operation) \(type.phrase)", at: span, label: type.unitLabel,
               help: "arithmetic and ordering work on numbers only")
    }

    static func cannotCompare(_ l: TypeChecker.Operand, _ r: TypeChecker.Operand, at span: Span) -> Diagnostic {
        .error("L0303", "cannot compare \(l.type.phrase) with \(r.type.phrase)", at: span,
               secondary: operandLabels(l, r), help: "compare values of the same kind, e.g. `side == long`")
    }

    static func branchTypeMismatch(_ t: TypeChecker.Operand, _ e: TypeChecker.Operand) -> Diagnostic {
        .error("L0303", "`if` branches give \(t.type.phrase) and \(e.type.phrase)", at: e.expr.span,
               label: e.type.unitLabel, secondary: [Label(t.expr.span, t.type.unitLabel)],
               help: "make both branches the same kind of value")
    }

    static func positionLevelOutsideAggregate(_ r: Resolution, purpose: String, at span: Span) -> Diagnostic {
        let isMarket: Bool = if case .marketInput = r { true } else { false }
        let help = isMarket
            ? "name the asset, e.g. `BTC.price`, or wrap it in an aggregate such as `sum(…)`"
            : "wrap it in an aggregate such as `sum(…)`, `max(…)` or `count(positions where …)`"
        return .error("L0311", "per-position value outside an aggregate in \(purpose)", at: span,
                      label: "differs for each position", notes: ["\(purpose) is evaluated once per account"],
                      help: help)
    }

    static func notConstant(_ level: Level, purpose: String, at span: Span) -> Diagnostic {
        .error("L0312", "\(purpose) must be constant, but this is a \(level) value", at: span,
               help: "use literals and params only; move market or account logic into a measure or property")
    }

    static func nothingToAdjust(_ property: Property, owner: String) -> Diagnostic {
        .error("L0313", "`\(property.op.rawValue)` adjusts `\(property.name.text)`, but \(owner) inherits no value for it",
               at: property.name.span,
               help: "set it with `=` here, or set it in a parent class first")
    }

    static func wrongArity(_ builtin: Builtin, got: Int, at span: Span) -> Diagnostic {
        .error("L0314", "`\(builtin.name)` takes \(builtin.arityText) argument\(builtin.arityText == "1" ? "" : "s"), not \(got)",
               at: span, help: "for example `\(builtin.example)`")
    }

    static func curveArity(_ curve: String, got: Int, at span: Span) -> Diagnostic {
        .error("L0314", "curve `\(curve)` takes 1 argument, not \(got)", at: span,
               help: "call it with its parameter, e.g. `\(curve)(utilization)`")
    }

    static func unexpectedLabel(_ label: Name) -> Diagnostic {
        .error("L0315", "this function takes no argument labels", at: label.span,
               help: "remove `\(label.text):`")
    }

    static func unknownLabel(_ label: Name, suggestion: String?) -> Diagnostic {
        unknown("L0315", "`kinked` has no argument `\(label.text)`", at: label.span, suggestion: suggestion,
                fallback: "the arguments are `base:`, `slope1:`, `kink:`, `slope2:`")
    }

    static func missingLabel(at span: Span, expected: [String]) -> Diagnostic {
        .error("L0315", "`kinked` arguments need labels", at: span,
               help: "label it, e.g. `\(expected.first ?? "base"): …`")
    }

    static func missingLabels(_ labels: [String], at span: Span) -> Diagnostic {
        .error("L0315", "`kinked` is missing \(labels.map { "`\($0):`" }.joined(separator: ", "))", at: span,
               help: "write `kinked(base: 0%, slope1: 4%, kink: 80%, slope2: 75%)`")
    }

    static func duplicateLabel(_ label: Name) -> Diagnostic {
        .error("L0315", "argument `\(label.text)` is given twice", at: label.span, help: "remove one of them")
    }

    static func kinkedOutsideCurve(at span: Span) -> Diagnostic {
        .error("L0316", "`kinked` is only allowed as a whole curve body", at: span,
               help: "declare `curve rate(utilization) = kinked(…)` and call `rate(utilization)`")
    }

    static func filterOnFunction(_ name: String, at span: Span) -> Diagnostic {
        .error("L0317", "`where` filters only work in aggregates, not in `\(name)`", at: span,
               help: "use `sum`, `avg`, `min`, `max` or `count` with one argument")
    }

    static func wrongPropertyOp(_ property: Property, isCondition: Bool) -> Diagnostic {
        let help = isCondition ? "write `\(property.name.text) when <condition>`"
            : "write `\(property.name.text) = <value>`"
        let message = isCondition ? "`\(property.name.text)` is a condition and is written with `when`"
            : "only `liquidate` and `margin_call` are written with `when`"
        return .error("L0318", message, at: property.name.span, help: help)
    }

    static func nestedAggregate(at span: Span) -> Diagnostic {
        .error("L0320", "aggregates cannot be nested", at: span,
               help: "an aggregate already runs over every position; compute the inner value per position, "
                   + "or group the inner one and aggregate the groups: `sum(abs(sum(market_value, by: asset)))`")
    }

    static func unknownPlaceholder(_ key: String, in text: Name, suggestion: String?) -> Diagnostic {
        .error("L0334", "a flag's text cannot fill in `{\(key)}`", at: text.span,
               help: "a flag names the position's `{asset}`, `{venue}` or `{class}`"
                   + (suggestion.map { "; did you mean `{\($0)}`?" } ?? ""))
    }

    static func twoPlaceholderKeys(_ keys: [String], in text: Name) -> Diagnostic {
        .error("L0335", "a flag's text fills in one key, not \(keys.map { "`{\($0)}`" }.joined(separator: " and "))", at: text.span,
               help: "declare one flag per key, e.g. `flag \"stale:{asset}\" when …`")
    }

    static func groupedAggregateAlone(_ name: String, key: String, at span: Span) -> Diagnostic {
        .error("L0327", "`\(name)(…, by: \(key))` gives one value per \(key), not one per account", at: span,
               label: "one value per \(key)",
               help: "aggregate the groups with an outer aggregate, e.g. `sum(abs(\(name)(…, by: \(key))))` or `max(\(name)(…, by: \(key)))`")
    }

    static func unknownGroupKey(_ key: String, at span: Span, suggestion: String?) -> Diagnostic {
        .error("L0328", "positions cannot be grouped by `\(key)`", at: span,
               help: "group by `asset` (a derivative's underlying), `venue` or `class`",
               fixIts: suggestion.map { [FixIt("use `\($0)`", [Edit(span, $0)])] } ?? [])
    }

    static func mixedGroupKeys(_ key: String, outer: String, at span: Span) -> Diagnostic {
        .error("L0328", "this aggregate is grouped by `\(key)`, but the aggregate around it runs over groups by `\(outer)`",
               at: span, help: "group every aggregate inside one outer aggregate by the same key")
    }

    static func filterOnGroups(_ name: String, key: String, at span: Span) -> Diagnostic {
        .error("L0329", "`where` on `\(name)` over groups by `\(key)`: it runs over groups, not positions", at: span,
               help: "filter positions in the grouped aggregate instead: `sum(x, by: \(key) where …)`")
    }

    static func positionsOutsideCount(at span: Span) -> Diagnostic {
        .error("L0322", "`positions` can only be counted", at: span, help: "write `count(positions)`")
    }

    static func propertyTypeMismatch(_ name: Name, expected: LeverType, got: LeverType, at span: Span) -> Diagnostic {
        .error("L0323", "`\(name.text)` is \(expected.phrase), not \(got.phrase)", at: span, label: got.unitLabel,
               help: expected.wordHelp)
    }
}

extension LeverType {
    /// The short text under an operand's caret: `USD`, `ratio`, `side`.
    var unitLabel: String {
        if case .number(let d) = self { return d.isDimensionless ? "ratio" : d.description }
        return description
    }

    /// How to write a value of this type, for help lines.
    var wordHelp: String {
        switch self {
        case .word(let set): "use one of " + set.words.map { "`\($0)`" }.joined(separator: ", ")
        case .bool: "write a condition such as `health < 1`"
        default: "write \(phrase)"
        }
    }
}

/// The labels under two operands showing their units.
func operandLabels(_ l: TypeChecker.Operand, _ r: TypeChecker.Operand) -> [Diagnostic.Label] {
    [Diagnostic.Label(l.expr.span, l.type.unitLabel), Diagnostic.Label(r.expr.span, r.type.unitLabel)]
}
