import LeverSyntax

extension TableGrid {
    /// Cells no row matches. Cells involving "any other value" of an open-ended category cannot
    /// be called gaps (the values are unknown), so they give a note instead of an error.
    /// When `provable` is false some rows were left out, so gaps are not reported at all.
    func gaps(table: TableDecl, provable: Bool) -> [Diagnostic] {
        guard !rows.contains(where: \.isFallback) else { return [] }
        let universe = columns.map { Set($0.pieces.indices) }
        guard let all = cells(of: universe), all.count * max(1, rows.count) <= Self.workLimit || isOneDimensional else {
            return [.tableTooLarge(table.keys.first?.span ?? table.name.span)]
        }
        let open = isOneDimensional ? openPieces() : all.filter { cell in !rows.indices.contains { covers($0, cell) } }
        let (vague, definite) = open.split { cell in cell.indices.contains { columns[$0].pieces[cell[$0]] == .other } }
        var found: [Diagnostic] = []
        if provable { found += report(definite) }
        if let cell = vague.first, let c = cell.indices.first(where: { columns[$0].pieces[cell[$0]] == .other }) {
            found.append(.tableCoverageUnknown(columns[c].text, at: columns[c].key.span))
        }
        return found
    }

    /// The uncovered cells of a one-column table, from the union of what the rows cover.
    private func openPieces() -> [[Int]] {
        let covered = covers.reduce(into: Set<Int>()) { $0.formUnion($1[0]) }
        return columns[0].pieces.indices.filter { !covered.contains($0) }.map { [$0] }
    }

    /// One error per uncovered stretch of a one-column table; the first uncovered combination
    /// (and how many more) for a multi-column one.
    private func report(_ open: [[Int]]) -> [Diagnostic] {
        guard let first = open.first else { return [] }
        if isOneDimensional {
            let column = columns[0]
            let indices = Set(open.map { $0[0] })
            if !column.isNumeric {
                return [.tableCategoriesUnmatched(column.text, values: column.describe(indices),
                                                  count: indices.count, at: column.key.span)]
            }
            return column.ranges(of: indices).map { run in
                .tableGap(column.text, range: column.describe(Set(run)), at: column.key.span,
                          neighbours: neighbours(of: run))
            }
        }
        let openSet = Set(open)
        let box = expand(first, within: openSet)
        let inBox = cells(of: box)?.count ?? 1
        let span = columns[0].key.span.to(columns[columns.count - 1].key.span)
        return [.tableCombinationUnmatched(describe(box), more: open.count - inBox, at: span)]
    }

    /// Labels on the rows on either side of a one-column gap: "`Watch` ends at 500".
    private func neighbours(of run: ClosedRange<Int>) -> [Diagnostic.Label] {
        let column = columns[0]
        guard case .range(let a) = column.pieces[run.lowerBound], case .range(let b) = column.pieces[run.upperBound]
        else { return [] }
        let gap = a.hull(b)
        var labels: [Diagnostic.Label] = []
        for r in rows.indices {
            guard case .ranges(let rs) = rows[r].cells[0] else { continue }
            let name = rows[r].row.label.text
            if rs.contains(where: { $0.upper == gap.lower && $0.upper.isFinite }) {
                labels.append(.init(patternSpan(r), "`\(name)` ends at \(ValueFormat.value(gap.lower, unit: column.unit))"))
            }
            if rs.contains(where: { $0.lower == gap.upper && $0.lower.isFinite }) {
                labels.append(.init(patternSpan(r), "`\(name)` starts at \(ValueFormat.value(gap.upper, unit: column.unit))"))
            }
        }
        return labels
    }

    /// Grows one uncovered cell, column by column, into a box of uncovered cells (a contiguous
    /// stretch for numeric columns), so a gap is reported as `[0, 500)` rather than as one point.
    private func expand(_ cell: [Int], within open: Set<[Int]>) -> [Set<Int>] {
        var box = cell.map { Set([$0]) }
        for c in columns.indices {
            let fits = columns[c].pieces.indices.filter { p in
                var trial = box
                trial[c] = [p]
                return (self.cells(of: trial) ?? []).allSatisfy(open.contains)
            }
            let run = columns[c].ranges(of: Set(fits)).first { $0.contains(cell[c]) }
            box[c] = columns[c].isNumeric ? Set(run.map(Array.init) ?? [cell[c]]) : Set(fits)
        }
        return box
    }
}

extension Array {
    /// The elements that satisfy `predicate`, then the others, each in order.
    fileprivate func split(_ predicate: (Element) -> Bool) -> ([Element], [Element]) {
        var yes: [Element] = [], no: [Element] = []
        for e in self { if predicate(e) { yes.append(e) } else { no.append(e) } }
        return (yes, no)
    }
}
