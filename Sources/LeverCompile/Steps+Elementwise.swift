import LeverNumerics

/// How a step indexes an operand, as a type so that loops are specialised for it: a column is
/// read at `i`, a scalar at 0.
protocol Indexing { static func at(_ i: Int) -> Int }
enum ColumnIndex: Indexing { @inline(__always) static func at(_ i: Int) -> Int { i } }
enum ScalarIndex: Indexing { @inline(__always) static func at(_ i: Int) -> Int { 0 } }

/// An operand as a step reads it: a column, or a scalar read at index 0 (stride 0).
struct Operand: Sendable {
    var node: Int
    var stride: Int
}

enum Steps<N: MarginNumber> {
    static func binary(_ kernel: BinaryKernel, _ a: Operand, _ b: Operand, out: Int, domain: Domain,
                       next: @escaping Step<N>) -> Step<N> {
        kernel.accept(BinaryStepMaker<N>(a: a, b: b, out: out, domain: domain, next: next))
    }

    /// `table[asset] op other` per position (or `other op table[asset]` when `tableFirst` is
    /// false), reading the per-asset column through the position's asset: a binary operation
    /// and the gather it reads fused into one pass, with no column for the gathered values.
    static func gatheredBinary(_ kernel: BinaryKernel, table: Int, other: Operand, tableFirst: Bool, out: Int,
                               next: @escaping Step<N>) -> Step<N> {
        kernel.accept(GatheredBinaryStepMaker<N>(table: table, other: other, tableFirst: tableFirst, out: out, next: next))
    }

    /// The loop of `gatheredBinary` for one operation, per shape of the other operand.
    static func gatheredBinary<O: BinaryOperation>(_: O.Type, table t: Int, other: Operand, tableFirst: Bool, out: Int,
                                                   next: @escaping Step<N>) -> Step<N> {
        let o = other.node
        switch (other.stride, tableFirst) {
        case (1, true):
            return { e in
                let n = e.pointee.counts.position, x = e.pointee.columns[t], y = e.pointee.columns[o], z = e.pointee.columns[out]
                let asset = e.pointee.positionAsset
                for i in 0..<n { z[i] = O.apply(x[Int(asset[i])], y[i]) }
                next(e)
            }
        case (1, false):
            return { e in
                let n = e.pointee.counts.position, x = e.pointee.columns[t], y = e.pointee.columns[o], z = e.pointee.columns[out]
                let asset = e.pointee.positionAsset
                for i in 0..<n { z[i] = O.apply(y[i], x[Int(asset[i])]) }
                next(e)
            }
        case (_, true):
            return { e in
                let n = e.pointee.counts.position, x = e.pointee.columns[t], k = e.pointee.columns[o][0], z = e.pointee.columns[out]
                let asset = e.pointee.positionAsset
                for i in 0..<n { z[i] = O.apply(x[Int(asset[i])], k) }
                next(e)
            }
        case (_, false):
            return { e in
                let n = e.pointee.counts.position, x = e.pointee.columns[t], k = e.pointee.columns[o][0], z = e.pointee.columns[out]
                let asset = e.pointee.positionAsset
                for i in 0..<n { z[i] = O.apply(k, x[Int(asset[i])]) }
                next(e)
            }
        }
    }

    /// One loop per shape of operands, so the common column-column and column-scalar cases run
    /// without index arithmetic.
    static func binary<O: BinaryOperation>(_: O.Type, _ a: Operand, _ b: Operand, out: Int, domain: Domain,
                                            next: @escaping Step<N>) -> Step<N> {
        let (ai, bi) = (a.node, b.node)
        switch (a.stride, b.stride) {
        case (1, 1):
            return { e in
                let n = e.pointee.count(domain), x = e.pointee.columns[ai], y = e.pointee.columns[bi]
                let z = e.pointee.columns[out]
                for i in 0..<n { z[i] = O.apply(x[i], y[i]) }
                next(e)
            }
        case (1, 0):
            return { e in
                let n = e.pointee.count(domain), x = e.pointee.columns[ai], k = e.pointee.columns[bi][0]
                let z = e.pointee.columns[out]
                for i in 0..<n { z[i] = O.apply(x[i], k) }
                next(e)
            }
        case (0, 1):
            return { e in
                let n = e.pointee.count(domain), k = e.pointee.columns[ai][0], y = e.pointee.columns[bi]
                let z = e.pointee.columns[out]
                for i in 0..<n { z[i] = O.apply(k, y[i]) }
                next(e)
            }
        default:
            return { e in
                let n = e.pointee.count(domain), k = e.pointee.columns[ai][0], m = e.pointee.columns[bi][0]
                let z = e.pointee.columns[out]
                for i in 0..<n { z[i] = O.apply(k, m) }
                next(e)
            }
        }
    }

