import LeverNumerics

/// Finds an account's `Remedy`: for every action that could cure it, the least amount that
/// does, by evaluating the account with the action applied.
///
/// The engine is the judge: no formula is inverted, so a remedy is right for any policy, with
/// tiers, size-scaled haircuts, guards and flags. The search assumes only that more of an action
/// never makes the status worse near the answer, and checks what it returns: the account with the
/// amount reaches the target, the amount is reported with the status 1 % less gives.
///
/// How: every candidate amount of every action is an account of one book, evaluated together
/// (one evaluation of a few hundred accounts costs about what one of a single account does). A
/// first round brackets each action's least amount between powers of two (a top-up from a
/// billionth to a million times the account's gross value, a repayment from 2^-50 of the debt
/// to all of it); each later round splits every bracket into sixteen, until
/// it is narrower than a billionth of the amount.
public struct RemedyFinder: Sendable {
    public let engine: MarginEngine
    public let market: MarketSnapshot
    public var target: Remedy.Target

    /// Relative width of the final bracket: the reported amount is at most this much above the
    /// least one.
    static let precision = 1e-9

    public init(engine: MarginEngine, market: MarketSnapshot, target: Remedy.Target = .healthy) {
        // The finder's own evaluations find no remedies.
        var plain = engine
        plain.remedyTarget = nil
        self.engine = plain
        self.market = market
        self.target = target
    }

    /// The remedy of `account` (its actions empty, with a note, when there is nothing to do or
    /// no single action that helps).
    public func remedy(for account: Account) -> Remedy {
        remedy(for: account, status: nil)
    }

    /// `remedy(for:)` of an account whose status is known already (a report's), so it is not
    /// evaluated again.
    func remedy(for account: Account, status known: String?) -> Remedy {
        guard engine.policy.output("status") != nil else {
            return Remedy(account: account.id, status: "unknown", target: target, actions: [],
                          note: "the policy reports no status")
        }
        let now = known ?? statuses(of: [account])[0]
        var remedy = Remedy(account: account.id, status: now, target: target, actions: [], note: nil)
        if let band = engine.policy.remedies?.hedgeBand, now != "not evaluated", now != ReportValue.unvaluedWord {
            remedy.hedges = hedges(for: account, band: band)
        }
        guard !target.isMet(by: now) else {
            remedy.note = "already \(now), nothing to do"
            return remedy
        }
        guard now != "not evaluated" else {
            remedy.note = "the account cannot be evaluated (its notes say why): no action is verifiable"
            return remedy
        }
        // Fail closed: an unvalued account rests on an input that is missing or invalid (a score
        // outside its declared range, a debt with no price). An action that makes it look healthy
        // (repaying every debt of an account whose score is wrong) would hide the bad data.
        guard now != ReportValue.unvaluedWord else {
            remedy.note = "the account is unvalued (its notes name the missing or invalid input): correct the data first; "
                + "no remedy is worked out from an undefined status"
            return remedy
        }
        var searches = Self.searches(for: account, policy: engine.policy, market: market)
        bracket(&searches, account: account)
        var rounds = 0
        while rounds < 16, searches.contains(where: { !$0.isNarrow }) {
            refine(&searches, account: account)
            rounds += 1
        }
        remedy.actions = verified(searches, account: account)
        if remedy.actions.isEmpty {
            remedy.note = engine.policy.remedies == nil
                ? "no single top-up or repayment brings the account to \(target.rawValue)"
                : "none of the remedies the policy offers brings the account to \(target.rawValue)"
        }
        return remedy
    }

    /// One action's search: what it changes, and the bracket of its least amount.
    struct Search {
        var kind: Remedy.Kind
        var asset: String
        var position: Int?
        /// The asset's quoted price; for a reduction, the perpetual's mark or the option's model
        /// price per unit.
        var price: Double?
        /// For a reduction, the asset realised profit or loss is settled in, and its price.
        var settlement: (asset: String, price: Double)? = nil
        /// For a reduction, what closing one unit of a long position realises (USD): a
        /// perpetual's mark − entry, an option's model price.
        var realisedPerUnit = 0.0
        /// The most the action can be (a debt's size); nil for a top-up.
        var most: Double?
        /// The largest amount known not to reach the target.
        var low = 0.0
        /// The least amount known to reach it; nil until one is found.
        var high: Double?

        var isNarrow: Bool { high.map { $0 - low <= RemedyFinder.precision * $0 } ?? true }

