import Foundation
import Lever
@testable import LeverBench
import Testing

/// The same policy in binary64 and in exact fixed point agrees on a generated workload book:
/// every number within 1e-9 relative, every status and tier the same. (`lever bench --exact`
/// shows it on the full 100,000 accounts, with the exact model's cost.)
struct ExactAgreementTests {
    /// Wad only: the workload's largest accounts hold more than a ray's ±1.7e11 (there they are
    /// undefined, as they must be).
    @Test(arguments: ["wad"])
    func fixedPointAgreesWithFloat(_ numbers: String) throws {
        let path = Fixtures.root.appendingPathComponent("Rules/margin_workload.lever").path
        let source = try String(contentsOfFile: path, encoding: .utf8) + "\narithmetic {\n  numbers = \(numbers)\n}\n"
        let float = try Fixtures.engine()
        let exact = try #require(Lever.loadPolicy(source: source, path: path).engine)
        #expect(exact.policy.exactProgram != nil)
        let market = WorkloadMarket.snapshot
        let book = try #require(BookGenerator().book(accounts: 2000, market: market))
        let a = float.results(for: float.programInputs(book: book, market: market))
        let b = exact.results(for: exact.programInputs(book: book, market: market))
        #expect(a.count == b.count)
        let (worst, mismatches) = ExactCost.agreement(a, b, outputs: float.policy.outputs)
        #expect(mismatches == 0, "values that differ in kind (undefined, infinite, another label)")
        #expect(worst <= 1e-9, "largest relative difference \(worst)")
    }
}
