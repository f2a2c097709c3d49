import LeverSyntax

/// Gap and overlap detection for decision tables (`tiers by …`, `table NAME by …`).
///
/// Each key column is cut into pieces such that every row pattern covers a piece entirely or
/// not at all: for numbers, the points where some row's range starts or ends and the open
/// stretches between them; for categories, each value named plus "any other value". A table is
/// then a finite grid, and gaps (cells no row covers), overlaps (cells two rows cover) and dead
/// rows (cells all covered by earlier rows) are exact, with open and closed ends respected.
///
/// `else` in one column matches anything in that column. A row whose patterns are all `else` is
/// the table's fallback: it takes whatever no other row matches, so it never overlaps.
public enum TableAnalysis {
    /// What is known about the values a key column can take.
    public enum KeyDomain: Sendable, Hashable {
        /// A numeric key with a declared range, e.g. `input account.score in [0, 1000]`.
        case numeric(Bounds)
        /// A key whose values are exactly these words (e.g. `side`: `long`, `short`).
        case categories([String])
        /// Nothing declared: numbers range over the whole line, categories are open-ended.
        case unknown
    }

    /// Checks one table and returns its L04xx diagnostics.
    ///
    /// Wiring contract: call once per `TableDecl` after names and units are checked (must run
    /// after `units`). `domains[i]` describes `table.keys[i]` (missing entries mean `.unknown`);
    /// pass `.numeric(range)` for a key with an `input` declaration. `evaluator` must fold params
    /// to constants so that row bounds such as `>= prime_floor` are known; rows whose bounds do
    /// not fold get a note and are left out of the gap analysis.
    public static func check(_ table: TableDecl, domains: [KeyDomain], evaluator: IntervalEvaluator) -> [Diagnostic] {
        guard !table.keys.isEmpty else { return [] }  // the parser reports a table without keys
        var diagnostics: [Diagnostic] = []
        var rows: [TableRowModel] = []
        var unchecked = false
        for (index, row) in table.rows.enumerated() {
            if let model = TableRowModel.make(row, index: index, keyCount: table.keys.count,
                                         evaluator: evaluator, into: &diagnostics) {
                rows.append(model)
            } else {
                unchecked = true
            }
        }
        let columns = table.keys.indices.map { i in
            TableKeyColumn.make(key: table.keys[i], domain: i < domains.count ? domains[i] : .unknown,
                           rows: table.rows, cells: rows.map { $0.cells[i] }, column: i)
        }
        var grid = TableGrid(columns: columns, rows: rows)
        grid.dropMismatchedRows(into: &diagnostics, unchecked: &unchecked)
        let policy = table.hit ?? .unique
        diagnostics += policy == .unique ? grid.overlaps() : []
        diagnostics += grid.deadRows(policy: policy)
        diagnostics += grid.gaps(table: table, provable: !unchecked)
        return diagnostics
    }
}

/// What one row pattern matches, with constant ends.
enum TableCell: Hashable {
    /// A union of numeric ranges (an interval, a comparison, or `1 | 2`).
    case ranges([Bounds])
    /// Categorical values, as shown in messages (`"EU"`, `long`).
    case values([String])
    /// `else`.
    case any
}

/// A row reduced to constant cells, one per key column.
struct TableRowModel {
    var index: Int
    var row: TableRow
    var cells: [TableCell]
    /// All patterns are `else`: the fallback row.
    var isFallback: Bool { cells.allSatisfy { $0 == .any } }

    /// The row's cells, or nil (with a diagnostic) when it cannot be analysed.
    static func make(_ row: TableRow, index: Int, keyCount: Int, evaluator: IntervalEvaluator,
                     into diagnostics: inout [Diagnostic]) -> TableRowModel? {
        guard row.patterns.count == keyCount else {
            let span = row.patterns.first.map { $0.span.to(row.patterns[row.patterns.count - 1].span) } ?? row.label.span
            diagnostics.append(.tablePatternCount(row.patterns.count, keys: keyCount, at: span))
            return nil
        }
        var cells: [TableCell] = []
        for pattern in row.patterns {
            switch cell(pattern, evaluator: evaluator) {
            case .success(let c): cells.append(c)
            case .failure(.notConstant):
                diagnostics.append(.tableRowNotConstant(row.label.text, at: pattern.span))
                return nil
            case .failure(.empty(let b, let unit)):
                diagnostics.append(.tableEmptyInterval(b, unit: unit, at: pattern.span))
                return nil
            }
        }
        return TableRowModel(index: index, row: row, cells: cells)
    }

    enum Problem: Error { case notConstant, empty(Bounds, unit: String?) }

    /// The cell a pattern denotes.
    static func cell(_ pattern: Pattern, evaluator: IntervalEvaluator) -> Result<TableCell, Problem> {
        switch pattern {
        case .any: return .success(.any)
        case .interval(let i):
            guard let b = evaluator.constantRange(i) else { return .failure(.notConstant) }
            let unit = ValueFormat.unit(in: [i.lower, i.upper])
            return b.isEmpty ? .failure(.empty(b, unit: unit)) : .success(.ranges([b]))
        case .comparison(let op, let e, _):
            guard let v = evaluator.bounds(e).constant, let b = comparisonRange(op, v) else {
                return .failure(.notConstant)
            }
            return .success(.ranges([b]))
        case .values(let exprs, _):
            return values(exprs, evaluator: evaluator)
        }
    }

    /// `>= 800` is `[800, +∞)`, and so on.
    static func comparisonRange(_ op: BinaryOp, _ v: Double) -> Bounds? {
        switch op {
        case .greaterEqual: .atLeast(v)
        case .greater: .atLeast(v, closed: false)
        case .lessEqual: .atMost(v)
        case .less: .atMost(v, closed: false)
        case .equal: .exactly(v)
        case .add, .subtract, .multiply, .divide, .power, .notEqual, .and, .or: nil
        }
    }

    /// `"EU" | "UK"` is categorical, `1 | 2` numeric; a word that folds to a number is a number.
    static func values(_ exprs: [Expr], evaluator: IntervalEvaluator) -> Result<TableCell, Problem> {
        var numbers: [Bounds] = [], words: [String] = []
        for e in exprs {
            switch e.kind {
            case .string(let s): words.append("\"\(s)\"")
            case .name(let w) where evaluator.bounds(e).constant == nil: words.append(w)
            default:
                guard let v = evaluator.bounds(e).constant else { return .failure(.notConstant) }
                numbers.append(.exactly(v))
            }
        }
        if numbers.isEmpty { return .success(.values(words)) }
        return words.isEmpty ? .success(.ranges(numbers)) : .failure(.notConstant)
    }
}