        /// `account` with the action applied at `amount`.
        func applied(to account: Account, amount: Double) -> Account {
            var changed = account
            switch kind {
            case .topUp:
                changed.positions.append(.spot(Position.Spot(asset: asset, quantity: amount)))
            case .repay:
                guard let p = position, case .spot(var spot) = changed.positions[p] else { break }
                spot.quantity = min(spot.quantity + amount, 0)
                changed.positions[p] = .spot(spot)
            case .reduce:
                guard let p = position, let settlement else { break }
                let size = changed.positions[p].quantity
                let closed = min(amount, abs(size)), sign: Double = size < 0 ? -1 : 1
                switch changed.positions[p] {
                case .perpetual(var perp): perp.size -= sign * closed; changed.positions[p] = .perpetual(perp)
                case .option(var option): option.size -= sign * closed; changed.positions[p] = .option(option)
                case .spot: return changed
                }
                // Booked to the account's balance of the settlement asset where the position is
                // (its venue, else none), as a venue nets it; a new balance only when there is none.
                let units = realised(closed, size: size) / settlement.price, venue = changed.positions[p].venue
                let balance = changed.positions.indices.first { i in
                    guard case .spot(let s) = changed.positions[i], s.asset == settlement.asset, s.chain == nil else { return false }
                    return s.venue == venue
                } ?? changed.positions.indices.first { i in
                    guard case .spot(let s) = changed.positions[i], s.asset == settlement.asset, s.chain == nil else { return false }
                    return s.venue == nil
                }
                if let b = balance, case .spot(var s) = changed.positions[b] {
                    s.quantity += units
                    changed.positions[b] = .spot(s)
                } else {
                    changed.positions.append(.spot(Position.Spot(asset: settlement.asset, quantity: units)))
                }
            }
            return changed
        }

        /// The profit or loss (USD) of closing `closed` of a position of `size`: a long one
        /// realises `realisedPerUnit` a unit, a short one pays it.
        func realised(_ closed: Double, size: Double) -> Double {
            (size < 0 ? -1 : 1) * closed * realisedPerUnit
        }
    }

    /// Every action that might help and the policy offers (both kinds when it declares no
    /// `remedy`): a top-up in each asset it declares (or lists in `remedy top_up in …`) that the
    /// market prices, and a repayment of each debt.
    static func searches(for account: Account, policy: CompiledPolicy, market: MarketSnapshot) -> [Search] {
        let offer = policy.remedies
        func price(_ asset: String) -> Double? {
            guard let p = market[asset]?.price, p.isFinite, p > 0 else { return nil }
            return p
        }
        var searches: [Search] = []
        for asset in offer?.topUpAssets ?? policy.assets {
            guard let p = price(asset) else { continue }
            searches.append(Search(kind: .topUp, asset: asset, position: nil, price: p, most: nil))
        }
        // A reduction needs an asset to settle in, with a price: only when the policy names one.
        let settlement = offer?.reduceSettlement.flatMap { asset in price(asset).map { (asset, $0) } }
        for (i, position) in account.positions.enumerated() {
            switch position {
            case .spot(let spot) where spot.quantity < 0 && offer?.repay != false:
                searches.append(Search(kind: .repay, asset: spot.asset, position: i, price: price(spot.asset), most: -spot.quantity))
            case .perpetual(let perp) where perp.size != 0:
                // Closed at the mark the engine values it at: the market's own, else the quote.
                guard let settlement, let mark = market[perp.asset].flatMap({ $0.perp.markPrice ?? $0.price }),
                      mark.isFinite, mark > 0 else { continue }
                searches.append(Search(kind: .reduce, asset: perp.asset, position: i, price: mark, settlement: settlement,
                                       realisedPerUnit: mark - perp.entryPrice, most: abs(perp.size)))
            case .option(let option) where option.size != 0:
                // Closed at the model price the engine values it at (Black–Scholes–Merton at the
                // quoted price, the market's volatility, rate and yield; intrinsic once expired).
                guard let settlement, let unit = Self.modelPrice(option, market: market), unit.isFinite else { continue }
                searches.append(Search(kind: .reduce, asset: option.underlying, position: i, price: unit, settlement: settlement,
                                       realisedPerUnit: unit, most: abs(option.size)))
            case .spot, .perpetual, .option:
                continue
            }
        }
        return searches
    }

    /// One unit of an option at the model price the engine values it at; nil without a price, a
    /// volatility or the snapshot's `as_of` (its time to expiry).
    static func modelPrice(_ option: Position.Option, market: MarketSnapshot) -> Double? {
        modelValues(option, market: market)?.price
    }

