import LeverNumerics

/// The book as the compiled program reads it: positions grouped by account, one column per field.
///
/// Built once from a loaded book; the columns live in buffers this object owns (stable
/// addresses that batches point into), so evaluating never copies or allocates per account.
public final class ProgramBook<N: MarginNumber>: @unchecked Sendable {
    public let accountCount: Int
    public let positionCount: Int
    /// `accountCount + 1` offsets into the position columns.
    let accountStart: UnsafeMutablePointer<Int32>
    let positionAsset: UnsafeMutablePointer<Int32>
    let positionVenue: UnsafeMutablePointer<Int32>
    let positionColumns: [PositionInput: UnsafeMutablePointer<N>]
    let side: UnsafeMutablePointer<N>
    let assetKey: UnsafeMutablePointer<N>
    let venueKey: UnsafeMutablePointer<N>
    let accountColumns: [AccountInput: UnsafeMutablePointer<N>]
    /// Most positions held by one account (sizes the batch frame).
    public let largestAccount: Int

    /// - Parameters:
    ///   - accountStart: `accounts + 1` non-decreasing offsets; account `a` holds positions
    ///     `accountStart[a]..<accountStart[a + 1]`.
    ///   - positionAsset: per position, the asset's index in the policy's asset list.
    ///   - positionVenue: per position, the venue's index in the policy's venue list, or −1.
    ///   - side: per position, long 1, short −1, flat 0.
    public init(accountStart: [Int32], positionAsset: [Int32], positionVenue: [Int32],
                positionInputs: [PositionInput: [N]], side: [N], accountInputs: [AccountInput: [N]]) {
        accountCount = max(0, accountStart.count - 1)
        positionCount = Int(accountStart.last ?? 0)
        self.accountStart = Self.copy(accountStart.isEmpty ? [0] : accountStart)
        self.positionAsset = Self.copy(positionAsset)
        self.positionVenue = Self.copy(positionVenue)
        self.positionColumns = positionInputs.mapValues { Self.copy($0) }
        self.side = Self.copy(side)
        self.assetKey = Self.copy(positionAsset.map { N(Int($0)) })
        self.venueKey = Self.copy(positionVenue.map { N(Int($0)) })
        self.accountColumns = accountInputs.mapValues { Self.copy($0) }
        largestAccount = (0..<max(0, accountStart.count - 1)).map { Int(accountStart[$0 + 1] - accountStart[$0]) }.max() ?? 0
    }

    /// A book from buffers a layout has filled, which it takes over (and frees), so a large
    /// book is not copied once more: `accountStart` holds `accountCount + 1` offsets, every
    /// per-position buffer at least `accountStart[accountCount]` values and every per-account one
    /// `accountCount`; each was allocated with `allocate(capacity:)` and initialized.
    public init(accountCount: Int, adoptingAccountStart accountStart: UnsafeMutablePointer<Int32>,
                positionAsset: UnsafeMutablePointer<Int32>, positionVenue: UnsafeMutablePointer<Int32>,
                positionInputs: [PositionInput: UnsafeMutablePointer<N>], side: UnsafeMutablePointer<N>,
                accountInputs: [AccountInput: UnsafeMutablePointer<N>]) {
        self.accountCount = accountCount
        positionCount = Int(accountStart[accountCount])
        self.accountStart = accountStart
        self.positionAsset = positionAsset
        self.positionVenue = positionVenue
        positionColumns = positionInputs
        self.side = side
        accountColumns = accountInputs
        let n = positionCount
        assetKey = .allocate(capacity: max(n, 1))
        venueKey = .allocate(capacity: max(n, 1))
        var largest = 0
        for a in 0..<accountCount { largest = max(largest, Int(accountStart[a + 1] - accountStart[a])) }
        largestAccount = largest
        for i in 0..<n {
            (assetKey + i).initialize(to: N(Int(positionAsset[i])))
            (venueKey + i).initialize(to: N(Int(positionVenue[i])))
        }
    }

    /// The policy asset index of an account's `p`-th position (as traces number positions).
    public func asset(ofPosition p: Int, account a: Int) -> Int {
        Int(positionAsset[Int(accountStart[a]) + p])
    }

    /// How many positions account `a` holds.
    public func positionCount(account a: Int) -> Int {
        Int(accountStart[a + 1] - accountStart[a])
    }

    deinit {
        accountStart.deallocate()
        positionAsset.deallocate()
        positionVenue.deallocate()
        positionColumns.values.forEach { $0.deallocate() }
        side.deallocate()
        assetKey.deallocate()
        venueKey.deallocate()
        accountColumns.values.forEach { $0.deallocate() }
    }

    static func copy<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
        p.initialize(from: values, count: values.count)
        return p
    }
}

extension ProgramBook where N == Double {
    /// The same book in another number type (an exact policy's wad or ray), each value through
    /// its shortest decimal text, so `0.1` becomes exactly one tenth: exact for every number a
    /// file writes with up to 15 significant digits.
    public func converted<M: MarginNumber>(to _: M.Type) -> ProgramBook<M> {
        func array<T>(_ p: UnsafeMutablePointer<T>, _ count: Int) -> [T] { Array(UnsafeBufferPointer(start: p, count: count)) }
        func numbers(_ p: UnsafeMutablePointer<Double>, _ count: Int) -> [M] {
            UnsafeBufferPointer(start: p, count: count).map { M(approximating: $0) }
        }
        return ProgramBook<M>(accountStart: array(accountStart, accountCount + 1),
                              positionAsset: array(positionAsset, positionCount),
                              positionVenue: array(positionVenue, positionCount),
                              positionInputs: positionColumns.mapValues { numbers($0, positionCount) },
                              side: numbers(side, positionCount),
                              accountInputs: accountColumns.mapValues { numbers($0, accountCount) })
    }
}

/// Market data for one snapshot: one column per input over the policy's assets, in the policy's
/// asset order (a missing value is NaN, reported by the engine before it gets here).
public struct ProgramMarket<N: MarginNumber>: Sendable {
    public var assetCount: Int
    public var inputs: [AssetInput: [N]]
    public init(assetCount: Int, inputs: [AssetInput: [N]]) {
        self.assetCount = assetCount
        self.inputs = inputs
    }

    /// The same market in another number type, each value through its shortest decimal text.
    public func converted<M: MarginNumber>(to _: M.Type) -> ProgramMarket<M> {
        ProgramMarket<M>(assetCount: assetCount, inputs: inputs.mapValues { $0.map { M(approximating: $0.doubleValue) } })
    }
}
