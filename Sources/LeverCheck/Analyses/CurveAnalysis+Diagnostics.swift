import LeverSyntax

// MARK: - Curve diagnostics (L05xx)

extension Diagnostic {
    static func curveOutOfOrder(_ parameter: String, x: String, previous: String, at span: Span, previousAt: Span) -> Diagnostic {
        .error("L0501", x == previous ? "two points at \(parameter) \(x)" : "point at \(parameter) \(x) comes after one at \(previous)",
               at: span, label: "must be above \(previous)", secondary: [Label(previousAt, "previous point")],
               help: "list the points in strictly increasing order of \(parameter)")
    }

    static func curveDecreases(from: String, to: String, high: String, low: String, at span: Span, previousAt: Span) -> Diagnostic {
        .error("L0502", "rate curve decreases between \(from) and \(to)", at: span,
               label: "falls to \(low)", secondary: [Label(previousAt, "from \(high) here")],
               notes: ["a rate that falls as utilization rises pays borrowers to drain the pool"],
               help: "raise this point's rate to at least \(high)")
    }

    static func curveUncovered(_ range: String, at span: Span, label: String, help: String) -> Diagnostic {
        .error("L0503", "rate curve is undefined for utilization in \(range)", at: span, label: label,
               notes: ["a rate curve must cover utilization from 0% to 100%"], help: help)
    }

    static func kinkedNegative(_ label: String, value: String, at span: Span) -> Diagnostic {
        let what = label == "base" ? "base rate" : "`\(label)`"
        return .error("L0504", "\(what) is negative", at: span, label: "\(value) here",
                      help: label == "base" ? "use a base rate of 0% or more" : "use a slope of 0% or more, so the rate never falls")
    }

    static func kinkOutOfRange(_ value: String, at span: Span) -> Diagnostic {
        .error("L0505", "kink is not strictly between 0% and 100%", at: span, label: "kink at \(value)",
               help: "put the kink where the second slope starts, e.g. `kink: 80%`")
    }

    static func kinkedNotConstant(_ label: String, at span: Span) -> Diagnostic {
        .note("L0506", "cannot check `\(label)` of this curve", at: span, label: "not a constant")
    }

    static func curveMayDecrease(from: String, to: String, at span: Span) -> Diagnostic {
        .warning("L0507", "rate curve decreases between \(from) and \(to)", at: span,
                 notes: ["found by evaluating the curve at every 1% of utilization; the checker cannot prove the shape of an expression"],
                 help: "make the rate non-decreasing in utilization")
    }

    static func curveNotConstant(_ curve: String, at span: Span) -> Diagnostic {
        .note("L0508", "cannot check the shape of curve `\(curve)`", at: span,
              label: "point is not made of constants")
    }

    static func curveNotSampled(_ curve: String, at span: Span) -> Diagnostic {
        .note("L0509", "cannot check that rate curve `\(curve)` never decreases", at: span,
              label: "depends on values other than utilization")
    }
}
