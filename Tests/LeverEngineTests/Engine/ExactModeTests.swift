import Testing
import LeverCheck
@testable import LeverEngine

/// The number type is one seam: the same plan, compiled by the same `Program` generic over
/// `MarginNumber`, runs in exact 18-decimal fixed point (wad) as well as in `Double`.
struct ExactModeTests {
    static let policy = """
    policy "Exact" version "1"
    class stable { liquidation_threshold = 90% }
    class crypto { haircut = 20%; liquidation_threshold = 80% }
    asset USDC : stable
    asset ETH : crypto
    """

    @Test func samePlanRunsInWadAndDouble() throws {
        let checked = Checker.check(source: Self.policy, path: "exact.lever")
        let compiled = try #require(Compiler.compile(checked).0)
        // One account: +1.5 ETH at 2000.1 USD, −1000.3 USDC at 1 USD.
        func book<N: MarginNumber>(_: N.Type) -> ProgramBook<N> {
            ProgramBook(accountStart: [0, 2], positionAsset: [1, 0], positionVenue: [-1, -1],
                        positionInputs: [.quantity: [N(ratio: 15, 10), N(ratio: -10003, 10)],
                                         .kind: [N.zero, N.zero]],
                        side: [N.one, N.zero - N.one], accountInputs: [.score: [N(500)]])
        }
        func market<N: MarginNumber>(_: N.Type) -> ProgramMarket<N> {
            ProgramMarket(assetCount: 2, inputs: [.price: [N.one, N(ratio: 20001, 10)],
                                                   .quotedPrice: [N.one, N(ratio: 20001, 10)],
                                                   .vol: [N.zero, N.zero], .utilization: [N.zero, N.zero]])
        }
        let exact = Program<Wad>(compiled.plan)
        let wad = exact.evaluate(book(Wad.self), snapshot: exact.prepare(market(Wad.self)))
        let fast = compiled.program.evaluate(book(Double.self), snapshot: compiled.program.prepare(market(Double.self)))
        let collateral = try #require(compiled.output("collateral"))
        let health = try #require(compiled.output("health"))
        // collateral = 1.5 × 2000.1 × (1 − 20%) = 2400.12 exactly; health = 2400.12 × 80% ÷ 1000.3
        #expect(wad[collateral][0] == Wad(ratio: 240012, 100))
        #expect(abs(fast[collateral][0] - 2400.12) < 1e-9)
        #expect(abs(wad[health][0].doubleValue - 1920.096 / 1000.3) < 1e-15)
    }
}
