import Lever
import LeverNumerics

/// What exact fixed point costs against binary64 for the same policy and book, and how far the
/// two agree (`lever bench --exact wad`).
///
/// Both sides time the compiled program over inputs laid out beforehand (the exact side's
/// converted to fixed point outside the timed region, as a service would lay a book out once).
public struct ExactCost: Sendable, Equatable {
    /// `wad` or `ray`.
    public var numbers: String
    public var float: Timing
    public var exact: Timing
    /// The largest relative difference between the two over every finite number output.
    public var largestRelativeDifference: Double
    /// Outputs of accounts where one side is undefined, infinite or a different label and the
    /// other is not: a value out of the fixed-point range, most often.
    public var mismatches: Int

    /// Exact time over binary64 time, medians.
    public var ratio: Double { exact.median / float.median }

    /// Times `float` and its compiled counterpart `exact` (the same policy compiled for a
    /// fixed-point number model) over `book`, and compares their results.
    public static func measure(float: MarginEngine, exact: MarginEngine, book: Book, market: MarketSnapshot,
                               options: BenchOptions) -> ExactCost? {
        guard let program = exact.policy.exactProgram else { return nil }
        let inputs = float.programInputs(book: book, market: market)
        let floatRun = { Benchmark.consume(float.results(for: inputs)) }
        let exactRun: () -> Void
        let numbers: String
        switch program {
        case .wad(let p): (exactRun, numbers) = (Self.run(p, inputs), "wad")
        case .ray(let p): (exactRun, numbers) = (Self.run(p, inputs), "ray")
        }
        for _ in 0..<options.warmups {
            floatRun()
            exactRun()
        }
        var floatSamples: [Double] = [], exactSamples: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<options.repeats {
            floatSamples.append(clock.measure(floatRun).nanoseconds)
            exactSamples.append(clock.measure(exactRun).nanoseconds)
        }
        let (largest, mismatches) = agreement(float.results(for: inputs),
                                              exact.results(for: exact.programInputs(book: book, market: market)),
                                              outputs: float.policy.outputs)
        let accounts = book.accounts.count
        return ExactCost(numbers: numbers, float: Timing(samples: floatSamples, accounts: accounts),
                         exact: Timing(samples: exactSamples, accounts: accounts),
                         largestRelativeDifference: largest, mismatches: mismatches)
    }

    /// How two models' results (per output, per account) agree: the largest relative difference
    /// between finite numbers, and how many values differ in kind (undefined, infinite, another
    /// label or flag).
    public static func agreement(_ a: [[Double]], _ b: [[Double]], outputs: [OutputInfo]) -> (largest: Double, mismatches: Int) {
        var largest = 0.0, mismatches = 0
        for (o, output) in outputs.enumerated() where o < a.count && o < b.count {
            for i in a[o].indices where i < b[o].count {
                let (x, y) = (a[o][i], b[o][i])
                if case .number = output.kind, x.isFinite, y.isFinite {
                    if x != y { largest = max(largest, abs(x - y) / max(abs(x), abs(y))) }
                } else if !(x == y || (x.isNaN && y.isNaN)) {
                    mismatches += 1
                }
            }
        }
        return (largest, mismatches)
    }

    /// The timed exact evaluation: inputs converted once, outside the timed region.
    static func run<N: MarginNumber>(_ program: Program<N>, _ inputs: ProgramInputs) -> () -> Void {
        let book = inputs.book.converted(to: N.self)
        let market = inputs.market.converted(to: N.self)
        return { Benchmark.consume(program.evaluate(book, snapshot: program.prepare(market))) }
    }

    /// The report's lines.
    public var lines: [String] {
        let agreement = mismatches == 0
            ? (largestRelativeDifference == 0 ? "the same numbers as binary64 on every account"
                : "agrees with binary64 within \(NumberText.shortest(largestRelativeDifference)) relative on every number")
            : "\(mismatches) values differ in kind (undefined, infinite or another label): outside the \(numbers) range?"
        return ["exact arithmetic (\(numbers)): \(BenchReport.fixed(exact.medianPerAccount, 1)) ns/account median against "
                    + "\(BenchReport.fixed(float.medianPerAccount, 1)) in binary64: \(BenchReport.fixed(ratio, 2))× the cost; \(agreement)"]
    }
}
