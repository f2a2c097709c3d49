import LeverSyntax

extension TypeChecker {
    /// Checks a guard: its target names something guardable, and its cap is a constant,
    /// non-negative amount in the target's unit (or a plain share when `relative`).
    mutating func checkGuard(_ decl: GuardDecl) {
        let capType = check(decl.cap, .constant("a guard cap"))
        if let every = decl.every { checkGuardPeriod(every) }
        // A target with an empty part was cut short by a parse error, already reported.
        guard !decl.target.text.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty)
        else { return }
        let target: GuardTarget
        switch GuardTarget.resolve(decl, in: symbols, suggestions: &suggestions) {
        case .found(let t): target = t
        case .unknown(let diagnostic):
            diagnostics.append(diagnostic)
            return
        }
        let targetType = guardedType(target, usedAt: decl.target.span)
        guard !targetType.isUnchecked, !capType.isUnchecked else { return }
        guard let targetDimension = targetType.dimension else {
            diagnostics.append(.guardOnNonNumber(decl.target, type: targetType))
            return
        }
        guard let capDimension = numeric((decl.cap, capType), "moves at most") else { return }
        if decl.isRelative, !capDimension.isDimensionless {
            diagnostics.append(.relativeCapNotRatio(capType, at: decl.cap.span))
        } else if !decl.isRelative, capDimension != targetDimension {
            diagnostics.append(.capUnitMismatch(decl.target, target: targetType, cap: capType, at: decl.cap.span))
        } else if let value = folder.fold(decl.cap), value < 0 {
            diagnostics.append(.negativeCap(at: decl.cap.span))
        }
    }

    /// `every PERIOD`: a positive constant duration.
    private mutating func checkGuardPeriod(_ every: Expr) {
        let type = check(every, .constant("a guard's period"))
        guard !type.isUnchecked else { return }
        if type.dimension != .time || (folder.fold(every).map { $0 <= 0 } ?? false) {
            diagnostics.append(.guardPeriodNotDuration(type, at: every.span))
        }
    }

    /// The type of the guarded parameter.
    private mutating func guardedType(_ target: GuardTarget, usedAt span: Span) -> LeverType {
        switch target {
        case .property(let p), .assetProperty(_, let p), .classProperty(_, let p): propertyType(p, usedAt: span)
        case .param(let n): paramType(n, usedAt: span)
        case .tableField(let t, let f): fieldType(table: t, field: f, usedAt: span)
        case .curveArgument: .plain
        case .curvePoints(let c): symbols.curve(c).map { curveType($0, usedAt: span) } ?? .error
        case .marginSetting(let s): Vocabulary.marginProperties[s]?.type ?? .error
        }
    }
}

// MARK: - Guard diagnostics (L0225, L0330–L0333)

extension Diagnostic {
    static func unknownGuardTarget(_ name: Name, suggestion: String?) -> Diagnostic {
        unknown("L0225", "`\(name.text)` is not a parameter a guard can cap", at: name.span, suggestion: suggestion,
                fallback: "guard a property (`ltv`, `WETH.ltv`), a param (`param z`), a table field (`tier.credit_line`), a `kinked` curve argument (`rate.slope2`), a curve's `points` or a margin setting (`margin.bonus`)")
    }

    static func capUnitMismatch(_ name: Name, target: LeverType, cap: LeverType, at span: Span) -> Diagnostic {
        let unit = target.dimension?.unitWord.map { "write the cap in \($0)" }
            ?? "write the cap as a plain number or a percentage"
        return .error("L0330", "the cap is \(cap.phrase), but `\(name.text)` is \(target.phrase)", at: span,
                      label: cap.unitLabel,
                      help: "\(unit), or add `relative` to cap the change as a share of the old value")
    }

    static func relativeCapNotRatio(_ cap: LeverType, at span: Span) -> Diagnostic {
        .error("L0331", "a `relative` cap is a share of the old value, not \(cap.phrase)", at: span,
               label: cap.unitLabel, help: "write it as a percentage (`25% relative`), or drop `relative`")
    }

    static func guardPeriodNotDuration(_ type: LeverType, at span: Span) -> Diagnostic {
        .error("L0339", "a guard's `every` takes a positive duration, not \(type.phrase)", at: span, label: type.unitLabel,
               notes: ["`every 3 days` allows one change of the parameter in any three days, judged against the committee's approval records (`lever diff --history`)"],
               help: "write a duration such as `3 days` or `12 h`")
    }

    static func negativeCap(at span: Span) -> Diagnostic {
        .error("L0332", "a guard cap cannot be negative", at: span,
               help: "write how far the parameter may move either way, as a positive amount")
    }

    static func guardOnNonNumber(_ name: Name, type: LeverType) -> Diagnostic {
        .error("L0333", "cannot guard `\(name.text)`: it is \(type.phrase), not a number", at: name.span,
               help: "guards cap numeric parameters; guard the numbers the condition compares instead")
    }
}
