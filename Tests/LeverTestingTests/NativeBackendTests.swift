import Foundation
import Testing
import Lever
import LeverTestSupport
@testable import LeverTesting

/// The native backend gives the closure engine's results, bit for bit, on every golden case of
/// every shipped policy, at one and two threads; and where it cannot run, it says why and the
/// closure engine's report is unchanged.
struct NativeBackendTests {
    @Test func everyGoldenCaseGivesTheClosureEnginesBits() throws {
        let toolchain = try NativeToolchain.forTests()
        let cases = try GoldenDiscovery.cases(under: [GoldenCorpusTests.corpus])
        #expect(cases.count >= 60)
        var compared = 0, exact = 0, values = 0
        for testCase in cases {
            guard let policy = testCase.policy else { continue }
            let horizon = Horizon.parse(testCase.horizon) ?? Horizon.defaultYears
            guard var engine = Lever.loadPolicy(path: policy, horizon: horizon).engine else {
                Issue.record("\(testCase.name): the policy does not load")
                continue
            }
            let inputs = try Lever.loadInputs(market: testCase.marketPath, book: testCase.bookPath, for: engine,
                                              options: LoadOptions(keepGoing: true))
            guard let book = inputs.book, let market = inputs.market else { continue }
            let laidOut = engine.programInputs(book: book, market: market)
            let closures = engine.results(for: laidOut)
            if engine.policy.exactProgram != nil {
                // Fixed-point policies keep their exact program: the refusal says so.
                #expect(throws: NativeRefusal.self) { try engine.useNative(toolchain: toolchain) }
                exact += 1
                continue
            }
            try engine.useNative(toolchain: toolchain)
            for threads in [1, 2] {
                let native = engine.results(for: laidOut, threads: threads)
                if let (j, a) = NativeProgram.firstDifference(closures, native) {
                    Issue.record("\(testCase.name): output \(j) of account \(book.ids[a]): closures \(closures[j][a]), native \(native[j][a])")
                }
            }
            // And the whole report, notes and plans included, as `lever eval --native` prints it.
            let json = ReportRenderer(style: .json)
            let closureEngine = try #require(Lever.loadPolicy(path: policy, horizon: horizon).engine)
            #expect(json.render(Lever.evaluate(engine, book: book, market: market))
                    == json.render(Lever.evaluate(closureEngine, book: book, market: market)), "\(testCase.name)")
            compared += 1
            values += closures.map(\.count).reduce(0, +)
        }
        print("native backend: \(compared) golden cases, \(values) values the same bits; \(exact) fixed-point cases refused")
        #expect(compared >= 40)
    }
}
