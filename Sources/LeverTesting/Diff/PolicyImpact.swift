import Lever

/// What a policy change does to a book: every account under both versions, and the sums
/// overall, by tier and by asset.
public struct PolicyImpact: Sendable, Hashable {
    /// Every account, in book order.
    public var accounts: [AccountImpact]
    /// Sums over the whole book.
    public var overall: ImpactTotals
    /// Sums per tier label (an account counts under its old tier for old sums, its new for new).
    public var byTier: [ImpactTotals]
    /// Sums per asset of position-level collateral, requirements and gross value.
    public var byAsset: [ImpactTotals]

    /// Accounts whose status differs between the versions.
    public var statusChanges: [AccountImpact] { accounts.filter(\.statusChanged) }

    /// How many accounts have each status under the old (`old: true`) or the new version, in a
    /// fixed order: the engine's words, then `unvalued` and `not evaluated`, always apart, so a
    /// change that leaves accounts unvalued cannot hide among the healthy ones.
    public func statusCounts(old: Bool) -> [(status: String, count: Int)] {
        var counts: [String: Int] = [:]
        for account in accounts { counts[old ? account.oldStatus : account.newStatus, default: 0] += 1 }
        return Report.ordered(counts)
    }

    /// The `count` accounts that moved most: by |Δ health|, then |Δ collateral|, then id.
    public func movers(top count: Int) -> [AccountImpact] {
        let moved = accounts.filter { abs($0.healthDelta ?? 0) > 0 || abs($0.collateralDelta ?? 0) > 0 || $0.statusChanged }
        let sorted = moved.sorted { a, b in
            let (ha, hb) = (abs(a.healthDelta ?? 0), abs(b.healthDelta ?? 0))
            if ha != hb { return ha > hb }
            let (ca, cb) = (abs(a.collateralDelta ?? 0), abs(b.collateralDelta ?? 0))
            if ca != cb { return ca > cb }
            return a.id < b.id
        }
        return Array(sorted.prefix(max(0, count)))
    }
}

/// Evaluates a book under two engines and compares the reports.
public enum ImpactAnalysis {
    /// The impact of replacing `old` by `new` on `book` at `market`.
    public static func analyze(old: MarginEngine, new: MarginEngine, book: Book, market: MarketSnapshot,
                               threads: Int = 1) -> PolicyImpact {
        let before = ReportReading(Lever.evaluate(old, book: book, market: market, threads: threads))
        let after = ReportReading(Lever.evaluate(new, book: book, market: market, threads: threads))
        let newByID = Dictionary(after.report.accounts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var accounts: [AccountImpact] = []
        var overall = ImpactTotals(group: "all")
        var tiers = GroupedTotals()
        for account in before.report.accounts {
            guard let other = newByID[account.id] else { continue }
            accounts.append(impact(account, other, before, after))
            overall.add(before, account, new: false)
            overall.add(after, other, new: true)
            tiers.add(before, account, group: before.label("tier", account) ?? "(none)", new: false)
            tiers.add(after, other, group: after.label("tier", other) ?? "(none)", new: true)
        }
        let byAsset = assetTotals(old: old, new: new, book: book, market: market, threads: threads)
        return PolicyImpact(accounts: accounts, overall: overall, byTier: tiers.totals, byAsset: byAsset)
    }

    static func impact(_ a: AccountReport, _ b: AccountReport, _ before: ReportReading, _ after: ReportReading) -> AccountImpact {
        AccountImpact(id: a.id, oldStatus: before.status(a), newStatus: after.status(b),
                      oldHealth: before.number("health", a), newHealth: after.number("health", b),
                      oldTier: before.label("tier", a), newTier: after.label("tier", b),
                      oldCollateral: before.number("collateral", a), newCollateral: after.number("collateral", b))
    }

    /// Per-asset sums: each account is split into one sub-account per asset (same id prefix,
    /// score and attributes) and evaluated again. Collateral, requirements and gross value are
    /// sums over positions, so the sub-accounts' values add up to the account's; credit lines are
    /// account-level and are not split (they show as zero by asset).
    static func assetTotals(old: MarginEngine, new: MarginEngine, book: Book, market: MarketSnapshot,
                            threads: Int) -> [ImpactTotals] {
        var owner: [String: String] = [:]
        var split: [Account] = []
        for account in book.accounts {
            var order: [String] = []
            var groups: [String: [Position]] = [:]
            for position in account.positions {
                if groups[position.asset] == nil { order.append(position.asset) }
                groups[position.asset, default: []].append(position)
            }
            for asset in order {
                let id = "\(account.id)\u{0}\(asset)"
                owner[id] = asset
                split.append(Account(id: id, score: account.score, attributes: account.attributes,
                                     positions: groups[asset] ?? [], flags: account.flags))
            }
        }
        let splitBook = Book(accounts: split)
        var grouped = GroupedTotals()
        for (engine, isNew) in [(old, false), (new, true)] {
            let reading = ReportReading(Lever.evaluate(engine, book: splitBook, market: market, threads: threads))
            for account in reading.report.accounts {
                grouped.add(reading, account, group: owner[account.id] ?? "?", new: isNew, credit: false)
            }
        }
        return grouped.totals.sorted { $0.group < $1.group }
    }
}

/// Totals keyed by group, in first-seen order.
struct GroupedTotals {
    private var order: [String] = []
    private var byGroup: [String: ImpactTotals] = [:]

    mutating func add(_ reading: ReportReading, _ account: AccountReport, group: String, new: Bool, credit: Bool = true) {
        if byGroup[group] == nil { order.append(group) }
        var totals = byGroup[group] ?? ImpactTotals(group: group)
        totals.add(reading, account, new: new, credit: credit)
        byGroup[group] = totals
    }

    var totals: [ImpactTotals] { order.compactMap { byGroup[$0] } }
}

extension ImpactTotals {
    /// Adds one account's requirements, credit, collateral and gross value to the old or new side.
    mutating func add(_ reading: ReportReading, _ account: AccountReport, new: Bool, credit: Bool = true) {
        func value(_ name: String) -> Double {
            let x = reading.number(name, account) ?? 0
            return x.isFinite ? x : 0
        }
        let credited = credit ? value("credit_line") : 0
        if new {
            newInitial += value("initial_requirement"); newMaintenance += value("maintenance_requirement")
            newCredit += credited; newCollateral += value("collateral"); newGross += value("gross_value")
        } else {
            oldInitial += value("initial_requirement"); oldMaintenance += value("maintenance_requirement")
            oldCredit += credited; oldCollateral += value("collateral"); oldGross += value("gross_value")
        }
    }
}
