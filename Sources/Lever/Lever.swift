@_exported import LeverEngine
@_exported import LeverCompile
@_exported import LeverCheck
@_exported import LeverSyntax

/// The embedding API: load → check → compile → evaluate, in one place so that the CLI, the REPL,
/// tests and a Swift service all run policies the same way.
///
/// Nothing here keeps state: each function takes values and returns values, user mistakes come
/// back as `Diagnostic`s (only I/O throws), and the `MarginEngine` a policy compiles to is
/// immutable and `Sendable`, so one engine can serve every thread of a service.
public enum Lever {
    /// Reads, checks and compiles the policy at `path` (and its imports), within `limits`.
    /// `horizon` is the interest-accrual horizon in years (`Horizon.parse("30d")`).
    public static func loadPolicy(path: String, horizon: Double = Horizon.defaultYears,
                                  limits: PolicyLimits = .standard) -> LoadedPolicy {
        compile(Checker.check(path: path, limits: limits), horizon: horizon)
    }

    /// Checks and compiles policy text held in memory; imports are read relative to `path`.
    public static func loadPolicy(source: String, path: String, horizon: Double = Horizon.defaultYears) -> LoadedPolicy {
        compile(Checker.check(source: source, path: path), horizon: horizon)
    }

    /// Compiles a checked policy into an engine named by `identity(of:)`; no engine when the
    /// policy has errors (the diagnostics say why). `probes` names position-level measures to
    /// keep traceable (`CompileOptions.probes`).
    /// `arithmetic` compiles for another number model than the policy declares (a benchmark's
    /// exact counterpart of a `float` policy).
    public static func compile(_ checked: CheckResult, horizon: Double = Horizon.defaultYears,
                               probes: Set<String> = [], arithmetic: Arithmetic? = nil) -> LoadedPolicy {
        let options = CompileOptions(horizon: horizon, probes: probes, arithmetic: arithmetic)
        let (compiled, compileDiagnostics) = Compiler.compile(checked, options: options)
        let diagnostics = checked.isValid ? checked.diagnostics + compileDiagnostics : checked.diagnostics
        let engine = compiled.map { MarginEngine(policy: $0, identity: identity(of: checked), horizon: horizon) }
        return LoadedPolicy(checked: checked, diagnostics: diagnostics, engine: engine)
    }

    /// Reads the market snapshot, then the book, whose names are checked against the policy
    /// `engine` evaluates: an asset or a venue it does not declare is an error (L0716, L0715)
    /// with the place in the file, an attribute value it never names a warning. Throws only when
    /// a file cannot be read.
    public static func loadInputs(market: String, book: String, for engine: MarginEngine,
                                  options: LoadOptions = LoadOptions()) throws -> LoadedInputs {
        try loadInputs(market: market, book: book, policy: PolicyNames(policy: engine.policy), options: options)
    }

    /// Reads the market snapshot, then the book (`LoadedInputs`). The book's names are checked
    /// against `policy` (the names of the policy it will be evaluated with: `PolicyNames(policy:)`),
    /// or, without one, its assets against the market's. Throws only when a file cannot be read.
    public static func loadInputs(market: String, book: String, policy: PolicyNames? = nil,
                                  options: LoadOptions = LoadOptions()) throws -> LoadedInputs {
        var sources = SourceMap()
        let loadedMarket = try MarketLoader.load(path: market, into: &sources, options: options)
        let marketFile = sources.files.count - 1
        let bytes = try InputFile.read(book, limit: options.limits.maxBookBytes, kind: .book, threads: options.threads)
        // The book's digest (for the report's provenance) is taken while it loads, when there
        // are threads to spare: on a large book it costs a tenth of the loading.
        let digest = options.threads > 1 ? BackgroundDigest(bytes) : nil
        let file = sources.add(path: book, bytes: bytes)
        let loadedBook = BookLoader.load(file, policy: policy, market: loadedMarket.value, options: options)
        return LoadedInputs(sources: sources, market: loadedMarket.value, book: loadedBook.value,
                            diagnostics: loadedMarket.diagnostics + loadedBook.diagnostics,
                            marketFile: marketFile, bookFile: sources.files.count - 1, bookDigest: digest?.value)
    }

    /// Evaluates every account of the book, listing the accounts the loader rejected
    /// (`keepGoing`) as not evaluated, in their place. The report is the same at any `threads`.
    public static func evaluate(_ engine: MarginEngine, book: Book, market: MarketSnapshot, threads: Int = 1) -> Report {
        engine.evaluate(book: book, market: market, threads: max(1, threads)).including(rejected: book.rejected)
    }
}
