import LeverNumerics

/// What every compiled step reads: one pointer per plan node to that node's column for the
/// current batch, the batch's sizes, and the position → asset/venue/account layout.
///
/// Held in memory the program owns and passed by pointer, so steps never touch a class `var`
/// (which would cost a dynamic exclusivity check per access; TOOLCHAIN.md §3).
public struct Exec<N: MarginNumber> {
    /// Per node: the base of its column (length 1 for scalars, asset count, or batch size).
    public var columns: UnsafeMutablePointer<UnsafeMutablePointer<N>>
    /// Per domain (`Domain.rawValue`): how many values a column of that domain holds.
    public var counts: (scalar: Int, asset: Int, account: Int, position: Int)
    /// Per position of the batch: its asset index.
    public var positionAsset: UnsafePointer<Int32>
    /// Per position of the batch: its venue index (−1 when none).
    public var positionVenue: UnsafePointer<Int32>
    /// Per account of the batch, plus one: where its positions start, relative to the batch.
    public var accountStart: UnsafePointer<Int32>
    /// Per output: where its per-account results go, already offset to the batch's first account.
    public var results: UnsafeMutablePointer<UnsafeMutablePointer<N>>

    @inline(__always)
    func count(_ domain: Domain) -> Int {
        switch domain {
        case .scalar: counts.scalar
        case .asset: counts.asset
        case .account: counts.account
        case .position: counts.position
        }
    }
}

/// One compiled step; it runs its kernel over the batch, then calls the next step.
public typealias Step<N: MarginNumber> = (UnsafeMutablePointer<Exec<N>>) -> Void

/// Operands a step reads by a per-element index (the cases of a `cases` step, a table's key
/// columns), held in raw memory so the per-element loop indexes no Swift array.
final class OperandList<N: MarginNumber>: @unchecked Sendable {
    let count: Int
    let nodes: UnsafeMutablePointer<Int>
    let strides: UnsafeMutablePointer<Int>

    init(_ operands: [Operand]) {
        count = operands.count
        nodes = .allocate(capacity: max(count, 1))
        strides = .allocate(capacity: max(count, 1))
        for (i, o) in operands.enumerated() { (nodes[i], strides[i]) = (o.node, o.stride) }
    }

    deinit {
        nodes.deallocate()
        strides.deallocate()
    }

    /// Runs `body` with this batch's column base of each operand, on the stack (no allocation;
    /// the program is shared by every thread, so per-batch state cannot live in it).
    @inline(__always)
    func withBases<R>(_ e: UnsafeMutablePointer<Exec<N>>, _ body: (UnsafeMutablePointer<UnsafeMutablePointer<N>>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UnsafeMutablePointer<N>.self, capacity: max(count, 1)) { bases in
            for c in 0..<count { bases[c] = e.pointee.columns[nodes[c]] }
            return body(bases.baseAddress!)
        }
    }

    /// Operand `c` at element `i` (a scalar operand has stride 0).
    @inline(__always)
    func value(_ bases: UnsafeMutablePointer<UnsafeMutablePointer<N>>, _ c: Int, _ i: Int) -> N {
        bases[c][i &* strides[c]]
    }
}
