import Testing
import LeverCheck
import LeverCompile
import LeverSyntax
@testable import LeverEngine

/// Cross-chain collateral: a long balance on a chain the account owes nothing on (while it owes
/// on another) secures its debt over a bridge: the chain's `bridge_haircut` is added to its
/// haircut, the `bridge` block may cap its share, and a halt scenario makes it worth nothing.
/// Every number is worked by hand: ETH at 2,000 (10 ETH = 20,000 USD), a 20 % ETH haircut, 2 %
/// for USDC, liquidation thresholds of 100 % (health = haircut collateral ÷ debt).
struct CrossChainTests {
    static func policy(bridge: String = "bridge { home = ethereum }") -> String {
        """
        policy "Bridges" version "1"
        class stable { haircut = 2%; liquidation_threshold = 100% }
        class crypto { haircut = 20%; liquidation_threshold = 100% }
        asset USDC : stable
        asset ETH : crypto
        chain ethereum
        chain arbitrum { bridge_haircut = 5%; finality = 7 days }
        \(bridge)
        margin {
          liquidate when health < 1
          margin_call when health < 1.1
        }
        scenario arbitrum_halt { arbitrum: halt }
        """
    }

    static let market = """
    {"as_of": "2026-11-25T12:00:00Z", "assets": {"USDC": {"price": 1, "vol": 0.01}, "ETH": {"price": 2000, "vol": 0.7}}}
    """

    static func book(_ accounts: [(String, String)]) -> String {
        #"{"accounts": ["# + accounts.map { #"{"id": "\#($0.0)", "positions": [\#($0.1)]}"# }.joined(separator: ",\n") + "]}"
    }

    static let eth = #"{"asset": "ETH", "quantity": 10, "chain": "arbitrum"}"#

    static func number(_ r: Report, _ output: String, _ id: String) -> Double? {
        if case .number(let x)? = r.value(output, account: id) { return x }
        return nil
    }

