@testable import LeverEngine

/// Random markets and books over a policy's assets and venues: spot longs and shorts, perps and
/// options on several venues (some the policy does not declare), empty accounts, zero
/// quantities, and scores drawn partly from the tier boundaries.
struct MarketBookGenerator {
    var random: SeededRandom
    let assets: [String]
    let venues: [String]
    /// Scores worth hitting exactly (tier boundaries).
    let boundaries: [Double]
    static let asOf = Timestamp(secondsSinceEpoch: 1_790_000_000)

    mutating func market() -> MarketSnapshot {
        let quotes = assets.map { symbol -> AssetQuote in
            var price: Double? = random.pick([1.0, 0.9995, 2000, 65_000, 150, 0.35, random.double(0.01...100_000)])
            // Now and then a price the oracle rules must handle: missing, zero, days old, or
            // timestamped ahead of the snapshot (by seconds, within the default tolerance, or by hours).
            if random.chance(0.03) { price = nil }
            if random.chance(0.03) { price = 0 }
            var time = random.chance(0.08) ? Timestamp(secondsSinceEpoch: Self.asOf.secondsSinceEpoch - 86_400 * 3) : Self.asOf
            if random.chance(0.05) {
                time = Timestamp(secondsSinceEpoch: Self.asOf.secondsSinceEpoch + random.pick([30.0, 60, 61, 7200]))
            }
            // Now and then an empty pool (its utilization is the policy's `empty_pool_utilization`).
            let supplied = random.chance(0.05) ? 0 : random.double(1e6...1e9)
            let utilization = random.pick([0.0, 1.0, 0.8, random.double(0...1)])
            // Options are priced at a rate (the asset's own now and then) and the underlying's yield.
            let rate = random.chance(0.2) ? random.double(-0.01...0.1) : nil
            let yield = random.chance(0.3) ? random.double(0...0.1) : nil
            var quote = AssetQuote(symbol: symbol, price: price, priceTime: time, vol: random.double(0.01...2.5),
                                   supplied: supplied, borrowed: supplied * utilization,
                                   utilization: random.chance(0.5) ? utilization : nil, riskFreeRate: rate, dividendYield: yield)
            // Perpetual data now and then: a mark off the quote (even where the quote is missing), funding.
            if random.chance(0.3) { quote.perp.markPrice = (price ?? 100) * random.double(0.98...1.02) }
            if random.chance(0.3) { quote.perp.fundingRate = random.double(-0.5...1.5) }
            if random.chance(0.2) { quote.perp.openInterest = random.double(1e6...1e10) }
            if random.chance(0.2) { quote.unbacked = supplied * random.double(0...0.2) }
            // A declared input (`input asset.depth in [0 USD, 1000B USD]`): now and then missing,
            // now and then outside its range.
            if random.chance(0.9) { quote.inputs["depth"] = random.chance(0.05) ? -1 : random.double(1e5...1e9) }
            // Now and then inputs with a time: the asset's, or the declared input's own; recent,
            // days old, or ahead of the snapshot.
            let moments: [Double] = [-600, -3 * 3600, -3 * 86_400, 30, 7200]
            if random.chance(0.2) { quote.inputsTime = Timestamp(secondsSinceEpoch: Self.asOf.secondsSinceEpoch + random.pick(moments)) }
            if random.chance(0.1) { quote.inputTimes["depth"] = Timestamp(secondsSinceEpoch: Self.asOf.secondsSinceEpoch + random.pick(moments)) }
            return quote
        }
        return MarketSnapshot(asOf: Self.asOf, assets: quotes, riskFreeRate: random.chance(0.5) ? random.double(0...0.08) : nil)
    }

    mutating func book(accounts: Int) -> Book {
        Book(accounts: (0..<accounts).map { account(id: "acct-\($0)") })
    }

    mutating func account(id: String) -> Account {
        let score = random.chance(0.4) && !boundaries.isEmpty ? random.pick(boundaries)
            : Double(random.int(0...1000)) + random.pick([0, 0.5])
        let count = random.pick([0, 1, 2, 3, 5, 8])
        var attributes: [String: AttributeValue] = [:]
        if random.chance(0.8) { attributes["region"] = .string(random.pick(["EU", "US", "APAC", "LATAM"])) }
        if random.chance(0.8) { attributes["age"] = .number(Double(random.int(0...2000))) }
        return Account(id: id, score: score, attributes: attributes, positions: (0..<count).map { _ in position() })
    }

    /// A declared venue, or rarely one the policy does not declare: the account is then reported,
    /// not evaluated (a position is never valued without its venue's rules).
    mutating func venue() -> String {
        random.chance(0.02) || venues.isEmpty ? "Elsewhere" : random.pick(venues)
    }

    mutating func quantity() -> Double {
        if random.chance(0.05) { return 0 }
        let magnitude = random.pick([random.double(0.001...10), random.double(10...10_000), random.double(1e4...5e7)])
        return random.chance(0.3) ? -magnitude : magnitude
    }

    mutating func position() -> Position {
        // A rare asset the policy does not declare: the account is reported, not evaluated.
        let asset = random.chance(0.005) ? "UNDECLARED" : random.pick(assets)
        switch random.int(0...9) {
        case 0...5:
            return .spot(.init(asset: asset, quantity: quantity(), venue: random.chance(0.3) ? nil : venue()))
        case 6...7:
            return .perpetual(.init(asset: asset, size: quantity() / 100, entryPrice: random.double(0.01...70_000),
                                    venue: venue()))
        default:
            let expiry = Timestamp(secondsSinceEpoch: Self.asOf.secondsSinceEpoch + random.double(-86_400...31_536_000))
            return .option(.init(underlying: asset, right: random.chance(0.5) ? .call : .put,
                                 strike: random.double(0.01...70_000), expiry: expiry, size: quantity() / 1000,
                                 venue: venue()))
        }
    }
}
