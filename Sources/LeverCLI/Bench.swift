import ArgumentParser
import Lever
import LeverBench

/// `lever bench [POLICY]`: the compiled policy's speed, as a ratio against a hand-written Swift
/// baseline of the same policy timed in the same run.
struct Bench: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time a compiled policy over a book, against a hand-written Swift baseline.",
        discussion: """
            Without --book, generates a seeded book of --accounts accounts with the margin workload's shape over
            --market (default: the workload's market, built in). For the margin workload policy (the default,
            Rules/margin_workload.lever) and for Rules/portfolio_margin.lever (whose generated book and built-in
            market are a derivatives desk's: spot, perpetuals and options on BTC and ETH) it first checks that
            Lever and the hand-written baseline agree on every account, then times both; any other policy is
            timed alone. With --tick ASSET it also times a price
            tick: the asset's price moves +1% and only the accounts holding it are evaluated again (a tick no
            account holds is not timed). Reports the median and fastest ns per account, accounts per second and
            the ratio Lever / baseline, the input adaptation every evaluation pays (timed apart, not in the ratio),
            and says what each timed region holds. An account the engine cannot evaluate would cost almost
            nothing, so if there is one, nothing is timed: the report says how many and why.
            Exit status: 0 ok; 1 when the policy or an input has errors, an account cannot be evaluated, or Lever
            and the baseline disagree; 2 for usage errors or unreadable files.
            """)

    /// The report forms.
    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    @ArgumentParser.Argument(help: "The policy file.") var policy = "Rules/margin_workload.lever"
    @Option(help: "The market snapshot (JSON; default: the workload's market, built in).") var market: String?
    @Option(help: "The book of accounts (JSON; default: a generated book).") var book: String?
    @Option(help: "Accounts in the generated book (default 100000).") var accounts: Int?
    @Option(name: .customLong("repeat"), help: "Timed repetitions per engine and thread count.") var repeats = 5
    @Option(help: "Comma-separated thread counts to time, e.g. 1,2.") var threads = "1"
    @Option(help: "Also time a price tick: this asset's price moves +1% and only its holders are evaluated again.")
    var tick: String?
    @Option(help: "Report format: table or json.") var format: ReportFormat = .table
    @Flag(inversion: .prefixedNo, help: "Also time the policy compiled to native code (checked first to give the closure engine's results, bit for bit).")
    var native = true
    @Flag(help: "Time what `lever eval` pays on --book, stage by stage: read, parse, lay out, evaluate, report.")
    var endToEnd = false
    @Option(help: "Also time the policy compiled in exact fixed point (wad or ray) against binary64, and compare their results.")
    var exact: Arithmetic.Numbers?

    func validate() throws {
        if let accounts, accounts < 1 { throw ValidationError("--accounts must be at least 1") }
        if accounts != nil && book != nil { throw ValidationError("--accounts is for a generated book: leave it out with --book") }
        if repeats < 1 { throw ValidationError("--repeat must be at least 1") }
        if threadCounts == nil { throw ValidationError("--threads takes positive counts separated by commas, e.g. 1,2") }
        if endToEnd && book == nil { throw ValidationError("--end-to-end times a book file: give it with --book") }
        if endToEnd && format == .json { throw ValidationError("--end-to-end reports as a table") }
        if exact == .float { throw ValidationError("--exact takes a fixed-point model: wad or ray") }
    }

    func run(console: Console) throws -> ExitCode {
        let given = [market, book].compactMap { $0 }
        guard let limits = Limits.read(console), InputFile.allReadable([policy] + given, console: console)
        else { return .usageOrIO }
        let loaded = Lever.loadPolicy(path: console.resolve(policy), limits: limits.policy)
        guard let engine = loaded.engine else {
            let code = console.reportFindings(loaded.diagnostics, sources: loaded.sources, color: false)
            return loaded.checked.isUnreadable ? .usageOrIO : code
        }
        if endToEnd, let book { return runEndToEnd(engine: engine, book: console.resolve(book), limits: limits, console: console) }
        guard let inputs = InputFile.reading(given, console: console, {
            try BenchInputs.load(market: market.map(console.resolve), book: book.map(console.resolve),
                                 accounts: accounts ?? 100_000, policy: PolicyNames(policy: engine.policy),
                                 portfolio: Benchmark.baselineKind(policy: engine.identity.name) == .portfolio, limits: limits.input)
        }) else { return .usageOrIO }
        if !inputs.diagnostics.isEmpty { _ = console.reportFindings(inputs.diagnostics, sources: inputs.files, color: false) }
        if let problem = inputs.problem { console.err("error: \(problem)\n") }
        guard let bookValue = inputs.book, let marketValue = inputs.market else { return .findings }
        let priceTick = tick.map { PriceTick(asset: $0) }
        if let problem = priceTick?.problem(policy: engine.policy, market: marketValue) {
            console.err("error: \(problem)\n")
            return .usageOrIO
        }
        var report = Benchmark.run(engine: engine, book: bookValue, market: marketValue, sources: inputs.sources,
                                   options: BenchOptions(repeats: repeats, threads: threadCounts ?? [1], tick: priceTick, native: native))
        report.engineVersion = console.engineVersion
        if let exact, let exactEngine = Lever.compile(loaded.checked, arithmetic: Arithmetic(numbers: exact)).engine {
            report.exact = ExactCost.measure(float: engine, exact: exactEngine, book: bookValue, market: marketValue,
                                             options: BenchOptions(repeats: repeats, threads: [1]))
        }
        console.out(format == .json ? report.json : report.table)
        return report.hasFindings ? .findings : .success
    }

    /// `--end-to-end`: the market from --market (else the built-in one for the policy), then the
    /// stages timed on the book file.
    func runEndToEnd(engine: MarginEngine, book: String, limits: Limits, console: Console) -> ExitCode {
        let portfolio = Benchmark.baselineKind(policy: engine.identity.name) == .portfolio
        var snapshot = portfolio ? PortfolioMarket.snapshot : WorkloadMarket.snapshot
        if let market {
            var sources = SourceMap()
            guard let loaded = InputFile.reading([market], console: console, {
                try MarketLoader.load(path: console.resolve(market), into: &sources, options: LoadOptions(limits: limits.input))
            }) else { return .usageOrIO }
            guard let value = loaded.value, !loaded.diagnostics.hasErrors else {
                return console.reportFindings(loaded.diagnostics, sources: sources, color: false)
            }
            snapshot = value
        }
        // One table per thread count, in the order given.
        var tables: [String] = []
        for count in threadCounts ?? [1] {
            let outcome = InputFile.reading([book], console: console, {
                try EndToEnd.run(engine: engine, bookPath: book, market: snapshot, policy: PolicyNames(policy: engine.policy),
                                 repeats: repeats, threads: count, limits: limits.input)
            })
            switch outcome {
            case nil: return .usageOrIO
            case .failure(let problem)?:
                console.err("error: the book does not load: \(problem.messages.joined(separator: "; "))\n")
                return .findings
            case .success(let report)?:
                tables.append(report.table)
            }
        }
        console.out(tables.joined(separator: "\n"))
        return .success
    }

    /// `--threads 1,2` as counts; nil when a count is not a positive integer.
    var threadCounts: [Int]? {
        let counts = threads.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !counts.isEmpty, counts.allSatisfy({ ($0 ?? 0) >= 1 }) else { return nil }
        return counts.compactMap { $0 }
    }
}

extension Arithmetic.Numbers: ExpressibleByArgument {}
