import Lever

/// How `Benchmark.run` repeats its measurements.
public struct BenchOptions: Sendable, Equatable {
    /// Untimed runs of each engine before timing, per thread count.
    public var warmups: Int
    /// Timed runs of each engine per thread count (Lever and the baseline alternate).
    public var repeats: Int
    /// The thread counts to time, in order.
    public var threads: [Int]

    /// Options; defaults time 5 repetitions at 1 thread after 1 warm-up.
    public init(warmups: Int = 1, repeats: Int = 5, threads: [Int] = [1]) {
        self.warmups = warmups
        self.repeats = repeats
        self.threads = threads
    }
}

/// Where the book and market came from, for the report's header.
public struct BenchSources: Sendable, Equatable {
    public var book: String
    public var market: String
    /// Sources as the report names them.
    public init(book: String, market: String) {
        self.book = book
        self.market = market
    }
}

/// Times a compiled policy over a book in memory and, for the margin workload, the hand-written
/// baseline of the same policy in the same run, after checking that both agree on every account.
public enum Benchmark {
    /// The policy name the baseline is written for (`Rules/margin_workload.lever`).
    public static let workloadPolicy = "Margin workload"

    /// Adapts the inputs (untimed), checks agreement, then times each thread count.
    public static func run(engine: MarginEngine, book: Book, market: MarketSnapshot, sources: BenchSources,
                           options: BenchOptions = BenchOptions()) -> BenchReport {
        let inputs = engine.programInputs(book: book, market: market)
        let (baseline, layout) = checkBaseline(engine: engine, inputs: inputs, book: book, market: market)
        var runs: [BenchReport.Run] = []
        if case .disagrees = baseline {} else {
            runs = options.threads.map { time(engine: engine, inputs: inputs, layout: layout, threads: $0, options: options) }
        }
        return BenchReport(
            policy: "\(engine.identity.name) \(engine.identity.version)", book: sources.book, accounts: book.accounts.count,
            positions: inputs.book.positionCount, market: sources.market, assets: market.assets.count,
            optimized: isOptimized, warmups: options.warmups, repeats: options.repeats, baseline: baseline, runs: runs)
    }

    /// Whether a baseline applies, and if so whether it agrees with Lever on every account.
    static func checkBaseline(engine: MarginEngine, inputs: ProgramInputs, book: Book, market: MarketSnapshot)
        -> (BenchReport.Baseline, WorkloadLayout?) {
        guard engine.identity.name == workloadPolicy,
              let lever = WorkloadResults(lever: engine.results(for: inputs), outputs: engine.policy.outputs)
        else { return (.none("no baseline for this policy"), nil) }
        guard let layout = WorkloadLayout(book: book, market: market) else {
            return (.none("no baseline for this book (a position that is not spot, or an asset outside the workload)"), nil)
        }
        let found = Disagreement.find(lever: lever, baseline: WorkloadBaseline.evaluate(layout),
                                      ids: book.accounts.map(\.id))
        return (found.isEmpty ? .agrees(accounts: lever.count) : .disagrees(found), layout)
    }

    /// Warm-ups, then `repeats` alternating timed runs of Lever and the baseline.
    static func time(engine: MarginEngine, inputs: ProgramInputs, layout: WorkloadLayout?, threads: Int,
                     options: BenchOptions) -> BenchReport.Run {
        let lever = { consume(engine.results(for: inputs, threads: threads).count) }
        let baseline = layout.map { layout in { consume(WorkloadBaseline.evaluate(layout, threads: threads).count) } }
        for _ in 0..<options.warmups {
            lever()
            baseline?()
        }
        var leverSamples: [Double] = [], baselineSamples: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<options.repeats {
            leverSamples.append(clock.measure(lever).nanoseconds)
            if let baseline { baselineSamples.append(clock.measure(baseline).nanoseconds) }
        }
        let accounts = inputs.book.accountCount
        return BenchReport.Run(threads: threads, lever: Timing(samples: leverSamples, accounts: accounts),
                               baseline: layout == nil ? nil : Timing(samples: baselineSamples, accounts: accounts))
    }

    /// Keeps a result alive so the optimiser cannot drop the work that produced it.
    @inline(never)
    static func consume(_ value: Int) { _ = value }

    /// False in a debug build (timings not representative).
    public static var isOptimized: Bool {
        #if DEBUG
        false
        #else
        true
        #endif
    }
}
