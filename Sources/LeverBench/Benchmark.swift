import Lever

/// How `Benchmark.run` repeats its measurements.
public struct BenchOptions: Sendable, Equatable {
    /// Untimed runs of each engine before timing, per thread count.
    public var warmups: Int
    /// Timed runs of each engine per thread count (Lever and the baseline alternate).
    public var repeats: Int
    /// The thread counts to time, in order.
    public var threads: [Int]
    /// A price tick to time after the whole book, if any.
    public var tick: PriceTick?
    /// Also time the policy's native code (`NativeProgram`), after checking that its results
    /// are the closure engine's, bit for bit.
    public var native: Bool

    /// Options; defaults time 5 repetitions at 1 thread after 1 warm-up, and no tick.
    public init(warmups: Int = 1, repeats: Int = 5, threads: [Int] = [1], tick: PriceTick? = nil, native: Bool = false) {
        self.native = native
        self.warmups = warmups
        self.repeats = repeats
        self.threads = threads
        self.tick = tick
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
    /// The policy name the workload baseline is written for (`Rules/margin_workload.lever`).
    public static let workloadPolicy = "Margin workload"
    /// The policy name the portfolio baseline is written for (`Rules/portfolio_margin.lever`).
    public static let portfolioPolicy = "Portfolio margin"

    /// The hand-written baseline for a policy, by its name; nil when there is none.
    public static func baselineKind(policy name: String) -> BenchReport.BaselineKind? {
        switch name {
        case workloadPolicy: .workload
        case portfolioPolicy: .portfolio
        default: nil
        }
    }

    /// Times the whole book, then the tick if one is asked for (and the book agreed and every
    /// account was evaluated).
    public static func run(engine: MarginEngine, book: Book, market: MarketSnapshot, sources: BenchSources,
                           options: BenchOptions = BenchOptions()) -> BenchReport {
        var nativeEngine: MarginEngine?, status = BenchReport.Native.notAsked
        if options.native {
            do throws(NativeRefusal) {
                var compiled = engine
                try compiled.useNative()
                nativeEngine = compiled
            } catch {
                status = .unavailable(error.description)
            }
        }
        let whole = measure(engine: engine, native: nativeEngine, book: book, market: market, options: options)
        var report = BenchReport(
            policy: "\(engine.identity.name) \(engine.identity.version)", book: sources.book, accounts: book.accounts.count,
            positions: whole.positions, market: sources.market, assets: market.assets.count, optimized: isOptimized,
            warmups: options.warmups, repeats: options.repeats, baseline: whole.baseline, runs: whole.runs)
        report.baselineKind = baselineKind(policy: engine.identity.name) ?? .workload
        report.notEvaluated = whole.notEvaluated
        report.firstNote = whole.firstNote
        report.adaptation = whole.adaptation
        report.repricing = whole.repricing
        report.native = whole.native ?? status
        if let tick = options.tick, !report.hasFindings {
            report.tick = measure(tick: tick, engine: engine, native: nativeEngine, book: book, market: market, options: options)
        }
        return report
    }

    /// What `measure` found for one book, and what it timed.
    struct Measurement {
        var baseline: BenchReport.Baseline
        var runs: [BenchReport.Run] = []
        var adaptation: Timing?
        var repricing: Timing?
        var positions: Int
        var notEvaluated: Int
        var firstNote: String?
        /// How the native code compared, when it ran.
        var native: BenchReport.Native?
    }

    /// Adapts the inputs (untimed), checks that every account is evaluated and that the baseline
    /// agrees, then times the adaptation on its own and each thread count. Nothing is timed when
    /// an account is not evaluated or Lever and the baseline disagree.
    static func measure(engine: MarginEngine, native: MarginEngine?, book: Book, market: MarketSnapshot,
                        options: BenchOptions) -> Measurement {
        let inputs = engine.programInputs(book: book, market: market)
        let notEvaluated = inputs.evaluable.count { !$0 }
        var m = Measurement(baseline: .none("not checked"), positions: inputs.book.positionCount, notEvaluated: notEvaluated)
        // An account that is not evaluated is laid out with no positions and costs almost nothing,
        // so timing a book that holds any would report a speed no real book has.
        if let first = inputs.evaluable.firstIndex(of: false) {
            m.baseline = .none("not checked: \(notEvaluated) accounts not evaluated")
            m.firstNote = "\(book.accounts[first].id): " + (inputs.notes[first].first?.message ?? "not evaluated")
            return m
        }
        let (baseline, timedBaseline) = checkBaseline(engine: engine, inputs: inputs, book: book, market: market)
        m.baseline = baseline
        if case .disagrees = m.baseline { return m }
        var timedNative = native
        if let native, let program = native.native {
            if let (j, a) = NativeProgram.firstDifference(engine.results(for: inputs), native.results(for: inputs)) {
                m.native = .differs("\(engine.policy.outputs.indices.contains(j) ? engine.policy.outputs[j].name : "assertion \(j)") of \(book.ids[a])")
                timedNative = nil
            } else {
                m.native = .identical(accounts: book.accounts.count, library: program.library)
            }
        }
        m.adaptation = timeAdaptation(engine: engine, book: book, market: market, options: options)
        m.repricing = timeRepricing(engine: engine, inputs: inputs, book: book, market: market, options: options)
        m.runs = options.threads.map {
            time(engine: engine, native: timedNative, inputs: inputs, baseline: timedBaseline, threads: $0, options: options)
        }
        return m
    }

    /// Times the tick over the asset's holders; with no holders nothing is timed, since a figure
    /// per account over no accounts (and its ratio) would mean nothing.
    static func measure(tick: PriceTick, engine: MarginEngine, native: MarginEngine?, book: Book, market: MarketSnapshot,
                        options: BenchOptions) -> BenchReport.Tick {
        let holders = tick.holders(in: book)
        guard !holders.accounts.isEmpty else {
            return BenchReport.Tick(tick: tick, holders: 0, baseline: .none("no account holds \(tick.asset)"), runs: [])
        }
        let ticked = measure(engine: engine, native: native, book: holders, market: tick.apply(to: market), options: options)
        var result = BenchReport.Tick(tick: tick, holders: holders.accounts.count, baseline: ticked.baseline, runs: ticked.runs)
        result.native = ticked.native ?? .notAsked
        result.adaptation = ticked.adaptation
        return result
    }

    /// The input adaptation `MarginEngine.evaluate` pays on every call (`programInputs`: oracle
    /// rules, position rows), timed apart: it is outside both timed regions and so outside the
    /// ratio, but a caller of `evaluate` pays it, so the report shows what it costs.
    static func timeAdaptation(engine: MarginEngine, book: Book, market: MarketSnapshot, options: BenchOptions) -> Timing {
        let adapt = { consume(engine.programInputs(book: book, market: market)) }
        for _ in 0..<options.warmups { adapt() }
        let clock = ContinuousClock()
        let samples = (0..<options.repeats).map { _ in clock.measure(adapt).nanoseconds }
        return Timing(samples: samples, accounts: book.accounts.count)
    }

    /// `MarginEngine.repriced` after a move of every price by +1% (the cost does not depend on
    /// which prices moved), timed apart like the adaptation.
    static func timeRepricing(engine: MarginEngine, inputs: ProgramInputs, book: Book, market: MarketSnapshot,
                              options: BenchOptions) -> Timing {
        var moved = market
        for i in moved.assets.indices { moved.assets[i].price = moved.assets[i].price.map { $0 * 1.01 } }
        let reprice = { consume(engine.repriced(inputs, book: book, market: moved)) }
        for _ in 0..<options.warmups { reprice() }
        let clock = ContinuousClock()
        let samples = (0..<options.repeats).map { _ in clock.measure(reprice).nanoseconds }
        return Timing(samples: samples, accounts: book.accounts.count)
    }

    /// Whether a baseline applies, and if so whether it agrees with Lever on every account; when
    /// it applies, the timed call (its layout built, outside the timed region).
    static func checkBaseline(engine: MarginEngine, inputs: ProgramInputs, book: Book, market: MarketSnapshot)
        -> (BenchReport.Baseline, ((Int) -> Void)?) {
        let ids = book.ids, columns = { engine.results(for: inputs) }
        switch baselineKind(policy: engine.identity.name) {
        case .workload?:
            return compare(WorkloadResults(lever: columns(), outputs: engine.policy.outputs),
                           WorkloadLayout(book: book, market: market), ids: ids,
                           declined: "a position that is not spot, or an asset outside the workload") {
                WorkloadBaseline.evaluate($0, threads: $1)
            }
        case .portfolio?:
            return compare(PortfolioResults(lever: columns(), outputs: engine.policy.outputs, flags: engine.policy.flags),
                           PortfolioLayout(book: book, market: market), ids: ids,
                           declined: "written for BTC, ETH and USDC with fresh, in-range data") {
                PortfolioBaseline.evaluate($0, threads: $1)
            }
        case nil:
            return (.none("no baseline for this policy"), nil)
        }
    }

    /// Lever's results against the baseline's over its layout (nil when the baseline declines
    /// the book or market, for the reason `declined`), and the baseline's timed call.
    static func compare<R: BaselineResults, L>(_ lever: R?, _ layout: L?, ids: [String], declined: String,
                                               evaluate: @escaping (L, Int) -> R) -> (BenchReport.Baseline, ((Int) -> Void)?) {
        guard let lever else { return (.none("no baseline for this policy"), nil) }
        guard let layout else { return (.none("no baseline for this book (\(declined))"), nil) }
        let found = Disagreement.find(lever: lever, baseline: evaluate(layout, 1), ids: ids)
        return (found.isEmpty ? .agrees(accounts: lever.count) : .disagrees(found), { threads in consume(evaluate(layout, threads)) })
    }

    /// Warm-ups, then `repeats` alternating timed runs of Lever and the baseline.
    static func time(engine: MarginEngine, native: MarginEngine?, inputs: ProgramInputs, baseline timed: ((Int) -> Void)?,
                     threads: Int, options: BenchOptions) -> BenchReport.Run {
        let lever = { consume(engine.results(for: inputs, threads: threads)) }
        let compiled = native.map { native in { consume(native.results(for: inputs, threads: threads)) } }
        let baseline = timed.map { timed in { timed(threads) } }
        for _ in 0..<options.warmups {
            lever()
            compiled?()
            baseline?()
        }
        var leverSamples: [Double] = [], nativeSamples: [Double] = [], baselineSamples: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<options.repeats {
            leverSamples.append(clock.measure(lever).nanoseconds)
            if let compiled { nativeSamples.append(clock.measure(compiled).nanoseconds) }
            if let baseline { baselineSamples.append(clock.measure(baseline).nanoseconds) }
        }
        let accounts = inputs.book.accountCount
        var run = BenchReport.Run(threads: threads, lever: Timing(samples: leverSamples, accounts: accounts),
                                  baseline: timed == nil ? nil : Timing(samples: baselineSamples, accounts: accounts))
        if native != nil { run.native = Timing(samples: nativeSamples, accounts: accounts) }
        return run
    }

    /// Takes a whole result, opaquely, so the optimiser can drop none of the work (or the result
    /// arrays) that produced it: both sides are timed up to their materialised results.
    @inline(never)
    static func consume<T>(_ value: T) { withExtendedLifetime(value) {} }

    /// False in a debug build (timings not representative).
    public static var isOptimized: Bool {
        #if DEBUG
        false
        #else
        true
        #endif
    }
}
