import Lever

/// The embedding entry point of `lever diff`: compares two compiled policies over a book.
public enum PolicyDiff {
    /// The full diff report of `old` → `new` on `book` at `market`; `checks` run for `--enforce`
    /// (their violations are listed; an empty list means allowed). `provenance` (the engine and
    /// the files read) is recorded in the report as given.
    public static func report(old: LoadedPolicy, new: LoadedPolicy, oldEngine: MarginEngine, newEngine: MarginEngine,
                              book: Book, market: MarketSnapshot, top: Int = 10,
                              checks: [any PolicyChangeCheck] = [], threads: Int = 1,
                              provenance: DiffProvenance? = nil) -> PolicyDiffReport {
        let impact = ImpactAnalysis.analyze(old: oldEngine, new: newEngine, book: book, market: market, threads: threads)
        var report = PolicyDiffReport(
            oldPolicy: oldEngine.identity, newPolicy: newEngine.identity,
            changes: ParameterDiff.compare(old: old.checked, new: new.checked),
            impact: impact, top: top, curves: curves(old: old.checked, new: new.checked),
            violations: checks.flatMap { $0.violations(old: old.checked, new: new.checked) },
            haircutCurves: HaircutCurves.measure(old: old, new: new, oldEngine: oldEngine, newEngine: newEngine,
                                                 book: book, market: market))
        report.provenance = provenance
        return report
    }
}
