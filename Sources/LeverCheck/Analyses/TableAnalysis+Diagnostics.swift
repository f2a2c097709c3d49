import LeverSyntax

// MARK: - Decision table diagnostics (L04xx)

extension Diagnostic {
    static func tableGap(_ key: String, range: String, at span: Span, neighbours: [Label]) -> Diagnostic {
        .error("L0401", "`\(key)` values in \(range) match no row", at: span,
               label: "no row covers \(range)", secondary: neighbours, help: "add a row for it or an `else` row")
    }

    static func tableOverlap(_ first: String, _ second: String, on shared: String, at span: Span, other: Span) -> Diagnostic {
        .error("L0402", "rows `\(first)` and `\(second)` overlap on \(shared)", at: span,
               label: "`\(second)` matches \(shared)", secondary: [Label(other, "`\(first)` matches it too")],
               notes: ["the table's hit policy is `unique`, so at most one row may match any value"],
               help: "make the rows disjoint, or write `hit first` so that the earlier row wins")
    }

    static func tableRowNeverFires(_ label: Name, coveredBy rows: [TableRow]) -> Diagnostic {
        .warning("L0403", "row `\(label.text)` can never fire", at: label.span,
                 label: "every value it matches is taken first",
                 secondary: rows.map { Label($0.label.span, "`\($0.label.text)` takes its values") },
                 help: "remove the row, or move it above the rows that cover it")
    }

    static func tableEmptyInterval(_ b: Bounds, unit: String?, at span: Span) -> Diagnostic {
        let lo = ValueFormat.value(b.lower, unit: unit), hi = ValueFormat.value(b.upper, unit: unit)
        let swapped = b.lower > b.upper
        return .error("L0404", "this interval contains no value", at: span,
                      label: swapped ? "lower end \(lo) is above upper end \(hi)" : "both ends are \(lo) and one is open",
                      help: swapped ? "swap the ends: [\(hi), \(lo)]" : "close both ends to match exactly \(lo)")
    }

    static func tableDuplicateValue(_ first: String, _ second: String, values: String, at span: Span, other: Span) -> Diagnostic {
        .error("L0405", "rows `\(first)` and `\(second)` both match \(values)", at: span,
               label: "`\(second)` matches \(values)", secondary: [Label(other, "`\(first)` matches it too")],
               notes: ["the table's hit policy is `unique`, so each value may appear in one row only"],
               help: "keep each value in one row, or write `hit first` so that the earlier row wins")
    }

    static func tableRowNotConstant(_ row: String, at span: Span) -> Diagnostic {
        .note("L0406", "cannot check row `\(row)` for gaps and overlaps", at: span,
              label: "bounds are not constant numbers or words",
              notes: ["gaps are not reported for this table, and overlaps only between the other rows"])
    }

    static func tableCoverageUnknown(_ key: String, at span: Span) -> Diagnostic {
        .note("L0407", "cannot prove that every `\(key)` value matches a row", at: span,
              label: "values not named in any row are unknown to the checker",
              help: "add an `else` row")
    }

    static func tableCategoriesUnmatched(_ key: String, values: String, count: Int, at span: Span) -> Diagnostic {
        .error("L0408", "`\(key)` \(count == 1 ? "value" : "values") \(values) \(count == 1 ? "matches" : "match") no row",
               at: span, help: "add a row for \(count == 1 ? "it" : "them") or an `else` row")
    }

    static func tableCombinationUnmatched(_ cell: String, more: Int, at span: Span) -> Diagnostic {
        .error("L0409", "no row matches \(cell)", at: span,
               notes: more > 0 ? ["\(more) more \(more == 1 ? "combination matches" : "combinations match") no row either"] : [],
               help: "add a row for it or an `else` row")
    }

    static func tablePatternCount(_ count: Int, keys: Int, at span: Span) -> Diagnostic {
        .error("L0410", "row has \(count) \(count == 1 ? "pattern" : "patterns") but the table has \(keys) \(keys == 1 ? "key" : "keys")",
               at: span, help: "write one pattern per key, separated by commas; `else` matches anything")
    }

    static func tableTooLarge(_ span: Span) -> Diagnostic {
        .note("L0411", "table has too many combinations of key values to check for gaps", at: span,
              notes: ["more than \(TableGrid.cellLimit) combinations; gaps are not reported"])
    }

    static func tableTooManyRows(_ count: Int, at span: Span) -> Diagnostic {
        .note("L0412", "table has too many rows to check for overlaps", at: span,
              notes: ["\(count) rows; overlaps and rows that can never fire are not reported"])
    }
}