    /// One unit of an option as the engine values it: Black–Scholes–Merton at the underlying's
    /// quoted price, volatility, rate and yield, to expiry from the snapshot's `as_of`.
    static func modelValues(_ option: Position.Option, market: MarketSnapshot) -> BlackScholesMerton.Values? {
        guard let quote = market[option.underlying], let spot = quote.price, spot.isFinite, spot > 0, let asOf = market.asOf
        else { return nil }
        let carry = market.carry(quote)
        let years = (option.expiry.secondsSinceEpoch - asOf.secondsSinceEpoch) / 31_536_000
        return BlackScholesMerton.values(isCall: option.right == .call, spot: spot, strike: option.strike, years: years,
                                         vol: quote.vol, rate: carry.rate, yield: carry.dividendYield)
    }

    /// The first round: each action at amounts a power of two apart, from small to large; the
    /// least that reaches the target is the bracket's top, the one below it its bottom. An action
    /// that reaches it at none of them is dropped.
    private func bracket(_ searches: inout [Search], account: Account) {
        // A top-up's scale: the account's gross value, or 1,000 USD for an empty account.
        var gross = 0.0
        for position in account.positions {
            guard let p = market[position.asset]?.price, p.isFinite else { continue }
            gross += abs(position.quantity) * p
        }
        let scale = gross > 0 && gross.isFinite ? gross : 1_000
        let amounts: [[Double]] = searches.map { search in
            if let most = search.most { return (0...50).reversed().map { most * Double(sign: .plus, exponent: -$0, significand: 1) } }
            let price = search.price ?? 1
            return (-30...20).map { scale * Double(sign: .plus, exponent: $0, significand: 1) / price }
        }
        let met = evaluate(searches, amounts, account: account)
        for s in searches.indices {
            guard let first = met[s].firstIndex(of: true) else {
                searches[s].high = nil
                continue
            }
            searches[s].high = amounts[s][first]
            searches[s].low = first > 0 ? amounts[s][first - 1] : 0
        }
        searches.removeAll { $0.high == nil }
    }

    /// A later round: every bracket still wide is split into sixteen.
    private func refine(_ searches: inout [Search], account: Account) {
        let amounts: [[Double]] = searches.map { search in
            guard let high = search.high, !search.isNarrow else { return [] }
            return (1..<16).map { search.low + (high - search.low) * Double($0) / 16 }
        }
        let met = evaluate(searches, amounts, account: account)
        for s in searches.indices where !amounts[s].isEmpty {
            if let first = met[s].firstIndex(of: true) {
                searches[s].high = amounts[s][first]
                if first > 0 { searches[s].low = amounts[s][first - 1] }
            } else {
                searches[s].low = amounts[s].last ?? searches[s].low
            }
        }
    }

    /// Each action at its amount and at 1 % less, evaluated; kept when the amount reaches the
    /// target, in the order a desk reads them.
    private func verified(_ searches: [Search], account: Account) -> [Remedy.Action] {
        let words = statuses(searches, searches.map { [$0.high ?? 0, 0.99 * ($0.high ?? 0)] }, account: account)
        var actions: [Remedy.Action] = []
        for (s, search) in searches.enumerated() {
            let after = words[s][0], less = words[s][1]
            guard let units = search.high, target.isMet(by: after) else { continue }
            var action = Remedy.Action(kind: search.kind, asset: search.asset, position: search.position, units: units,
                                       usd: search.price.map { units * $0 }, statusAfter: after, statusWithLess: less)
            if let settlement = search.settlement, let p = search.position {
                let size = account.positions[p].quantity
                action.settled = search.realised(min(units, abs(size)), size: size) / settlement.price
                action.settledIn = settlement.asset
                action.instrument = Self.instrument(account.positions[p])
            }
            actions.append(action)
        }
        let order: [Remedy.Kind: Int] = [.topUp: 0, .repay: 1, .reduce: 2]
        return actions.enumerated().sorted { l, r in
            let (a, b) = (l.element, r.element)
            if a.kind != b.kind { return order[a.kind, default: 0] < order[b.kind, default: 0] }
            let (ua, ub) = (a.usd ?? .infinity, b.usd ?? .infinity)
            if ua != ub { return ua < ub }
            return l.offset < r.offset
        }.map(\.element)
    }

