import Foundation
import Testing
import Lever

/// Remedies: the least top-up, repayment or reduction that brings an account to a target status,
/// each checked here by applying it to the account and evaluating again.
@Suite struct RemedyTests {
    /// The account with `action` applied at `units` (as `RemedyFinder` applies it).
    static func applying(_ action: Remedy.Action, units: Double, to account: Account) -> Account {
        var changed = account
        switch action.kind {
        case .topUp:
            changed.positions.append(.spot(Position.Spot(asset: action.asset, quantity: units)))
        case .repay:
            if let p = action.position, case .spot(var spot) = changed.positions[p] {
                spot.quantity += units
                changed.positions[p] = .spot(spot)
            }
        case .reduce:
            // Closed at 100,000 (the perps fixture's mark), the loss or profit booked to the USDC
            // balance held on no venue (the fixture's).
            if let p = action.position, case .perpetual(var perp) = changed.positions[p],
               let b = changed.positions.firstIndex(where: { if case .spot(let s) = $0 { s.asset == "USDC" && s.venue == nil } else { false } }),
               case .spot(var usdc) = changed.positions[b] {
                let sign: Double = perp.size < 0 ? -1 : 1
                perp.size -= sign * units
                changed.positions[p] = .perpetual(perp)
                usdc.quantity += sign * units * (100_000 - perp.entryPrice)
                changed.positions[b] = .spot(usdc)
            }
        }
        return changed
    }

