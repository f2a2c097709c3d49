import Testing
@testable import LeverCompile
import LeverNumerics

/// Hand-built plans run through the compiled program, checked against arithmetic done by hand.
struct ProgramTests {
    /// Two assets (prices 100 and 2), three accounts:
    /// - A0: +3 of asset 0 (300), −10 of asset 1 (debt 20)
    /// - A1: no positions
    /// - A2: +1 of asset 1 (2), +2 of asset 0 (200)
    static func book() -> ProgramBook<Double> {
        ProgramBook(accountStart: [0, 2, 2, 4], positionAsset: [0, 1, 1, 0], positionVenue: [-1, -1, 0, -1],
                    positionInputs: [.quantity: [3, -10, 1, 2]], side: [1, -1, 1, 1],
                    accountInputs: [.score: [700, 400, 900]])
    }

    static func market() -> ProgramMarket<Double> {
        ProgramMarket(assetCount: 2, inputs: [.price: [100, 2], .vol: [0.5, 1.5]])
    }

    /// collateral = Σ notional × (1 − haircut) over longs, haircut per asset = clamp(vol × 0.2, 0.1, 0.25);
    /// debt = Σ notional over shorts; tier from score.
    static func plan() -> Plan {
        var b = PlanBuilder()
        let quantity = b.add(.positionInput(.quantity))
        let price = b.add(.assetInput(.price))
        let notional = b.unary(.abs, b.binary(.multiply, quantity, price))
        let haircut = b.binary(.min, b.binary(.max, b.binary(.multiply, b.add(.assetInput(.vol)), b.constant(0.2)),
                                              b.constant(0.1)), b.constant(0.25))
        let side = b.add(.side)
        let long = b.binary(.greater, side, b.constant(0))
        let cv = b.binary(.multiply, notional, b.binary(.subtract, b.constant(1), haircut))
        b.output("collateral", b.aggregate(.sum, cv, filter: long))
        b.output("debt", b.aggregate(.sum, notional, filter: b.binary(.less, side, b.constant(0))))
        b.output("positions", b.aggregate(.count, notional, filter: nil))
        let table = TablePlan(name: "tier", rows: [[.interval(lower: 800, upper: 1000, lowerClosed: true, upperClosed: true)],
                                                   [.interval(lower: 500, upper: 800, lowerClosed: true, upperClosed: false)]],
                              labels: ["Prime", "Core"])
        let row = b.tableRow(table, keys: [b.add(.accountInput(.score))])
        b.output("tier", row)
        b.output("credit", b.add(.tableField(row, values: [5e6, 1e6])))
        return b.plan
    }

    @Test func evaluatesByHand() {
        let program = Program<Double>(Self.plan())
        let results = program.evaluate(Self.book(), snapshot: program.prepare(Self.market()))
        // haircuts: asset 0 clamp(0.1, 0.1, 0.25) = 0.1; asset 1 clamp(0.3, …) = 0.25
        // A0: 300 × 0.9 = 270; A1: 0; A2: 2 × 0.75 + 200 × 0.9 = 181.5
        #expect(results[0] == [270, 0, 181.5])
        #expect(results[1] == [20, 0, 0])
        #expect(results[2] == [2, 0, 2])
        #expect(results[3] == [1, -1, 0])
        #expect(results[4][0] == 1e6 && results[4][1].isNaN && results[4][2] == 5e6)
    }

    @Test func sameResultsAtAnyThreadCountAndBatchSize() {
        var starts: [Int32] = [0]
        var assets: [Int32] = [], quantities: [Double] = [], sides: [Double] = [], scores: [Double] = []
        for a in 0..<1000 {
            for p in 0..<(a % 7) {
                assets.append(Int32((a + p) % 2))
                let q = Double((a * 31 + p * 17) % 23) - 11
                quantities.append(q)
                sides.append(q > 0 ? 1 : (q < 0 ? -1 : 0))
            }
            starts.append(Int32(assets.count))
            scores.append(Double(a % 1000))
        }
        let book = ProgramBook<Double>(accountStart: starts, positionAsset: assets,
                                       positionVenue: [Int32](repeating: -1, count: assets.count),
                                       positionInputs: [.quantity: quantities], side: sides, accountInputs: [.score: scores])
        let reference = Program<Double>(Self.plan(), batchPositions: 1)
        let expected = reference.evaluate(book, snapshot: reference.prepare(Self.market()), threads: 1)
        for (threads, batch) in [(1, 512), (2, 64), (3, 7)] {
            let program = Program<Double>(Self.plan(), batchPositions: batch)
            let got = program.evaluate(book, snapshot: program.prepare(Self.market()), threads: threads)
            #expect(got.map { $0.map(\.bitPattern) } == expected.map { $0.map(\.bitPattern) })
        }
    }
}