    /// For each underlying the account holds a perpetual or an option in, whose delta lies
    /// outside `band` × its gross notional: the perpetual that brings the delta to the band's
    /// edge. Adding a perpetual of size h at the mark m moves the delta d by h·m and the gross G
    /// by |h|·m, so |d + h·m| = band × (G + |h|·m) gives |h| = (|d| − band·G) ÷ ((1 + band)·m),
    /// against the delta's sign. Each hedge is checked by computing the delta again with it, and
    /// the account's status with it is evaluated (a hedge is margined like any perpetual).
    func hedges(for account: Account, band: Double) -> [Remedy.Hedge] {
        let underlyings = account.positions.compactMap { p -> String? in
            if case .spot = p { return nil }
            return p.asset
        }
        var hedges: [(Remedy.Hedge, Account)] = []
        for u in underlyings.reduce(into: [String]()) { list, u in if !list.contains(u) { list.append(u) } } {
            guard let (d, g) = Self.exposure(account, underlying: u, market: market),
                  let mark = market[u].flatMap({ $0.perp.markPrice ?? $0.price }), mark.isFinite, mark > 0,
                  abs(d) > band * g else { continue }
            // A hair beyond the edge, so rounding leaves the delta inside the band; checked below.
            let size = -(d < 0 ? -1.0 : 1.0) * (abs(d) - band * g) / ((1 + band) * mark) * (1 + 1e-12)
            // On the venue of a derivative it already holds in the underlying: a perpetual needs one.
            let venue = account.positions.first { $0.asset == u && $0.venue != nil && $0.kind != .spot }?.venue ?? ""
            var hedged = account
            hedged.positions.append(.perpetual(Position.Perpetual(asset: u, size: size, entryPrice: mark, venue: venue)))
            // Within the band, to a billionth of the gross (a band of 0 % is a delta of 0, to rounding).
            guard let (after, gAfter) = Self.exposure(hedged, underlying: u, market: market),
                  abs(after) <= band * gAfter + 1e-9 * gAfter else { continue }
            hedges.append((Remedy.Hedge(underlying: u, delta: d, band: band * g, size: size, deltaAfter: after,
                                        bandAfter: band * gAfter, statusAfter: ""), hedged))
        }
        let words = statuses(of: hedges.map(\.1))
        return zip(hedges, words).map { item, word in
            var hedge = item.0
            hedge.statusAfter = word
            return hedge
        }
    }

    /// An account's delta in one underlying and its gross notional there (USD): spot balances
    /// and perpetuals at their value (a perpetual at the mark), options at size × Black–Scholes
    /// delta × the price (their notional at size × price); nil when a price is missing.
    static func exposure(_ account: Account, underlying u: String, market: MarketSnapshot) -> (delta: Double, gross: Double)? {
        guard let quote = market[u], let price = quote.price, price.isFinite, price > 0 else { return nil }
        let mark = quote.perp.markPrice ?? price
        var delta = 0.0, gross = 0.0
        for position in account.positions where position.asset == u {
            switch position {
            case .spot(let s):
                delta += s.quantity * price
                gross += abs(s.quantity) * price
            case .perpetual(let p):
                delta += p.size * mark
                gross += abs(p.size) * mark
            case .option(let o):
                guard let greeks = modelValues(o, market: market) else { return nil }
                delta += o.size * greeks.delta * price
                gross += abs(o.size) * price
            }
        }
        return delta.isFinite && gross.isFinite ? (delta, gross) : nil
    }

    /// A position as a reduction names it: `perpetual`, `110,000 call`.
    static func instrument(_ position: Position) -> String {
        switch position {
        case .spot: "balance"
        case .perpetual: "perpetual"
        case .option(let o): "\(NumberText.fixed(o.strike, decimals: 0, grouped: true)) \(o.right.word)"
        }
    }

    /// Whether each amount of each search reaches the target.
    private func evaluate(_ searches: [Search], _ amounts: [[Double]], account: Account) -> [[Bool]] {
        statuses(searches, amounts, account: account).map { $0.map(target.isMet) }
    }

    /// The status with each amount of each search applied, every candidate an account of one book.
    private func statuses(_ searches: [Search], _ amounts: [[Double]], account: Account) -> [[String]] {
        let words = statuses(of: zip(searches, amounts).flatMap { search, list in
            list.map { search.applied(to: account, amount: $0) }
        })
        var grouped: [[String]] = [], k = 0
        for list in amounts {
            grouped.append(Array(words[k..<k + list.count]))
            k += list.count
        }
        return grouped
    }

    /// The status of each account, as its report gives it (`unvalued`, `not evaluated`), from
    /// the program's results alone: no account report (findings, liquidation plan) is built for
    /// a candidate.
    func statuses(of accounts: [Account]) -> [String] {
        guard !accounts.isEmpty, let column = engine.policy.output("status") else { return accounts.map { _ in "unvalued" } }
        let inputs = engine.programInputs(book: Book(accounts: accounts), market: market)
        let results = engine.results(for: inputs)
        return accounts.indices.map { a in
            guard inputs.adapted.evaluable[a] else { return "not evaluated" }
            guard case .label(let word) = engine.valueForms.value(results[column][a], output: column) else { return "unvalued" }
            return word
        }
    }
}