    /// A perpetual desk that offers reductions (settled in USDC): 10,000 USDC of collateral
    /// beside a 4 BTC long perpetual entered at 102,000, marked at 100,000 (−8,000 unrealised).
    static func perps(extra: String = "remedy reduce in USDC",
                      positions: String = #"{"asset": "USDC", "qty": 10000}, {"kind": "perp", "asset": "BTC", "size": 4, "entry_price": 102000, "venue": "Dex"}"#)
        throws -> (MarginEngine, Account, MarketSnapshot) {
        let policy = """
        policy "Perps" version "1"
        class stable { haircut = 0%; liquidation_threshold = 100% }
        class crypto { haircut = 20%; liquidation_threshold = 100% }
        asset USDC : stable
        asset BTC : crypto
        venue Dex
        margin {
          initial = 10%
          maintenance = 5%
          liquidate when health < 1
          margin_call when health < 1.1
        }
        \(extra)
        """
        return try fixture("perps", policy: policy,
                           market: #"{"as_of": "2026-11-25T12:00:00Z", "assets": {"USDC": {"price": 1, "vol": 0.01}, "BTC": {"price": 100000, "vol": 0.5}}}"#,
                           book: #"{"accounts": [{"id": "long", "positions": ["# + positions + "]}]}")
    }

    /// Reducing a perpetual realises its loss, paid from the USDC balance. Worked by hand:
    /// closing x of the 4 BTC leaves (4 − x) × −2,000 unrealised, takes 2,000x from the 10,000
    /// USDC and lowers the maintenance requirement to 5 % × (4 − x) × 100,000, so health =
    /// (10,000 − 2,000x − 8,000 + 2,000x) ÷ (20,000 − 5,000x) = 2,000 ÷ (20,000 − 5,000x),
    /// which is 0.1 now (liquidatable), 1.1 (healthy) at x = 20,000 ÷ 5,500 = 40/11 = 3.6364 BTC
    /// (7,272.73 USDC paid), and 1 (out of liquidation) at x = 18,000 ÷ 5,000 = 3.6.
    @Test func aReductionSettlesItsRealisedLoss() throws {
        let (engine, account, market) = try Self.perps()
        #expect(Self.status(engine, account, market) == "liquidatable")
        let remedy = RemedyFinder(engine: engine, market: market).remedy(for: account)
        #expect(remedy.actions.map(\.kind) == [.reduce])
        let action = try #require(remedy.actions.first)
        #expect(action.position == 1)
        #expect(abs(action.units - 40.0 / 11) <= 1e-8 * action.units)
        #expect(abs(try #require(action.settled) - (-2_000 * 40.0 / 11)) <= 1e-5)
        #expect(action.settledIn == "USDC")
        #expect((action.statusAfter, action.statusWithLess) == ("healthy", "margin_call"))
        // Applied independently of the finder: healthy with it, not with 1 % less.
        #expect(Self.status(engine, Self.applying(action, units: action.units, to: account), market) == "healthy")
        #expect(Self.status(engine, Self.applying(action, units: 0.99 * action.units, to: account), market) == "margin_call")
        let outOf = RemedyFinder(engine: engine, market: market, target: .outOfLiquidation).remedy(for: account)
        #expect(abs(try #require(outOf.actions.first).units - 3.6) <= 1e-8 * 3.6)
        let text = ReportRenderer.text(remedy)
        #expect(text.last?.contains("reduce its 2nd position, the BTC perpetual, by 3.63637, paying 7,272.73 USDC") == true, "\(text)")
    }

    /// Buying back a written option pays its model value from the USDC balance. Worked by hand
    /// with an expired call (valued at intrinsic: 100,000 − 90,000 = 10,000 a unit): 40,000 USDC
    /// beside 3 written calls (−30,000), maintenance 5 % × 3 × 100,000 = 15,000, health 10,000 ÷
    /// 15,000 = 0.667. Buying back x: (40,000 − 10,000x − 30,000 + 10,000x) ÷ (5 % × (3 − x) ×
    /// 100,000) = 10,000 ÷ (15,000 − 5,000x), 1.1 at x = 6,500 ÷ 5,500 = 13/11 = 1.1818, paying
    /// 11,818.18 USDC.
    @Test func buyingBackAWrittenOptionPaysItsValue() throws {
        let (engine, account, market) = try Self.perps(positions: #"{"asset": "USDC", "qty": 40000}, {"kind": "option", "underlying": "BTC", "right": "call", "strike": 90000, "expiry": "2026-11-20T08:00:00Z", "size": -3, "venue": "Dex"}"#)
        #expect(Self.status(engine, account, market) == "liquidatable")
        let remedy = RemedyFinder(engine: engine, market: market).remedy(for: account)
        let action = try #require(remedy.actions.first { $0.kind == .reduce })
        #expect(abs(action.units - 13.0 / 11) <= 1e-8 * action.units)
        #expect(abs(try #require(action.settled) + 10_000 * 13.0 / 11) <= 1e-5)
        #expect((action.statusAfter, action.statusWithLess) == ("healthy", "margin_call"))
        #expect(ReportRenderer.text(remedy).contains { $0.contains("the BTC 90,000 call, by 1.18182, paying 11,818.2 USDC") },
                "\(ReportRenderer.text(remedy))")
    }

    /// The delta hedge, worked by hand: 2 BTC spot and a 1 BTC long perpetual at 100,000 are a
    /// delta of 300,000 USD on a gross of 300,000; a 5 % band allows 15,000. A perpetual of
    /// h = −(300,000 − 5 % × 300,000) ÷ (1.05 × 100,000) = −2.7142857 BTC leaves 28,571.43 USD
    /// of delta on a gross of 571,428.57, exactly the band's edge; the account stays healthy
    /// (collateral 210,000 against 5 % of 371,428.57 of perpetuals).
    @Test func aDeltaHedgeBringsTheUnderlyingToTheBandsEdge() throws {
        let (engine, account, market) = try Self.perps(extra: "remedy hedge with perps within 5% delta",
                                                       positions: #"{"asset": "USDC", "qty": 50000}, {"asset": "BTC", "qty": 2}, {"kind": "perp", "asset": "BTC", "size": 1, "entry_price": 100000, "venue": "Dex"}"#)
        #expect(engine.policy.remedies?.hedgeBand == 0.05)
        let remedy = RemedyFinder(engine: engine, market: market).remedy(for: account)
        #expect(remedy.status == "healthy")
        let hedge = try #require(remedy.hedges.first)
        #expect(remedy.hedges.count == 1)
        #expect(hedge.underlying == "BTC")
        #expect(hedge.delta == 300_000 && hedge.band == 15_000)
        #expect(abs(hedge.size - (-285_000.0 / 105_000)) <= 1e-9)  // a hair beyond the edge (1e-12 relative), so rounding stays inside
        #expect(abs(hedge.deltaAfter - 200_000.0 / 7) <= 1e-6)
        #expect(abs(hedge.deltaAfter) <= hedge.bandAfter && hedge.bandAfter - abs(hedge.deltaAfter) <= 1e-6)
        #expect(hedge.statusAfter == "healthy")
        #expect(ReportRenderer.text(remedy).contains { $0.contains("hedge BTC: delta +300,000.00 USD, beyond ±15,000.00 USD; a BTC perpetual of -2.71429 brings it to +28,571.43 USD") },
                "\(ReportRenderer.text(remedy))")
        // A band of 0 % hedges the delta to nothing: −3 BTC (to rounding).
        let (flat, same, _) = try Self.perps(extra: "remedy hedge with perps within 0% delta",
                                             positions: #"{"asset": "USDC", "qty": 50000}, {"asset": "BTC", "qty": 2}, {"kind": "perp", "asset": "BTC", "size": 1, "entry_price": 100000, "venue": "Dex"}"#)
        let zero = try #require(RemedyFinder(engine: flat, market: market).remedy(for: same).hedges.first)
        #expect(abs(zero.size + 3) <= 1e-9)
        // Within the band already: no hedge.
        let (_, small, _) = try Self.perps(extra: "remedy hedge with perps within 5% delta",
                                           positions: #"{"asset": "USDC", "qty": 50000}, {"asset": "BTC", "qty": 1}, {"kind": "perp", "asset": "BTC", "size": -0.96, "entry_price": 100000, "venue": "Dex"}"#)
        #expect(RemedyFinder(engine: engine, market: market).remedy(for: small).hedges.isEmpty)
    }

    /// Without `remedy reduce in ASSET`, nothing is reduced: the policy must say where realised
    /// profit or loss goes. Two settlement assets are an error (L0236).
    @Test func aReductionIsOfferedOnlyWithItsSettlementAsset() throws {
        let (engine, account, market) = try Self.perps(extra: "remedy top_up in USDC")
        #expect(RemedyFinder(engine: engine, market: market).remedy(for: account).actions.map(\.kind) == [.topUp])
        #expect(engine.policy.remedies?.reduceSettlement == nil)
        let two = Lever.loadPolicy(source: "policy \"T\" version \"1\"\nclass stable { haircut = 0% }\nasset USDC : stable\nasset USDT : stable\nremedy reduce in USDC, USDT\n",
                                   path: "two.lever")
        #expect(two.engine == nil)
        #expect(two.diagnostics.map(\.code).contains("L0236"))
    }

    static func status(_ engine: MarginEngine, _ account: Account, _ market: MarketSnapshot) -> String {
        let report = engine.evaluate(book: Book(accounts: [account]), market: market)
        guard let column = report.index(of: "status"), case .label(let word) = report.accounts[0].values[column] else { return "?" }
        return word
    }

    /// The hand-worked lending policy (with `extra` declarations), its market and its account.
    static func lending(extra: String = "") throws -> (MarginEngine, Account, MarketSnapshot) {
        let policy = """
        policy "Hand-worked lending" version "1"
        class stable { liquidation_threshold = 90% }
        class crypto { haircut = 20%; liquidation_threshold = 80% }
        asset USDC : stable
        asset ETH : crypto
        margin {
          liquidate when health < 1
          margin_call when health < 1.1
        }
        \(extra)
        """
        return try fixture("lending", policy: policy,
                           market: #"{"as_of": "2026-11-25T12:00:00Z", "assets": {"USDC": {"price": 1, "vol": 0.01}, "ETH": {"price": 2000, "vol": 0.7}}}"#,
                           book: #"{"accounts": [{"id": "call", "score": 550, "positions": [{"asset": "ETH", "qty": 1}, {"asset": "USDC", "qty": -1200}]}]}"#)
    }

    /// A policy, market and one-account book written to files and loaded as `lever` loads them:
    /// the engine, the account and the market.
    static func fixture(_ name: String, policy: String, market: String, book: String) throws -> (MarginEngine, Account, MarketSnapshot) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lever-remedy-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let stem = "\(name)-\(UUID().uuidString)"
        let policyFile = directory.appendingPathComponent("\(stem).lever")
        try policy.write(to: policyFile, atomically: true, encoding: .utf8)
        let engine = try #require(Lever.loadPolicy(path: policyFile.path, horizon: 1.0 / 365).engine)
        let marketFile = directory.appendingPathComponent("\(stem)-market.json"), bookFile = directory.appendingPathComponent("\(stem)-book.json")
        try market.write(to: marketFile, atomically: true, encoding: .utf8)
        try book.write(to: bookFile, atomically: true, encoding: .utf8)
        let inputs = try Lever.loadInputs(market: marketFile.path, book: bookFile.path, for: engine)
        return (engine, try #require(inputs.book?.accounts.first), try #require(inputs.market))
    }

    /// The acceptance: every `margin_call` and `liquidatable` account of the sample book gets a
    /// top-up; each action, applied to the book's account, brings it to `healthy`, and 1 % less
    /// does not. (Evaluated here independently of the finder's own verification.)
    @Test func everySickSampleAccountGetsAVerifiedTopUp() throws {
        let (engine, book, market) = try ReportWriterTests.inputs(book: ReportWriterTests.path("Rules/sample/book.json"))
        let finder = RemedyFinder(engine: engine, market: market)
        var sick = 0
        for account in book.accounts {
            let now = Self.status(engine, account, market)
            guard now == "margin_call" || now == "liquidatable" else { continue }
            sick += 1
            let remedy = finder.remedy(for: account)
            #expect(remedy.status == now)
            #expect(remedy.actions.contains { $0.kind == .topUp }, "\(account.id): no top-up")
            for action in remedy.actions {
                let label = "\(account.id): \(action.kind.rawValue) \(action.asset) \(action.units)"
                #expect(Self.status(engine, Self.applying(action, units: action.units, to: account), market) == "healthy", "\(label)")
                #expect(Self.status(engine, Self.applying(action, units: 0.99 * action.units, to: account), market) != "healthy", "\(label)")
                #expect(action.statusAfter == "healthy" && action.statusWithLess != "healthy", "\(label)")
                #expect(action.units > 0 && action.units.isFinite)
            }
            // Top-ups come least USD first.
            let usd = remedy.actions.filter { $0.kind == .topUp }.compactMap(\.usd)
            #expect(usd == usd.sorted())
        }
        #expect(sick >= 3)
    }

    /// Out of liquidation is a weaker target: a liquidatable account needs no more for it (as much
    /// when only the whole of a debt will do).
    @Test func outOfLiquidationNeedsLessThanHealthy() throws {
        let (engine, book, market) = try ReportWriterTests.inputs(book: ReportWriterTests.path("Rules/sample/book.json"))
        for account in book.accounts where Self.status(engine, account, market) == "liquidatable" {
            let healthy = RemedyFinder(engine: engine, market: market, target: .healthy).remedy(for: account)
            let out = RemedyFinder(engine: engine, market: market, target: .outOfLiquidation).remedy(for: account)
            for action in out.actions {
                #expect(action.statusAfter != "liquidatable" && action.statusWithLess == "liquidatable", "\(account.id)")
                if let same = healthy.actions.first(where: { $0.kind == action.kind && $0.asset == action.asset && $0.position == action.position }) {
                    #expect(action.units <= same.units, "\(account.id) \(action.asset)")
                }
            }
        }
    }

    /// Worked by hand. ETH counts at 64 % (a 20 % haircut, then an 80 % liquidation threshold),
    /// USDC at 90 %; health = weighted collateral ÷ debt; margin call below 1.1.
    /// The account: 1 ETH at 2,000 and 1,200 USDC borrowed: health 1,280 / 1,200 = 1.0667.
    /// - ETH top-up y: 1,280 + 1,280·y ≥ 1.1 × 1,200 = 1,320, so y = 40 / 1,280 = 0.03125 ETH (62.50 USD).
    /// - USDC top-up x (a balance of its own, counted as collateral at 90 %):
    ///   1,280 + 0.9·x ≥ 1,320, so x = 40 / 0.9 = 44.444… USDC.
    /// - Repaying r USDC: 1,280 / (1,200 − r) ≥ 1.1, so r = 1,200 − 1,280 / 1.1 = 36.3636… USDC.
    @Test func handWorkedLendingAccount() throws {
        let (engine, account, market) = try Self.lending()
        let remedy = RemedyFinder(engine: engine, market: market).remedy(for: account)
        #expect(remedy.status == "margin_call")
        func units(_ kind: Remedy.Kind, _ asset: String) -> Double? {
            remedy.actions.first { $0.kind == kind && $0.asset == asset }?.units
        }
        let eth = try #require(units(.topUp, "ETH")), usdc = try #require(units(.topUp, "USDC"))
        let repay = try #require(units(.repay, "USDC"))
        // At most a billionth above the least amount, never below it.
        #expect(eth >= 0.03125 && eth <= 0.03125 * (1 + 2e-9))
        #expect(usdc >= 40 / 0.9 && usdc <= 40 / 0.9 * (1 + 2e-9))
        #expect(repay >= 1_200 - 1_280 / 1.1 && repay <= (1_200 - 1_280 / 1.1) * (1 + 2e-9))
        #expect(remedy.actions.first?.asset == "USDC")  // 44.44 USD is less than ETH's 62.50
        #expect(abs((remedy.actions.first { $0.asset == "ETH" }?.usd ?? 0) - 62.5) < 1e-6)
    }

    /// A policy that declares no remedy is offered top-ups and repayments, never a reduction (which
    /// needs the asset its realised profit or loss is settled in): an oversized perpetual gets
    /// top-ups and repayments only.
    @Test func positionsAreNotReduced() throws {
        let (engine, book, market) = try ReportWriterTests.inputs(book: ReportWriterTests.path("Rules/sample/book.json"))
        var account = try #require(book.account(id: "mm-cobalt"))
        let p = try #require(account.positions.firstIndex { if case .perpetual(let perp) = $0 { perp.asset == "BTC" } else { false } })
        guard case .perpetual(var perp) = account.positions[p] else { return }
        perp.size *= 40
        account.positions[p] = .perpetual(perp)
        #expect(Self.status(engine, account, market) != "healthy")
        let remedy = RemedyFinder(engine: engine, market: market).remedy(for: account)
        #expect(!remedy.actions.isEmpty)
        #expect(remedy.actions.allSatisfy { $0.kind == .topUp || $0.kind == .repay })
        for action in remedy.actions {
            #expect(Self.status(engine, Self.applying(action, units: action.units, to: account), market) == "healthy")
        }
    }

    /// A policy that says which remedies it offers gets only those: top-ups in ETH alone (no USDC
    /// top-up, no repayment), or repayments alone; with none offered that helps, the note says so.
    @Test func onlyTheRemediesThePolicyOffers() throws {
        let (engine, account, market) = try Self.lending(extra: "remedy top_up in ETH")
        let remedy = RemedyFinder(engine: engine, market: market).remedy(for: account)
        #expect(remedy.actions.map(\.kind) == [.topUp])
        #expect(remedy.actions.map(\.asset) == ["ETH"])
        #expect(engine.policy.remedies == RemedyOffer(topUpAssets: ["ETH"], repay: false))
        let (repayOnly, same, _) = try Self.lending(extra: "remedy repay")
        #expect(RemedyFinder(engine: repayOnly, market: market).remedy(for: same).actions.map(\.kind) == [.repay])
        // A top-up in an asset the market does not price cures nothing: none offered helps.
        let (unpriced, held, _) = try Self.lending(extra: "asset DAI : stable\nremedy top_up in DAI")
        let none = RemedyFinder(engine: unpriced, market: market).remedy(for: held)
        #expect(none.actions.isEmpty)
        #expect(none.note?.contains("none of the remedies the policy offers") == true)
    }

    /// An unvalued account gets no remedy, never one that looks good on bad data: with a score
    /// outside its declared range, repaying the whole debt would read `healthy`.
    @Test func anUnvaluedAccountGetsNoRemedy() throws {
        let (engine, book, market) = try ReportWriterTests.inputs(book: ReportWriterTests.path("Rules/sample/book.json"))
        var account = try #require(book.accounts.first { Self.status(engine, $0, market) == "margin_call" })
        account.score = 5_000  // prime.lever: input account.score in [0, 1000]
        #expect(Self.status(engine, account, market) == "unvalued")
        let remedy = RemedyFinder(engine: engine, market: market).remedy(for: account)
        #expect(remedy.status == "unvalued")
        #expect(remedy.actions.isEmpty)
        #expect(remedy.note?.contains("correct the data first") == true)
    }

    /// A healthy account has nothing to do; an account no single action cures says so.
    @Test func nothingToDoIsSaid() throws {
        let (engine, book, market) = try ReportWriterTests.inputs(book: ReportWriterTests.path("Rules/sample/book.json"))
        let healthy = try #require(book.accounts.first { Self.status(engine, $0, market) == "healthy" })
        let remedy = RemedyFinder(engine: engine, market: market).remedy(for: healthy)
        #expect(remedy.actions.isEmpty)
        #expect(remedy.note?.contains("nothing to do") == true)
    }
}
