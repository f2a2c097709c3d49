import LeverCheck
@testable import LeverCompile
@testable import LeverEngine

/// A generated policy (the differential test's `PolicyGenerator`) compiled, with a generated
/// market and book of `accounts` accounts laid out for it; nil when the checker refuses the
/// policy or it would hit the known compiler crash.
struct GeneratedCase {
    var seed: UInt64
    var source: String
    var engine: MarginEngine
    var inputs: ProgramInputs

    init?(seed: UInt64, accounts: Int) {
        var generator = PolicyGenerator(seed: seed)
        let source = generator.policy()
        guard !generator.hitsAssetHaircutTierDiscountCrash else { return nil }
        let checked = Checker.check(source: source, path: "generated-\(seed).lever")
        guard checked.isValid, let policy = Compiler.compile(checked).0 else { return nil }
        var data = MarketBookGenerator(random: SeededRandom(seed: seed &* 31 &+ 7), assets: generator.assets,
                                       venues: generator.venues, boundaries: generator.boundaries)
        let market = data.market(), book = data.book(accounts: accounts)
        self.seed = seed
        self.source = source
        engine = MarginEngine(policy: policy, identity: PolicyIdentity(name: "g", version: "", hash: ""), horizon: 1.0 / 365)
        inputs = engine.programInputs(book: book, market: market)
    }
}