    /// A switch rather than opening `any UnaryOperation.Type`: an opened metatype is only known at
    /// run time, so its loop would stay generic (value witnesses per element, measured 2× slower).
    static func unary(_ kernel: UnaryKernel, _ a: Operand, out: Int, domain: Domain, next: @escaping Step<N>) -> Step<N> {
        switch kernel {
        case .negate: unary(NegateOp.self, a, out: out, domain: domain, next: next)
        case .not: unary(NotOp.self, a, out: out, domain: domain, next: next)
        case .abs: unary(AbsOp.self, a, out: out, domain: domain, next: next)
        case .sqrt: unary(SqrtOp.self, a, out: out, domain: domain, next: next)
        case .exp: unary(ExpOp.self, a, out: out, domain: domain, next: next)
        case .ln: unary(LnOp.self, a, out: out, domain: domain, next: next)
        case .ncdf: unary(NcdfOp.self, a, out: out, domain: domain, next: next)
        case .npdf: unary(NpdfOp.self, a, out: out, domain: domain, next: next)
        case .floor: unary(FloorOp.self, a, out: out, domain: domain, next: next)
        case .ceil: unary(CeilOp.self, a, out: out, domain: domain, next: next)
        case .round: unary(RoundOp.self, a, out: out, domain: domain, next: next)
        case .expm1: unary(Expm1Op.self, a, out: out, domain: domain, next: next)
        case .log1p: unary(Log1pOp.self, a, out: out, domain: domain, next: next)
        case .isFalse: unary(IsFalseOp.self, a, out: out, domain: domain, next: next)
        case .isUndefined: unary(IsUndefinedOp.self, a, out: out, domain: domain, next: next)
        }
    }

    /// One loop per kernel, so no switch runs per element.
    static func unary<O: UnaryOperation>(_: O.Type, _ a: Operand, out: Int, domain: Domain,
                                         next: @escaping Step<N>) -> Step<N> {
        let (ai, sa) = (a.node, a.stride)
        return { e in
            let n = e.pointee.count(domain), x = e.pointee.columns[ai], z = e.pointee.columns[out]
            for i in 0..<n { z[i] = O.apply(x[i &* sa]) }
            next(e)
        }
    }

    /// `c ? a : b` per element. The usual shapes (a condition column choosing between columns
    /// and scalars) get their own loops, with no stride multiplications per element.
    static func select(_ c: Operand, _ a: Operand, _ b: Operand, out: Int, domain: Domain,
                       next: @escaping Step<N>) -> Step<N> {
        switch (c.stride, a.stride, b.stride) {
        case (1, 1, 1): select(ColumnIndex.self, ColumnIndex.self, c, a, b, out: out, domain: domain, next: next)
        case (1, 1, 0): select(ColumnIndex.self, ScalarIndex.self, c, a, b, out: out, domain: domain, next: next)
        case (1, 0, 1): select(ScalarIndex.self, ColumnIndex.self, c, a, b, out: out, domain: domain, next: next)
        default:
            { e in
                let n = e.pointee.count(domain), z = e.pointee.columns[out]
                let cc = e.pointee.columns[c.node], x = e.pointee.columns[a.node], y = e.pointee.columns[b.node]
                for i in 0..<n { z[i] = chosen(cc[i &* c.stride], x[i &* a.stride], y[i &* b.stride]) }
                next(e)
            }
        }
    }

    /// The loop for a condition column and operands indexed as `A` and `B`.
    static func select<A: Indexing, B: Indexing>(_: A.Type, _: B.Type, _ c: Operand, _ a: Operand, _ b: Operand,
                                                 out: Int, domain: Domain, next: @escaping Step<N>) -> Step<N> {
        let (cn, an, bn) = (c.node, a.node, b.node)
        return { e in
            let n = e.pointee.count(domain), z = e.pointee.columns[out]
            let cc = e.pointee.columns[cn], x = e.pointee.columns[an], y = e.pointee.columns[bn]
            for i in 0..<n { z[i] = chosen(cc[i], x[A.at(i)], y[B.at(i)]) }
            next(e)
        }
    }

    static func curve(_ shape: CurvePlan, _ a: Operand, out: Int, domain: Domain, next: @escaping Step<N>) -> Step<N> {
        let curve = CurveKernel<N>(shape)
        return { e in
            let n = e.pointee.count(domain), x = e.pointee.columns[a.node], z = e.pointee.columns[out]
            for i in 0..<n { z[i] = curve.value(x[i &* a.stride]) }
            next(e)
        }
    }

    static func splat(_ a: Operand, out: Int, domain: Domain, next: @escaping Step<N>) -> Step<N> {
        return { e in
            let n = e.pointee.count(domain), k = e.pointee.columns[a.node][0], z = e.pointee.columns[out]
            for i in 0..<n { z[i] = k }
            next(e)
        }
    }
}

/// The step of a binary kernel (`Steps.binary`), made for its operation type.
struct BinaryStepMaker<N: MarginNumber>: BinaryKernelVisitor {
    let a: Operand, b: Operand, out: Int, domain: Domain, next: Step<N>
    func visit<O: BinaryOperation>(_: O.Type) -> Step<N> { Steps.binary(O.self, a, b, out: out, domain: domain, next: next) }
}

/// The step of a binary kernel fused with the gather it reads (`Steps.gatheredBinary`).
struct GatheredBinaryStepMaker<N: MarginNumber>: BinaryKernelVisitor {
    let table: Int, other: Operand, tableFirst: Bool, out: Int, next: Step<N>
    func visit<O: BinaryOperation>(_: O.Type) -> Step<N> {
        Steps.gatheredBinary(O.self, table: table, other: other, tableFirst: tableFirst, out: out, next: next)
    }
}
