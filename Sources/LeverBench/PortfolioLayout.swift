import Lever

/// The portfolio-margin baseline's input: the book and market as flat arrays, built once outside
/// the timed region (as the compiled engine's `ProgramInputs` is).
///
/// The baseline is written for `Rules/portfolio_margin.lever` over clean data: the layout is nil
/// for anything else (an asset other than BTC, ETH and USDC; a price that is missing, stale
/// under the policy's 300 s, from the future or outside its declared range; a volume missing,
/// older than 2 days or out of range; no `as_of`), and the benchmark then times Lever alone.
public final class PortfolioLayout: @unchecked Sendable {
    /// The policy's assets, in its order (flags are keyed by it), and which are `major`.
    static let assets = ["BTC", "ETH", "USDC"]
    static let major = [true, true, false]

    public let accountCount: Int, positionCount: Int
    /// Per asset (policy order): price, mark (the price when the market gives none), vol, rate,
    /// dividend yield, 30-day average daily volume, open interest (undefined when not given).
    let price: UnsafeMutablePointer<Double>, mark: UnsafeMutablePointer<Double>, vol: UnsafeMutablePointer<Double>
    let rate: UnsafeMutablePointer<Double>, yield: UnsafeMutablePointer<Double>, adv: UnsafeMutablePointer<Double>
    let openInterest: UnsafeMutablePointer<Double>
    let accountStart: UnsafeMutablePointer<Int32>
    /// Per position: kind (0 spot, 1 perpetual, 2 option), asset, signed quantity, entry price,
    /// call (1) or put (0), strike, years to expiry.
    let kind: UnsafeMutablePointer<UInt8>, asset: UnsafeMutablePointer<Int32>, quantity: UnsafeMutablePointer<Double>
    let entry: UnsafeMutablePointer<Double>, isCall: UnsafeMutablePointer<UInt8>, strike: UnsafeMutablePointer<Double>
    let years: UnsafeMutablePointer<Double>

    public init?(book: Book, market: MarketSnapshot) {
        guard let asOf = market.asOf else { return nil }
        var rows: [(price: Double, mark: Double, vol: Double, rate: Double, yield: Double, adv: Double, oi: Double)] = []
        for symbol in Self.assets {
            guard let quote = market[symbol], let p = quote.price, p > 0, p <= 10_000_000, quote.vol >= 0, quote.vol <= 5,
                  let adv = quote.inputs["adv_30d"], adv >= 0, adv <= 1e12 else { return nil }
            let priceAge = quote.priceTime.map { asOf.secondsSinceEpoch - $0.secondsSinceEpoch } ?? 0
            let inputAge = quote.observed("adv_30d").map { asOf.secondsSinceEpoch - $0.secondsSinceEpoch } ?? 0
            guard priceAge <= 300, priceAge >= -60, inputAge <= 2 * 86_400, inputAge >= -60 else { return nil }
            let carry = market.carry(quote)
            rows.append((p, quote.perp.markPrice ?? p, quote.vol, carry.rate, carry.dividendYield, adv, quote.perp.openInterest ?? .nan))
        }
        var starts: [Int32] = [0], kinds: [UInt8] = [], assets: [Int32] = [], quantities: [Double] = []
        var entries: [Double] = [], calls: [UInt8] = [], strikes: [Double] = [], expiries: [Double] = []
        for account in book.accounts {
            for position in account.positions {
                guard let a = Self.assets.firstIndex(of: position.asset) else { return nil }
                assets.append(Int32(a))
                quantities.append(position.quantity)
                var (k, e, c, s, y): (UInt8, Double, UInt8, Double, Double) = (0, 0, 0, 0, 0)
                switch position {
                case .spot: break
                case .perpetual(let perp): (k, e) = (1, perp.entryPrice)
                case .option(let o):
                    (k, c, s) = (2, o.right == .call ? 1 : 0, o.strike)
                    y = (o.expiry.secondsSinceEpoch - asOf.secondsSinceEpoch) / 31_536_000
                }
                kinds.append(k); entries.append(e); calls.append(c); strikes.append(s); expiries.append(y)
            }
            starts.append(Int32(assets.count))
        }
        accountCount = book.accounts.count
        positionCount = assets.count
        (price, mark, vol) = (.copy(rows.map(\.price)), .copy(rows.map(\.mark)), .copy(rows.map(\.vol)))
        (rate, yield, adv) = (.copy(rows.map(\.rate)), .copy(rows.map(\.yield)), .copy(rows.map(\.adv)))
        openInterest = .copy(rows.map(\.oi))
        accountStart = .copy(starts)
        (kind, asset, quantity) = (.copy(kinds), .copy(assets), .copy(quantities))
        (entry, isCall, strike, years) = (.copy(entries), .copy(calls), .copy(strikes), .copy(expiries))
    }

    deinit {
        [price, mark, vol, rate, yield, adv, openInterest, quantity, entry, strike, years].forEach { $0.deallocate() }
        accountStart.deallocate(); asset.deallocate(); kind.deallocate(); isCall.deallocate()
    }
}
