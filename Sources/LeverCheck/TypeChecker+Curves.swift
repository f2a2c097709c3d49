import LeverSyntax

extension TypeChecker {
    /// `kinked(base:, slope1:, kink:, slope2:)`: only a whole curve body, with exactly those labels.
    mutating func checkKinked(_ name: Name, _ args: [Argument], _ filter: Expr?, _ expr: Expr, _ scope: Scope) -> LeverType {
        if !scope.allowsKinked { diagnostics.append(.kinkedOutsideCurve(at: name.span)) }
        if let filter { diagnostics.append(.filterOnFunction(name.text, at: filter.span)) }
        let expected = Builtins.kinked.labels
        var seen: Set<String> = []
        for arg in args {
            let type = check(arg.value, scope.nested)
            checkKinkedLabel(arg, expected: expected, seen: &seen, call: name)
            if let d = numeric((arg.value, type), "`kinked`"), !d.isDimensionless {
                diagnostics.append(.needsRatio("a `kinked` argument", type, at: arg.value.span))
            } else if arg.label?.text == "kink", let parameter = scope.curveParameter,
                      let range = Vocabulary.marketInputs[parameter]?.range {
                // The kink is a value of the curve's parameter, as a point's x is.
                checkPlainRatio(arg.value, RatioPlace(subject: "`kink` is a `\(parameter)`", name: parameter, natural: range))
            }
        }
        let missing = expected.filter { !seen.contains($0) }
        if !missing.isEmpty, args.allSatisfy({ $0.label != nil }) { diagnostics.append(.missingLabels(missing, at: name.span)) }
        return .plain
    }

    private mutating func checkKinkedLabel(_ arg: Argument, expected: [String], seen: inout Set<String>, call: Name) {
        guard let label = arg.label else {
            diagnostics.append(.missingLabel(at: arg.value.span, expected: expected.filter { !seen.contains($0) }))
            return
        }
        if !expected.contains(label.text) {
            let suggestion = suggestions.closest(to: label.text, in: expected.filter { !seen.contains($0) })
            diagnostics.append(.unknownLabel(label, suggestion: suggestion))
        } else if !seen.insert(label.text).inserted {
            diagnostics.append(.duplicateLabel(label))
        }
    }

    /// The type a curve returns: its body's, worked out once.
    mutating func curveType(_ decl: CurveDecl, usedAt span: Span) -> LeverType {
        memo("curve:\(decl.name.text)", name: decl.name.text, usedAt: span) { $0.checkCurveBody(decl) }
    }

    /// Checks a curve body and gives its value type.
    mutating func checkCurveBody(_ decl: CurveDecl) -> LeverType {
        var scope = Scope.constant("a curve")
        scope.curveParameter = decl.parameter.text
        switch decl.body {
        case .expression(let e):
            scope.allowsKinked = true
            return check(e, scope)
        case .points(let points, _), .steps(let points, _):
            return checkPoints(points, decl)
        }
    }

    private mutating func checkPoints(_ points: [CurvePoint], _ decl: CurveDecl) -> LeverType {
        let scope = Scope.constant("a curve point")
        let xType = Vocabulary.marketInputs[decl.parameter.text]?.type ?? .plain
        var yType: LeverType?
        for point in points {
            let xt = check(point.x, scope), yt = check(point.y, scope)
            if let d = numeric((point.x, xt), "->"), let e = xType.dimension {
                if d != e {
                    diagnostics.append(.curveArgumentMismatch(decl.name.text, parameter: decl.parameter.text,
                                                              expected: xType, (point.x, xt)))
                } else {
                    checkPlainRatio(point.x, curve: decl.name.text, parameter: decl.parameter.text)
                }
            }
            guard let d = numeric((point.y, yt), "->") else { continue }
            if let first = yType?.dimension, first != d {
                diagnostics.append(.pointMismatch(expected: yType ?? .plain, (point.y, yt)))
            } else if yType == nil { yType = yt }
        }
        return yType ?? .plain
    }
}