    @Test func collateralOnAnotherChainTakesTheBridgeHaircut() throws {
        let r = try InlineEvaluation.report(policy: Self.policy(), market: Self.market, book: Self.book([
            // ETH on arbitrum secures USDC owed on ethereum (home: no chain named): 10,000 of the
            // 20,000 crosses the bridge (what is owed there), a cross share of 0.5: haircut
            // 20 % + 0.5 × 5 % = 22.5 %, 15,500 of collateral, health 1.55.
            ("cross", Self.eth + #", {"asset": "USDC", "quantity": -10000}"#),
            // Owed on arbitrum too: no bridge to cross, 20 %: 16,000, health 1.6.
            ("local", Self.eth + #", {"asset": "USDC", "quantity": -10000, "chain": "arbitrum"}"#),
            // Nothing owed: nothing is secured across a bridge.
            ("no-debt", Self.eth),
            // Owed on both chains: the ETH on arbitrum secures the 5,000 owed there; of the rest,
            // the 5,000 owed on ethereum crosses (25 %): 20 % + 0.25 × 5 % = 21.25 %, 15,750.
            ("both", Self.eth + #", {"asset": "USDC", "quantity": -5000}, {"asset": "USDC", "quantity": -5000, "chain": "arbitrum"}"#),
            // A dust loan on arbitrum shields only the dust: 10,000 of the rest crosses for the
            // ethereum loan (0.5), 22.5 %, 15,500.
            ("dust", Self.eth + #", {"asset": "USDC", "quantity": -10000}, {"asset": "USDC", "quantity": -1, "chain": "arbitrum"}"#),
            // A dust loan elsewhere moves only the dust across: 10 of 20,000 (0.0005), 20.0025 %.
            ("dust-elsewhere", Self.eth + #", {"asset": "USDC", "quantity": -10}"#),
        ]))
        #expect(abs(try #require(Self.number(r, "collateral", "cross")) - 15_500) < 1e-9)
        #expect(abs(try #require(Self.number(r, "health", "cross")) - 1.55) < 1e-12)
        #expect(Self.number(r, "collateral", "local") == 16_000)
        #expect(Self.number(r, "collateral", "no-debt") == 16_000)
        #expect(abs(try #require(Self.number(r, "collateral", "both")) - 15_750) < 1e-9)
        #expect(abs(try #require(Self.number(r, "collateral", "dust")) - 15_500) < 1e-9)
        #expect(abs(try #require(Self.number(r, "collateral", "dust-elsewhere")) - 20_000 * (1 - 0.200025)) < 1e-9)
    }

    @Test func aBridgeHaltIsALossInItsScenario() throws {
        let r = try InlineEvaluation.report(policy: Self.policy(), market: Self.market, book: Self.book([
            ("cross", Self.eth + #", {"asset": "USDC", "quantity": -10000}"#),
            ("local", Self.eth + #", {"asset": "USDC", "quantity": -10000, "chain": "arbitrum"}"#),
        ]))
        // Equity 15,500 − 10,000 = 5,500; under the halt the half that crosses counts 0 and the
        // rest 10,000 × 0.8 = 8,000: equity −2,000; loss 7,500.
        #expect(abs(try #require(Self.number(r, "loss_arbitrum_halt", "cross")) - 7_500) < 1e-9)
        #expect(r.value("worst_scenario", account: "cross") == .label("arbitrum_halt"))
        #expect(Self.number(r, "loss_arbitrum_halt", "local") == 0)
    }

    /// A halted bridge leaves only the part that stays on its chain; a tier discount beyond
    /// 100 % (a haircut below zero before the clamp) does not leak value across a halted bridge.
    @Test func aHaltKeepsOnlyThePartOnItsChain() throws {
        let r = try InlineEvaluation.report(policy: Self.policy(), market: Self.market, book: Self.book([
            // 25 % crosses; under the halt the other 75 % at 20 %: 15,000 × 0.8 = 12,000; 15,750
            // before it (above): a loss of 3,750.
            ("both", Self.eth + #", {"asset": "USDC", "quantity": -5000}, {"asset": "USDC", "quantity": -5000, "chain": "arbitrum"}"#),
        ]))
        #expect(abs(try #require(Self.number(r, "loss_arbitrum_halt", "both")) - 3_750) < 1e-9)
        let generous = Self.policy() + "\ninput account.score in [0, 1000]\ntiers by account.score {\n  [0, 1000] -> All { haircut_discount = 150% }\n}\n"
        let g = try InlineEvaluation.report(policy: generous, market: Self.market, book: Self.book([
            ("cross", Self.eth + #", {"asset": "USDC", "quantity": -10000}"#),
        ]).replacingOccurrences(of: #""id": "cross","#, with: #""id": "cross", "score": 500,"#))
        // The haircut clamps at 0 % before the bridge's 5 % on the half that crosses:
        // 20,000 × (1 − 0.5 × 5 %) = 19,500; halted, the crossing half is worth 0: 10,000.
        #expect(Self.number(g, "collateral", "cross") == 19_500)
        #expect(Self.number(g, "loss_arbitrum_halt", "cross") == 9_500)
    }

    @Test func theMarketShockedByAHaltAgreesWithTheScenario() throws {
        let checked = Checker.check(source: Self.policy(), path: "bridges.lever")
        let market = try #require(MarketLoader.load(SourceFile(id: 1, path: "m.json", text: Self.market)).value)
        guard case .scenario(_, let shocks)? = checked.symbols.lookup(.scenario, "arbitrum_halt")?.declaration.kind else {
            Issue.record("no scenario"); return
        }
        let halted = market.shocked(by: shocks, symbols: checked.symbols)
        #expect(halted.haltedChains == ["arbitrum"])
        let r = try InlineEvaluation.report(policy: Self.policy(), market: halted, book: Self.book([
            ("cross", Self.eth + #", {"asset": "USDC", "quantity": -10000}"#),
        ]))
        #expect(abs(try #require(Self.number(r, "collateral", "cross")) - 8_000) < 1e-9)
        #expect(r.value("status", account: "cross") == .label("liquidatable"))
    }

    @Test func theCapOnCrossChainCollateral() throws {
        // 20,000 of ETH on arbitrum and 1,000 USDC at home, against 12,000 owed at home: 12,000 of
        // the ETH crosses (0.6): 12,000 × 0.75 = 9,000 across the bridge; what stays is
        // 8,000 × 0.8 = 6,400 of ETH and 980 of USDC, 7,380. At most 40 % across: 40/60 × 7,380 =
        // 4,920, so the total is 12,300 (40 % of which is 4,920) and health 12,300 / 12,000 = 1.025.
        let policy = Self.policy(bridge: "bridge {\n  home = ethereum\n  max_cross_chain_share = 40%\n}")
        let r = try InlineEvaluation.report(policy: policy, market: Self.market, book: Self.book([
            ("capped", Self.eth + #", {"asset": "USDC", "quantity": 1000}, {"asset": "USDC", "quantity": -12000}"#),
            // Under the cap already: 9,000 across beside 6,400 + 98,000 that stays.
            ("under", Self.eth + #", {"asset": "USDC", "quantity": 100000}, {"asset": "USDC", "quantity": -12000}"#),
        ]))
        let total = try #require(Self.number(r, "collateral", "capped"))
        #expect(abs(total - 12_300) < 1e-9)
        #expect(abs(try #require(Self.number(r, "health", "capped")) - 1.025) < 1e-12)
        let under = try #require(Self.number(r, "collateral", "under")), expected: Double = 9_000 + 6_400 + 98_000
        #expect(abs(under - expected) < 1e-9)
    }

    @Test func anUndeclaredChainIsAnErrorWithTheClosestName() throws {
        let checked = Checker.check(source: Self.policy(), path: "bridges.lever")
        let compiled = try #require(Compiler.compile(checked).0)
        let book = Self.book([("typo", #"{"asset": "ETH", "quantity": 10, "chain": "arbitrun"}"#)])
        let loaded = BookLoader.load(SourceFile(id: 2, path: "book.json", text: book), policy: PolicyNames(policy: compiled))
        #expect(loaded.value == nil)
        let diagnostic = try #require(loaded.diagnostics.first { $0.code == "L0724" })
        #expect(diagnostic.message == "accounts[0].positions[0].chain: chain `arbitrun` is not declared in the policy")
        #expect(diagnostic.help == "use `arbitrum`")
        // Without the policy's names at load, the engine still refuses to value it.
        let r = try InlineEvaluation.report(policy: Self.policy(), market: Self.market, book: book)
        #expect(r.accounts.first?.evaluated == false)
        #expect(r.accounts.first?.notes.map(\.message) == ["chain arbitrun is not declared in the policy"])
    }

    @Test func theChecksOfChainsAndHalts() {
        func codes(_ extra: String) -> [String] {
            Checker.check(source: Self.policy() + "\n" + extra, path: "bridges.lever").diagnostics.filter { $0.severity != .note }.map(\.code)
        }
        #expect(codes("") == [])
        #expect(codes("scenario bad { ETH: halt }") == ["L0234"])
        let misspelt = Checker.check(source: Self.policy() + "\nscenario typo { arbitrun: halt }", path: "bridges.lever").diagnostics
        #expect(misspelt.first { $0.code == "L0234" }?.help == "use `arbitrum`")
        #expect(codes("scenario bad2 { arbitrum: -30% }") == ["L0235"])
        #expect(codes("chain solana { bridge_haircut = 150% }").count == 1)  // beyond [0%, 100%]
        #expect(codes("chain base { bridge_hiarcut = 5% }").count == 1)     // unknown, with a suggestion
        #expect(codes("chain optimism { finality = 5% }").count == 1)        // a ratio, not a duration
    }

    /// A policy without chains lays out no chain column and values a book without chains as before.
    @Test func aPolicyWithoutChainsReadsNoChainInput() throws {
        let plain = Self.policy().replacingOccurrences(of: "chain ethereum\n", with: "")
            .replacingOccurrences(of: "chain arbitrum { bridge_haircut = 5%; finality = 7 days }\n", with: "")
            .replacingOccurrences(of: "bridge { home = ethereum }\n", with: "")
            .replacingOccurrences(of: "scenario arbitrum_halt { arbitrum: halt }", with: "")
        let compiled = try #require(Compiler.compile(Checker.check(source: plain, path: "plain.lever")).0)
        #expect(!compiled.bridge.isDeclared)
        #expect(!compiled.plan.nodes.contains { $0.op == .positionInput(.chain) || $0.op == .positionInput(.crossChain) })
    }
}
