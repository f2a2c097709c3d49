// MARK: - Decision tables

extension Formatter {
    /// `tiers by account.score hit first { … }`: one row per line, the pattern columns padded so
    /// that the `->` arrows line up, and the labels padded so that inline row blocks line up.
    static func layoutTable(_ table: TableDecl, prefix: String, span: Span, into writer: inout LineWriter) {
        let keyword = table.isTiers ? "tiers" : "table \(table.name.text)"
        var head = "\(prefix)\(keyword) by \(table.keys.map(text).joined(separator: ", "))"
        if let hit = table.hit { head += " hit \(hit.rawValue)" }
        if table.rows.isEmpty, !writer.hasComment(from: span.start, to: span.end) {
            writer.line(head + " {}", span: span, indent: 0)
            return
        }
        let inline = inlineBlocks(table.rows, writer: writer)
        let heads = rowHeads(table.rows, inlineBlock: inline)
        writer.open(head + " {", at: span.start, indent: 0)
        for (index, row) in table.rows.enumerated() {
            layoutRow(row, head: heads[index], inlineBlock: inline[index], into: &writer)
        }
        writer.close("}", end: span.end, indent: 0)
    }

    private static func layoutRow(_ row: TableRow, head: String, inlineBlock: Bool, into writer: inout LineWriter) {
        if row.body.isEmpty {
            writer.line(head, span: row.span, indent: 1)
        } else if inlineBlock {
            let body = row.body.map(propertyText).joined(separator: "; ")
            writer.line("\(head) { \(body) }", span: row.span, indent: 1)
        } else {
            writer.open(head + " {", at: row.span.start, indent: 1)
            properties(row.body, indent: 2, into: &writer)
            writer.close("}", end: row.span.end, indent: 1)
        }
    }

    /// Which rows keep their block on the row's line: those without comments whose line fits in
    /// ``maxWidth`` even with the widest label padding (so padding can never push one over).
    private static func inlineBlocks(_ rows: [TableRow], writer: LineWriter) -> [Bool] {
        let widest = rowHeads(rows, inlineBlock: rows.map { !$0.body.isEmpty })
        return zip(rows, widest).map { row, head in
            guard !row.body.isEmpty, !writer.hasComment(from: row.span.start, to: row.span.end) else { return false }
            return fits("\(head) { \(row.body.map(propertyText).joined(separator: "; ")) }", indent: 1)
        }
    }

    /// Each row's text up to and including its label, aligned across the table.
    static func rowHeads(_ rows: [TableRow], inlineBlock: [Bool]) -> [String] {
        let cells = rows.map { row in
            row.patterns.enumerated().map { index, pattern in
                ExpressionPrinter.pattern(pattern) + (index < row.patterns.count - 1 ? "," : "")
            }
        }
        let columnCount = cells.map(\.count).max() ?? 0
        let widths = (0..<columnCount).map { column in
            cells.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        let labelWidth = zip(rows, inlineBlock).filter(\.1).map { $0.0.label.text.count }.max() ?? 0
        return rows.enumerated().map { index, row in
            let patterns = (0..<columnCount).map { column in
                pad(column < cells[index].count ? cells[index][column] : "", to: widths[column])
            }.joined(separator: " ")
            let label = inlineBlock[index] ? pad(row.label.text, to: labelWidth) : row.label.text
            return "\(patterns) -> \(label)"
        }
    }

    static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
