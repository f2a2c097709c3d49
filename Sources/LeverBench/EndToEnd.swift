import Lever

/// `lever bench --end-to-end`: what a user's `lever eval` pays, stage by stage, on a book file:
/// reading its bytes (the I/O floor), parsing them into a `Book`, laying the book out as program
/// columns, evaluating, and building and rendering the JSON report, each timed apart (median of
/// the repetitions, on `threads` threads as `lever eval --threads` runs them) and given in ns per account and, for the stages that go through
/// the file's bytes, MB/s and as a multiple of the read.
public struct EndToEnd: Sendable, Equatable {
    /// One stage: its name, what it does, and its timings.
    public struct Stage: Sendable, Equatable {
        public var name: String
        public var what: String
        public var timing: Timing
        /// Whether the stage goes through the file's bytes (read, parse): MB/s means something.
        public var perByte: Bool
    }

    public var policy: String
    public var book: String
    public var bytes: Int
    public var accounts: Int
    public var positions: Int
    public var repeats: Int
    /// Threads every stage ran on.
    public var threads: Int
    public var optimized: Bool
    public var stages: [Stage]

    /// Times every stage `repeats` times after one untimed run; nil (with the diagnostics'
    /// messages) when the book does not load cleanly against the policy.
    public static func run(engine: MarginEngine, bookPath: String, market: MarketSnapshot, policy names: PolicyNames,
                           repeats: Int, threads: Int = 1, limits: InputLimits = .standard) throws -> Result<EndToEnd, BenchLoadError> {
        let clock = ContinuousClock()
        func time(_ body: () -> Void) -> [Double] {
            body()
            return (0..<repeats).map { _ in clock.measure(body).nanoseconds }
        }
        let bytes = try InputFile.read(bookPath, limit: limits.maxBookBytes, kind: .book)
        let file = SourceFile(id: 0, path: bookPath, bytes: bytes)
        let loaded = BookLoader.load(file, policy: names, options: LoadOptions(limits: limits))
        guard let book = loaded.value, !loaded.diagnostics.hasErrors else {
            return .failure(BenchLoadError(messages: loaded.diagnostics.filter { $0.severity == .error }.prefix(3).map(\.message)))
        }
        let inputs = engine.programInputs(book: book, market: market)
        let n = book.accounts.count
        let read = time { Benchmark.consume(try? InputFile.read(bookPath, limit: limits.maxBookBytes, kind: .book, threads: threads)) }
        let parse = time {
            Benchmark.consume(BookLoader.load(file, policy: names, options: LoadOptions(limits: limits, threads: threads)))
        }
        let layout = time { Benchmark.consume(engine.programInputs(book: book, market: market)) }
        let evaluate = time { Benchmark.consume(engine.results(for: inputs, threads: threads)) }
        let render = time {
            // What `lever eval --format json` does: chunk by chunk, laid out, evaluated, reported
            // and written (here to a sink that only counts the bytes).
            var writer = ReportWriter(form: .json, outputs: engine.policy.outputs, fields: engine.policy.outputs.map(\.name),
                                      declaresFlags: !engine.policy.flags.isEmpty)
            var written = 0
            Benchmark.consume(writer.write(engine, book: book, market: market, threads: threads, emitBytes: { written += $0.count }))
            Benchmark.consume(written)
        }
        let stages = [
            Stage(name: "read", what: "the file's bytes into memory (the I/O floor)", timing: Timing(samples: read, accounts: n), perByte: true),
            Stage(name: "parse", what: "JSON bytes to a checked Book (BookLoader, names checked against the policy)",
                  timing: Timing(samples: parse, accounts: n), perByte: true),
            Stage(name: "lay out", what: "the Book and market as program columns (ProgramInputs: oracle rules, position rows)",
                  timing: Timing(samples: layout, accounts: n), perByte: false),
            Stage(name: "evaluate", what: "the compiled program over every account (MarginEngine.results)",
                  timing: Timing(samples: evaluate, accounts: n), perByte: false),
            Stage(name: "report", what: "what `lever eval --format json` does after parsing: a chunk of accounts at a time, lay out, evaluate, build the account reports (findings, notes, liquidation plans) and write their JSON",
                  timing: Timing(samples: render, accounts: n), perByte: false),
        ]
        return .success(EndToEnd(policy: "\(engine.identity.name) \(engine.identity.version)", book: bookPath,
                                 bytes: bytes.count, accounts: n, positions: inputs.book.positionCount, repeats: repeats,
                                 threads: threads, optimized: Benchmark.isOptimized, stages: stages))
    }

    /// The report: one row per stage, then the total and what each stage holds.
    public var table: String {
        var lines: [String] = []
        if !optimized { lines.append("warning: " + BenchReport.debugWarning) }
        lines.append("lever bench --end-to-end: \(policy)")
        lines.append("book:      \(book): \(BenchReport.count(accounts)) accounts, \(BenchReport.count(positions)) positions, "
                     + "\(NumberText.fixed(Double(bytes) / 1e6, decimals: 1, grouped: true)) MB")
        lines.append("runs:      1 untimed, then \(repeats) timed per stage, \(threads) thread\(threads == 1 ? "" : "s"); medians")
        lines.append("")
        let readTime = stages.first?.timing.median ?? .nan
        var rows = [["stage", "median ms", "ns/account", "MB/s", "× read"]]
        for stage in stages {
            let ms = stage.timing.median / 1e6
            let mbps = stage.perByte ? NumberText.fixed(Double(bytes) / stage.timing.median * 1e3, decimals: 0, grouped: true) : ""
            rows.append([stage.name, NumberText.fixed(ms, decimals: 1, grouped: true),
                         NumberText.fixed(stage.timing.medianPerAccount, decimals: 0, grouped: true), mbps,
                         NumberText.fixed(stage.timing.median / readTime, decimals: 1, grouped: true) + "×"])
        }
        // What `lever eval` pays: read, parse, and the report stage (which lays out and evaluates).
        let total = stages.filter { ["read", "parse", "report"].contains($0.name) }.map(\.timing.median).reduce(0, +)
        rows.append(["total", NumberText.fixed(total / 1e6, decimals: 1, grouped: true),
                     NumberText.fixed(accounts > 0 ? total / Double(accounts) : .nan, decimals: 0, grouped: true), "",
                     NumberText.fixed(total / readTime, decimals: 1, grouped: true) + "×"])
        lines += BenchReport.align(rows, left: [0])
        lines.append("")
        lines.append("total: read + parse + report, what `lever eval --format json` pays (the report stage lays out and evaluates, so those two are not counted again)")
        for stage in stages { lines.append("  \(stage.name): \(stage.what)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Why an end-to-end run could not start: the book's first errors.
public struct BenchLoadError: Error, Sendable, Equatable {
    public var messages: [String]
}
