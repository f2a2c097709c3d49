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
