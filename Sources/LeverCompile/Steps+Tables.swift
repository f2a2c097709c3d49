import LeverNumerics

extension Steps {
    /// Each element's first matching row of a decision table (−1 for none).
    ///
    /// Tables of intervals only (the common case: `tiers by account.score`) run over flat,
    /// trivially copyable cells; a table with a list of values keeps the general matcher, whose
    /// cells hold arrays (copying those per element cost a retain and a release each).
    static func tableRow(_ table: TablePlan, keys: [Operand], out: Int, domain: Domain,
                         next: @escaping Step<N>) -> Step<N> {
        let columns = OperandList<N>(keys)
        guard let intervals = IntervalTable<N>(table) else {
            let matcher = TableMatcher<N>(table)
            return { e in
                let n = e.pointee.count(domain), z = e.pointee.columns[out]
                columns.withBases(e) { bases in
                    for i in 0..<n { z[i] = rowValue(matcher.firstRow { columns.value(bases, $0, i) }) }
                }
                next(e)
            }
        }
        return { e in
            let n = e.pointee.count(domain), z = e.pointee.columns[out]
            columns.withBases(e) { bases in
                intervals.cells.withUnsafeBufferPointer { cells in
                    for i in 0..<n {
                        z[i] = rowValue(IntervalTable.firstRow(cells, width: intervals.width, rows: intervals.rowCount) { columns.value(bases, $0, i) })
                    }
                }
            }
            next(e)
        }
    }

    static func tableField(_ row: Operand, values: [Double], out: Int, domain: Domain,
                           next: @escaping Step<N>) -> Step<N> {
        let table = values.map { N(approximating: $0) }
        let missing = N(approximating: .nan)
        return { e in
            let n = e.pointee.count(domain), r = e.pointee.columns[row.node], z = e.pointee.columns[out]
            for i in 0..<n {
                let d = r[i &* row.stride].doubleValue
                let k = d.isNaN ? -1 : Int(d)
                z[i] = k >= 0 && k < table.count ? table[k] : missing
            }
            next(e)
        }
    }
}

/// What `firstRow` returns when an undefined key decides whether a row matches: no row can be
/// chosen (a later row, or `else`, would be an answer built on an unknown), so the row is undefined.
let undecidedRow = -2

/// A row index as a column value: the index, −1 for no matching row, undefined when undecided.
@inline(__always) func rowValue<N: MarginNumber>(_ row: Int) -> N {
    row == undecidedRow ? undefined() : N(row)
}

/// A decision table whose every cell is an interval or "any", as flat trivially copyable cells,
/// row by row.
struct IntervalTable<N: MarginNumber>: Sendable {
    struct Cell: Sendable {
        var lower: N, upper: N
        var lowerClosed: Bool, upperClosed: Bool, any: Bool

        @inline(__always)
        func matches(_ x: N) -> Bool {
            any || ((lowerClosed ? x >= lower : x > lower) && (upperClosed ? x <= upper : x < upper))
        }
    }
    /// Row-major: row `r`, column `c` is `cells[r * width + c]`.
    let cells: [Cell]
    let width: Int, rowCount: Int

    /// Nil when a cell lists values.
    init?(_ plan: TablePlan) {
        var cells: [Cell] = []
        for row in plan.rows {
            for matcher in row {
                switch matcher {
                case .interval(let lo, let hi, let lc, let hc):
                    cells.append(Cell(lower: N(approximating: lo), upper: N(approximating: hi), lowerClosed: lc,
                                      upperClosed: hc, any: false))
                case .any: cells.append(Cell(lower: N.zero, upper: N.zero, lowerClosed: true, upperClosed: true, any: true))
                case .values: return nil
                }
            }
        }
        self.cells = cells
        width = plan.rows.first?.count ?? 0
        rowCount = plan.rows.count
    }

    /// The first row whose every cell matches, or −1 (as `TableMatcher.firstRow`).
    @inline(__always)
    static func firstRow(_ cells: UnsafeBufferPointer<Cell>, width: Int, rows: Int, _ key: (Int) -> N) -> Int {
        guard width > 0 else { return rows > 0 ? 0 : -1 }
        var start = 0, row = 0
        while start < cells.count {
            var c = 0
            var unknown = false
            while c < width {
                let cell = cells[start + c], x = key(c)
                if !cell.any && !x.isValid { unknown = true } else if !cell.matches(x) { break }
                c += 1
            }
            if c == width { return unknown ? undecidedRow : row }
            start += width
            row += 1
        }
        return -1
    }
}

/// A decision table's matchers in the evaluation's number type.
struct TableMatcher<N: MarginNumber>: Sendable {
    enum Cell: Sendable {
        case interval(lower: N, upper: N, lowerClosed: Bool, upperClosed: Bool)
        case values([N])
        case any
    }
    let rows: [[Cell]]

    init(_ plan: TablePlan) {
        rows = plan.rows.map { row in
            row.map { matcher in
                switch matcher {
                case .interval(let lo, let hi, let lc, let hc):
                    .interval(lower: N(approximating: lo), upper: N(approximating: hi), lowerClosed: lc, upperClosed: hc)
                case .values(let vs): .values(vs.map { N(approximating: $0) })
                case .any: .any
                }
            }
        }
    }

    /// The first row whose every cell matches, or −1. (`unique` tables are proved to have at
    /// most one matching row by the checker, so "first" is also "the" row.)
    @inline(__always)
    func firstRow(_ key: (Int) -> N) -> Int {
        rowLoop: for (r, row) in rows.enumerated() {
            var unknown = false
            for (c, cell) in row.enumerated() {
                let x = key(c)
                if case .any = cell { continue }
                if !x.isValid { unknown = true } else if !Self.matches(cell, x) { continue rowLoop }
            }
            return unknown ? undecidedRow : r
        }
        return -1
    }

    @inline(__always)
    static func matches(_ cell: Cell, _ x: N) -> Bool {
        switch cell {
        case .any: return true
        case .values(let vs): return vs.contains(x)
        case .interval(let lo, let hi, let lc, let hc):
            let aboveLower = lc ? x >= lo : x > lo
            let belowUpper = hc ? x <= hi : x < hi
            return aboveLower && belowUpper
        }
    }
}
