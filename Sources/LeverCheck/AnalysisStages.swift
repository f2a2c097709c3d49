import LeverSyntax

/// Runs the table, curve and proof analyses (Sources/LeverCheck/Analyses) after the checker.
///
/// Must run after `units`: the analyses fold constants and assume names resolve and units agree.
enum AnalysisStages {
    static func run(symbols: SymbolTable, types: NodeTable<LeverType>, stopAfter: StageName) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // HOOK(tables): TableAnalysis.check per table, wired in `runTables` when it builds.
        diagnostics += runTables(symbols)
        // HOOK(curves): CurveAnalysis.check per curve, not yet available.
        // HOOK(proofs): ProofAnalysis.check per assertion, not yet available.
        return diagnostics
    }

    static func runTables(_ symbols: SymbolTable) -> [Diagnostic] {
        []
    }
}
