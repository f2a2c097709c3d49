import Foundation
import LeverSyntax

/// Entry point of the checker: parse, resolve, type and unit check a policy and its imports,
/// then run the table, curve and proof analyses.
///
/// Never throws and never crashes on user input: unreadable files and every mistake in the
/// policy come back as diagnostics in the `CheckResult`.
public enum Checker {
    /// Reads, parses and checks the policy at `path` and its imports, within `limits`.
    public static func check(path: String, stopAfter: StageName = .proofs, limits: PolicyLimits = .standard) -> CheckResult {
        var loader = PolicyLoader(limits: limits, read: reader(limits))
        loader.loadRoot(path)
        return check(loaded: loader, stopAfter: stopAfter)
    }

    /// Checks policy text held in memory (tests, the REPL); imports are read from disk
    /// relative to `path`.
    public static func check(source: String, path: String, stopAfter: StageName = .proofs,
                             limits: PolicyLimits = .standard) -> CheckResult {
        var loader = PolicyLoader(limits: limits, read: reader(limits))
        loader.load(path, bytes: Array(source.utf8))
        return check(loaded: loader, stopAfter: stopAfter)
    }

    /// Checks a set of in-memory files (path → text) starting at `root`; imports are looked up
    /// among them. Used by multi-file tests and the REPL's `:load`.
    public static func check(files: [String: String], root: String, stopAfter: StageName = .proofs,
                             limits: PolicyLimits = .standard) -> CheckResult {
        var loader = PolicyLoader(limits: limits) { path in
            guard let text = files[PolicyLoader.normalize(path)] ?? files[path] else {
                throw CocoaError(.fileReadNoSuchFile)
            }
            return Array(text.utf8)
        }
        loader.loadRoot(root)
        return check(loaded: loader, stopAfter: stopAfter)
    }

    /// Reads policy files from disk, never more than the limit allows.
    private static func reader(_ limits: PolicyLimits) -> (String) throws -> [UInt8] {
        { path in try InputFile.read(path, limit: limits.maxBytes, kind: .policy) }
    }

    /// Runs the stages on loaded files.
    private static func check(loaded: PolicyLoader, stopAfter: StageName) -> CheckResult {
        check(files: loaded.files, sources: loaded.sources, loadDiagnostics: loaded.diagnostics, stopAfter: stopAfter)
    }

    /// Runs the stages on parsed files. Each stage must run after the ones before it in
    /// `StageName.allCases`; the analyses need resolved names and checked units.
    static func check(files: [ParsedFile], sources: SourceMap, loadDiagnostics: [Diagnostic],
                      stopAfter: StageName) -> CheckResult {
        let parseDiagnostics = loadDiagnostics + files.flatMap(\.diagnostics)
        let (symbols, symbolDiagnostics) = SymbolTable.build(files: files)
        var checker = TypeChecker(symbols: symbols, sources: sources)
        checker.checkAll()
        var byStage: [StageName: [Diagnostic]] = [.parse: parseDiagnostics, .resolve: symbolDiagnostics]
        for d in checker.diagnostics { byStage[StageName.of(d), default: []].append(d) }
        var proved: [NodeID: Set<String>] = [:]
        if stopAfter >= .tables {
            let analyses = AnalysisStages(symbols: symbols, types: checker.types,
                                          earlier: parseDiagnostics + symbolDiagnostics + checker.diagnostics)
            let outcome = analyses.run(stopAfter: stopAfter)
            for d in outcome.diagnostics { byStage[StageName.of(d), default: []].append(d) }
            proved = outcome.proved
        }
        let stages = StageName.allCases.filter { $0 <= stopAfter }.map {
            Stage(name: $0, diagnostics: (byStage[$0] ?? []).sorted())
        }
        return CheckResult(sources: sources, diagnostics: stages.flatMap(\.diagnostics).sorted(),
                           files: files, symbols: symbols, types: checker.types,
                           resolutions: checker.resolutions, stages: stages, provedAssertions: proved)
    }
}
