import LeverSyntax

/// One key column of a table, cut into pieces that every row pattern covers wholly or not at all.
struct TableKeyColumn {
    /// A piece of a column: a numeric stretch, one category, or every category not named.
    enum Piece: Hashable {
        case range(Bounds)
        case value(String)
        case other
    }

    var key: Expr
    /// The key as shown in messages (`account.score`).
    var text: String
    /// The unit its bounds are written in, for messages.
    var unit: String?
    var isNumeric: Bool
    var pieces: [Piece]

    static func make(key: Expr, domain: TableAnalysis.KeyDomain, rows: [TableRow], cells: [TableCell], column: Int) -> TableKeyColumn {
        let exprs = rows.flatMap { row in column < row.patterns.count ? patternExprs(row.patterns[column]) : [] }
        let unit = ValueFormat.unit(in: exprs)
        let hasWords = cells.contains { if case .values = $0 { true } else { false } }
        switch domain {
        case .numeric(let b):
            return TableKeyColumn(key: key, text: keyText(key), unit: unit, isNumeric: true, pieces: numericPieces(b, cells))
        case .categories(let words):
            return TableKeyColumn(key: key, text: keyText(key), unit: unit, isNumeric: false,
                             pieces: categoryPieces(words, cells, closed: true))
        case .unknown where hasWords:
            return TableKeyColumn(key: key, text: keyText(key), unit: unit, isNumeric: false,
                             pieces: categoryPieces([], cells, closed: false))
        case .unknown:
            return TableKeyColumn(key: key, text: keyText(key), unit: unit, isNumeric: true,
                             pieces: numericPieces(.unbounded, cells))
        }
    }

    /// The pieces a cell covers, or nil when the cell's kind does not fit the column.
    func covered(by cell: TableCell) -> Set<Int>? {
        switch cell {
        case .any: return Set(pieces.indices)
        case .ranges(let rs):
            guard isNumeric else { return nil }
            var found = Set<Int>()
            for r in rs { found.formUnion(pieceIndices(inside: r)) }
            return found
        case .values(let ws):
            guard !isNumeric else { return nil }
            return Set(pieces.indices.filter { i in
                guard case .value(let w) = pieces[i] else { return false }
                return ws.contains(w)
            })
        }
    }

    /// The numeric pieces inside `r`, found by binary search: pieces are in order and each lies
    /// wholly inside or outside `r`, so they form one run and a representative point decides.
    func pieceIndices(inside r: Bounds) -> Range<Int> {
        let start = firstPiece { p in !(p < r.lower || (p == r.lower && !r.lowerClosed)) }
        let end = firstPiece { p in p > r.upper || (p == r.upper && !r.upperClosed) }
        return start..<max(start, end)
    }

    /// The first piece whose representative point satisfies `past` (monotone over the pieces).
    private func firstPiece(where past: (Double) -> Bool) -> Int {
        var lo = 0, hi = pieces.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if case .range(let b) = pieces[mid], !past(Self.representative(b)) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// A point inside a piece: its value, its midpoint, or a point next to its finite end.
    static func representative(_ b: Bounds) -> Double {
        if let c = b.constant { return c }
        switch (b.lower.isFinite, b.upper.isFinite) {
        case (true, true): return b.lower / 2 + b.upper / 2
        case (true, false): return b.lower + max(1, abs(b.lower))
        case (false, true): return b.upper - max(1, abs(b.upper))
        case (false, false): return 0
        }
    }

    /// The union of some pieces in words: `[500, 520)`, `"EU", "UK"`, `other values`.
    func describe(_ indices: Set<Int>) -> String {
        ranges(of: indices).map { run in
            switch (pieces[run.lowerBound], pieces[run.upperBound]) {
            case (.range(let a), .range(let b)): ValueFormat.interval(a.hull(b), unit: unit)
            default: run.map { Self.word(pieces[$0]) }.joined(separator: ", ")
            }
        }.joined(separator: " and ")
    }

    /// Runs of consecutive piece indices (numeric pieces in a run form one interval).
    func ranges(of indices: Set<Int>) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        for i in indices.sorted() {
            if isNumeric, let last = runs.last, last.upperBound == i - 1 {
                runs[runs.count - 1] = last.lowerBound...i
            } else {
                runs.append(i...i)
            }
        }
        return runs
    }

    private static func word(_ p: Piece) -> String {
        switch p {
        case .range(let b): b.description
        case .value(let w): "`\(w)`"
        case .other: "any other value"
        }
    }

    // MARK: - Building pieces

    /// Points where some range starts or ends, and the open stretches between, inside `universe`.
    static func numericPieces(_ universe: Bounds, _ cells: [TableCell]) -> [Piece] {
        var points: Set<Double> = [universe.lower, universe.upper]
        for case .ranges(let rs) in cells { for r in rs { points.insert(r.lower); points.insert(r.upper) } }
        let sorted = points.filter(\.isFinite).sorted()
        var candidates: [Bounds] = []
        var previous = -Double.infinity
        for p in sorted {
            candidates.append(Bounds(previous, p, lowerClosed: false, upperClosed: false))
            candidates.append(.exactly(p))
            previous = p
        }
        candidates.append(Bounds(previous, .infinity, lowerClosed: false))
        return candidates.map { $0.intersection(universe) }.filter { !$0.isEmpty }.map(Piece.range)
    }

    /// Each category named (domain first), plus `other` when the domain is open-ended.
    static func categoryPieces(_ domain: [String], _ cells: [TableCell], closed: Bool) -> [Piece] {
        var words = domain
        for case .values(let ws) in cells { for w in ws where !words.contains(w) { words.append(w) } }
        return words.map(Piece.value) + (closed ? [] : [.other])
    }

    /// The expressions inside a pattern, for finding the unit its bounds are written in.
    static func patternExprs(_ p: Pattern) -> [Expr] {
        switch p {
        case .interval(let i): [i.lower, i.upper]
        case .comparison(_, let e, _): [e]
        case .values(let es, _): es
        case .any: []
        }
    }

    /// `account.score` for a name or member chain, else `key`.
    static func keyText(_ e: Expr) -> String {
        switch e.kind {
        case .name(let n): n
        case .member(let base, let m): keyText(base) + "." + m.text
        case .paren(let inner): keyText(inner)
        default: "key"
        }
    }
}
