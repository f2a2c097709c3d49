import LeverSyntax

extension ProofAnalysis {
    /// An error per disproved instance, then one note for all instances left unproved.
    static func diagnostics(_ results: [Result], _ condition: Expr, span: Span, instances: [Instance]) -> [Diagnostic] {
        let subjectText = subject(of: condition).flatMap(Self.nameText)
        // The unit to show values in: written in the assertion, else in the subject's definitions.
        let unit = ValueFormat.unit(in: condition)
            ?? subjectText.flatMap { name in ValueFormat.unit(in: instances.flatMap { $0.chain(name).map(\.value) }) }
        var found: [Diagnostic] = []
        for (result, instance) in zip(results, instances) where result.outcome == .disproved {
            let claim = Self.claim(result, condition, subjectText: subjectText, unit: unit)
            found.append(.assertionDisproved(claim, at: span, instance: instance))
        }
        let unknown = results.filter { $0.outcome == .unknown }
        if !unknown.isEmpty {
            let notes = unknown.prefix(5).compactMap { r -> String? in
                guard let subjectText, let b = r.subject else { return nil }
                return "\(phrase(subjectText, r.instance)) can take any value in \(ValueFormat.interval(b, unit: unit))"
            }
            found.append(.assertionUnproved(unknown.compactMap(\.instance), at: span, notes: notes))
        }
        return found
    }

    /// What was found, e.g. "`haircut` of `PEPE` is 120%, outside [0%, 100%]".
    static func claim(_ r: Result, _ condition: Expr, subjectText: String?, unit: String?) -> String {
        guard let subjectText, let b = r.subject else {
            return r.instance.map { "assertion is false for `\($0)`" } ?? "assertion is always false"
        }
        let value = b.constant.map { "is \(ValueFormat.value($0, unit: unit))" }
            ?? "lies in \(ValueFormat.interval(b, unit: unit))"
        return "\(phrase(subjectText, r.instance)) \(value)\(Self.contrast(condition, unit: unit))"
    }

    /// ", outside [0%, 100%]" or ", never below 60%": what the value fails to be.
    static func contrast(_ condition: Expr, unit: String?) -> String {
        switch condition.kind {
        case .inRange(_, let i):
            guard let lo = IntervalEvaluator().bounds(i.lower).constant,
                  let hi = IntervalEvaluator().bounds(i.upper).constant else { return "" }
            let range = Bounds(lo, hi, lowerClosed: i.lowerClosed, upperClosed: i.upperClosed)
            return ", outside \(ValueFormat.interval(range, unit: unit))"
        case .binary(let op, _, let rhs) where op.isComparison:
            let words: [BinaryOp: String] = [.less: "below", .lessEqual: "at most", .greater: "above",
                                             .greaterEqual: "at least", .equal: "equal to", .notEqual: "other than"]
            let other = nameText(rhs).map { "`\($0)`" }
                ?? IntervalEvaluator().bounds(rhs).constant.map { ValueFormat.value($0, unit: unit) }
            guard let other, let word = words[op] else { return "" }
            return ", never \(word) \(other)"
        case .paren(let inner): return contrast(inner, unit: unit)
        default: return ""
        }
    }

    static func phrase(_ subject: String, _ instance: String?) -> String {
        instance.map { "`\(subject)` of `\($0)`" } ?? "`\(subject)`"
    }

    /// `haircut`, `account.score`; nil for anything but a name or member chain.
    static func nameText(_ e: Expr) -> String? {
        switch e.kind {
        case .name(let n): n
        case .member(let base, let m): nameText(base).map { $0 + "." + m.text }
        case .paren(let inner): nameText(inner)
        default: nil
        }
    }
}

// MARK: - Proof diagnostics (L06xx)

extension Diagnostic {
    static func assertionDisproved(_ claim: String, at span: Span, instance: ProofAnalysis.Instance) -> Diagnostic {
        let secondary = instance.span.map { [Label($0, "`\(instance.name ?? "")` declared here")] } ?? []
        let label = instance.name.map { "fails for `\($0)` whatever the inputs" } ?? "fails whatever the inputs"
        return .error("L0601", claim, at: span, label: label, secondary: secondary,
                      help: "change the policy's values, or the assertion if it is wrong")
    }

    static func assertionUnproved(_ instances: [String], at span: Span, notes: [String]) -> Diagnostic {
        let shown = instances.prefix(5).map { "`\($0)`" }.joined(separator: ", ")
        let more = instances.count > 5 ? " and \(instances.count - 5) more" : ""
        let target = instances.isEmpty ? "" : " for \(shown)\(more)"
        return .note("L0602", "cannot prove this assertion\(target); kept as a runtime check", at: span,
                     notes: notes)
    }
}
