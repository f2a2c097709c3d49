import LeverSyntax

/// A table as a grid of column pieces, with the pieces each row covers; finds overlaps, dead
/// rows and gaps exactly (enumeration is capped at `cellLimit` cells).
struct Grid {
    var columns: [KeyColumn]
    var rows: [RowModel]
    /// `covers[r][c]`: the pieces of column `c` that row `r` covers.
    var covers: [[Set<Int>]] = []
    /// Beyond this many cells the table is not enumerated (a note says so).
    static let cellLimit = 100_000

    init(columns: [KeyColumn], rows: [RowModel]) {
        self.columns = columns
        self.rows = rows
    }

    /// Computes `covers`, leaving out (with a note) rows whose patterns do not fit their column.
    mutating func dropMismatchedRows(into diagnostics: inout [Diagnostic], unchecked: inout Bool) {
        var kept: [RowModel] = []
        for row in rows {
            let sets = columns.indices.map { columns[$0].covered(by: row.cells[$0]) }
            if let bad = sets.firstIndex(where: { $0 == nil }) {
                diagnostics.append(.tableRowNotConstant(row.row.label.text, at: row.row.patterns[bad].span))
                unchecked = true
                continue
            }
            kept.append(row)
            covers.append(sets.compactMap { $0 })
        }
        rows = kept
    }

    var isOneDimensional: Bool { columns.count == 1 }

    /// Whether row `r` covers a cell (one piece index per column).
    func covers(_ r: Int, _ cell: [Int]) -> Bool {
        cell.indices.allSatisfy { covers[r][$0].contains(cell[$0]) }
    }

    /// The pieces rows `a` and `b` both cover, per column (nil when they share no cell).
    func shared(_ a: Int, _ b: Int) -> [Set<Int>]? {
        let common = columns.indices.map { covers[a][$0].intersection(covers[b][$0]) }
        return common.contains { $0.isEmpty } ? nil : common
    }

    /// The cells of a box (one piece set per column), or nil when there are too many.
    func cells(of box: [Set<Int>]) -> [[Int]]? {
        let count = box.reduce(1.0) { $0 * Double($1.count) }
        guard count <= Double(Self.cellLimit) else { return nil }
        return box.reduce([[]]) { partial, set in
            partial.flatMap { prefix in set.sorted().map { prefix + [$0] } }
        }
    }

    /// A box in words: `[640, 650)` for one column, `` `region` = `"EU"` with `score` in [0, 500) ``
    /// for several (columns the box covers entirely are left out).
    func describe(_ box: [Set<Int>]) -> String {
        if isOneDimensional { return columns[0].describe(box[0]) }
        let parts = columns.indices.compactMap { c -> String? in
            let column = columns[c]
            if box[c].count == column.pieces.count { return nil }
            let text = column.describe(box[c])
            if column.isNumeric { return "`\(column.text)` in \(text)" }
            return box[c].count == 1 ? "`\(column.text)` = \(text)" : "`\(column.text)` in {\(text)}"
        }
        return parts.isEmpty ? "every value" : parts.joined(separator: " with ")
    }

    /// The span of a row's patterns (the one pattern of a one-column table).
    func patternSpan(_ r: Int) -> Span {
        let p = rows[r].row.patterns
        guard let first = p.first, let last = p.last else { return rows[r].row.label.span }
        return first.span.to(last.span)
    }
}

// MARK: - Findings

extension Grid {
    /// Under `unique`: every pair of rows (fallback aside) that match a common value.
    func overlaps() -> [Diagnostic] {
        var found: [Diagnostic] = []
        for b in rows.indices where !rows[b].isFallback {
            for a in 0..<b where !rows[a].isFallback {
                guard let box = shared(a, b) else { continue }
                let first = rows[a].row.label.text, second = rows[b].row.label.text
                let categorical = isOneDimensional && !columns[0].isNumeric
                found.append(categorical
                    ? .tableDuplicateValue(first, second, values: describe(box), at: patternSpan(b), other: patternSpan(a))
                    : .tableOverlap(first, second, on: describe(box), at: patternSpan(b), other: patternSpan(a)))
            }
        }
        return found
    }

    /// Rows whose every cell an earlier row already takes (under `first`), and fallback rows left
    /// with nothing to match.
    func deadRows(policy: TableDecl.HitPolicy) -> [Diagnostic] {
        rows.indices.compactMap { r in
            guard policy == .first || rows[r].isFallback else { return nil }
            let earlier = policy == .first ? Array(0..<r) : rows.indices.filter { !rows[$0].isFallback }
            guard !earlier.isEmpty, let cells = cells(of: covers[r]),
                  cells.allSatisfy({ cell in earlier.contains { covers($0, cell) } })
            else { return nil }
            let covering = earlier.filter { shared($0, r) != nil }.prefix(3).map { rows[$0].row }
            return .tableRowNeverFires(rows[r].row.label, coveredBy: covering)
        }
    }
}
