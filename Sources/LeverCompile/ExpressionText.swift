import LeverSyntax

/// Short source text of table cells for `explain` (the rule as written).
enum ExpressionText {
    static func pattern(_ pattern: Pattern, source: (Span) -> String) -> String {
        switch pattern {
        case .any: "else"
        default: source(pattern.span)
        }
    }
}
