import LeverSyntax

/// A table as a grid of column pieces, with the pieces each row covers; finds overlaps, dead
/// rows and gaps exactly (enumeration is capped at `cellLimit` cells).
struct TableGrid {
    var columns: [TableKeyColumn]
    var rows: [TableRowModel]
    /// `covers[r][c]`: the pieces of column `c` that row `r` covers.
    var covers: [[Set<Int>]] = []
    /// Beyond this many cells the table is not enumerated (a note says so).
    static let cellLimit = 100_000
    /// Beyond this many cell-by-row or row-by-row comparisons an analysis is skipped (a note
    /// says so), so that a huge generated table cannot hang the checker.
    static let workLimit = 500_000

    init(columns: [TableKeyColumn], rows: [TableRowModel]) {
        self.columns = columns
        self.rows = rows
    }

    /// Computes `covers`, leaving out (with a note) rows whose patterns do not fit their column.
    mutating func dropMismatchedRows(into diagnostics: inout [Diagnostic], unchecked: inout Bool) {
        var kept: [TableRowModel] = []
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

extension TableGrid {
    /// What a pairwise comparison of rows `a` and `b` costs, in set lookups.
    func cost(_ a: Int, _ b: Int) -> Int {
        columns.indices.reduce(1) { $0 + min(covers[a][$1].count, covers[b][$1].count) }
    }

    /// Under `unique`: every pair of rows (fallback aside) that match a common value.
    func overlaps() -> [Diagnostic] {
        if isOneDimensional { return sweepOverlaps() }
        var found: [Diagnostic] = []
        var budget = Self.workLimit
        for b in rows.indices where !rows[b].isFallback {
            for a in 0..<b where !rows[a].isFallback {
                budget -= cost(a, b)
                guard budget >= 0 else {
                    return found + [.tableTooManyRows(rows.count, at: columns.first?.key.span ?? patternSpan(0))]
                }
                guard let box = shared(a, b) else { continue }
                found.append(overlap(a, b, box))
            }
        }
        return found
    }

    /// One-column overlaps by a sweep over the pieces: each piece remembers the rows that took
    /// it, so the work grows with what rows cover, not with the square of the row count.
    private func sweepOverlaps() -> [Diagnostic] {
        var owners = [[Int]](repeating: [], count: columns[0].pieces.count)
        var shared: [Int: [Int: Set<Int>]] = [:]  // later row → earlier row → shared pieces
        var budget = Self.workLimit
        for r in rows.indices where !rows[r].isFallback {
            for p in covers[r][0] {
                budget -= owners[p].count + 1
                guard budget >= 0 else { return [.tableTooManyRows(rows.count, at: columns[0].key.span)] }
                for a in owners[p] { shared[r, default: [:]][a, default: []].insert(p) }
                owners[p].append(r)
            }
        }
        return shared.keys.sorted().flatMap { b in
            (shared[b] ?? [:]).sorted { $0.key < $1.key }.map { a, pieces in overlap(a, b, [pieces]) }
        }
    }

    private func overlap(_ a: Int, _ b: Int, _ box: [Set<Int>]) -> Diagnostic {
        let first = rows[a].row.label.text, second = rows[b].row.label.text
        let categorical = isOneDimensional && !columns[0].isNumeric
        return categorical
            ? .tableDuplicateValue(first, second, values: describe(box), at: patternSpan(b), other: patternSpan(a))
            : .tableOverlap(first, second, on: describe(box), at: patternSpan(b), other: patternSpan(a))
    }

    /// Rows whose every cell an earlier row already takes (under `first`), and fallback rows left
    /// with nothing to match. One-column tables keep a running union; wider ones enumerate
    /// cells within `workLimit`.
    func deadRows(policy: TableDecl.HitPolicy) -> [Diagnostic] {
        var budget = Self.workLimit
        var taken = Set<Int>()
        return rows.indices.compactMap { r in
            defer { if isOneDimensional, policy == .first { taken.formUnion(covers[r][0]) } }
            guard policy == .first || rows[r].isFallback else { return nil }
            let earlier = policy == .first ? Array(0..<r) : rows.indices.filter { !rows[$0].isFallback }
            guard !earlier.isEmpty, isCovered(r, by: earlier, taken: taken, budget: &budget) else { return nil }
            let covering = earlier.lazy.filter { self.shared($0, r) != nil }.prefix(3).map { self.rows[$0].row }
            return .tableRowNeverFires(rows[r].row.label, coveredBy: Array(covering))
        }
    }

    /// Whether the `earlier` rows take every cell of row `r`.
    private func isCovered(_ r: Int, by earlier: [Int], taken: Set<Int>, budget: inout Int) -> Bool {
        if isOneDimensional {
            let before = taken.isEmpty ? earlier.reduce(into: Set<Int>()) { $0.formUnion(covers[$1][0]) } : taken
            return covers[r][0].isSubset(of: before)
        }
        guard let cells = cells(of: covers[r]) else { return false }
        budget -= cells.count * earlier.count
        guard budget >= 0 else { return false }
        return cells.allSatisfy { cell in earlier.contains { covers($0, cell) } }
    }
}
