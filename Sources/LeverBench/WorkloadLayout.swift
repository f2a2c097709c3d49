import Lever

/// The hand-written baseline's input: the book and market as flat arrays (struct of arrays),
/// built once outside the timed region, as the compiled engine's own `ProgramInputs` is.
///
/// A final class owning raw buffers, like `ProgramBook`: the baseline's loops read stable
/// addresses through `let` pointers, with no array bounds checks or exclusivity checks.
public final class WorkloadLayout: @unchecked Sendable {
    /// Accounts and positions in the book.
    public let accountCount: Int, positionCount: Int
    /// Assets of the market, in its order.
    public let assetCount: Int
    /// Per asset: price, annualised vol, pool utilization, and the class's haircut floor.
    let price: UnsafeMutablePointer<Double>, vol: UnsafeMutablePointer<Double>
    let utilization: UnsafeMutablePointer<Double>, floor: UnsafeMutablePointer<Double>
    /// `accountCount + 1` offsets into the position arrays.
    let accountStart: UnsafeMutablePointer<Int32>
    /// Per account: its score.
    let score: UnsafeMutablePointer<Double>
    /// Per position: its asset's index and its signed quantity.
    let asset: UnsafeMutablePointer<Int32>, quantity: UnsafeMutablePointer<Double>

    /// The layout of `book` over `market`; nil when the book is outside the workload (a position
    /// that is not spot, or on an asset the market or the workload's classes do not have).
    public init?(book: Book, market: MarketSnapshot) {
        guard let quotes = Self.quotes(market) else { return nil }
        var starts: [Int32] = [0], assets: [Int32] = [], quantities: [Double] = []
        for account in book.accounts {
            for position in account.positions {
                guard case .spot(let spot) = position, let a = market.index(of: spot.asset) else { return nil }
                assets.append(Int32(a))
                quantities.append(spot.quantity)
            }
            starts.append(Int32(assets.count))
        }
        accountCount = book.accounts.count
        positionCount = assets.count
        assetCount = quotes.count
        price = .copy(quotes.map(\.price))
        vol = .copy(quotes.map(\.vol))
        utilization = .copy(quotes.map(\.utilization))
        floor = .copy(quotes.map(\.floor))
        accountStart = .copy(starts)
        score = .copy(book.accounts.map(\.score))
        asset = .copy(assets)
        quantity = .copy(quantities)
    }

    deinit {
        [price, vol, utilization, floor, score, quantity].forEach { $0.deallocate() }
        accountStart.deallocate()
        asset.deallocate()
    }

    /// Per market asset what the baseline reads; nil when one lacks a price or a workload class.
    static func quotes(_ market: MarketSnapshot) -> [(price: Double, vol: Double, utilization: Double, floor: Double)]? {
        var rows: [(price: Double, vol: Double, utilization: Double, floor: Double)] = []
        for quote in market.assets {
            guard let price = quote.price, let assetClass = WorkloadMarket.assetClass(of: quote.symbol) else { return nil }
            rows.append((price, quote.vol, quote.utilization ?? 0, assetClass.haircutFloor))
        }
        return rows
    }
}

extension UnsafeMutablePointer {
    /// A new buffer holding `values` (at least one element, so an empty book still has a base).
    static func copy(_ values: [Pointee]) -> UnsafeMutablePointer<Pointee> {
        let p = UnsafeMutablePointer<Pointee>.allocate(capacity: Swift.max(values.count, 1))
        p.initialize(from: values, count: values.count)
        return p
    }
}
