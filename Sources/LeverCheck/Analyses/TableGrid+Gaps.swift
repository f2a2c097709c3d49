import LeverSyntax

extension Grid {
    /// Cells no row matches. Cells involving "any other value" of an open-ended category cannot
    /// be called gaps (the values are unknown), so they give a note instead of an error.
    /// When `provable` is false some rows were left out, so gaps are not reported at all.
    func gaps(table: TableDecl, provable: Bool) -> [Diagnostic] {
        guard !rows.contains(where: \.isFallback) else { return [] }
        let universe = columns.map { Set($0.pieces.indices) }
        guard let all = cells(of: universe) else {
            return [.tableTooLarge(table.keys.first?.span ?? table.name.span)]
        }
        let open = all.filter { cell in !rows.indices.contains { covers($0, cell) } }
        let (vague, definite) = open.split { cell in cell.indices.contains { columns[$0].pieces[cell[$0]] == .other } }
        var found: [Diagnostic] = []
        if provable { found += report(definite) }
        if let cell = vague.first, let c = cell.indices.first(where: { columns[$0].pieces[cell[$0]] == .other }) {
            found.append(.tableCoverageUnknown(columns[c].text, at: columns[c].key.span))
        }
        return found
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
                .tableGap(column.text, range: column.describe(Set(run)), at: column.key.span)
            }
        }
        let openSet = Set(open)
        let box = expand(first, within: openSet)
        let inBox = cells(of: box)?.count ?? 1
        let span = columns[0].key.span.to(columns[columns.count - 1].key.span)
        return [.tableCombinationUnmatched(describe(box), more: open.count - inBox, at: span)]
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
