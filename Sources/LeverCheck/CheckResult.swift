import LeverSyntax

/// Everything the checker found out about a policy: the files, the declarations, the type and
/// resolution of every expression, and the diagnostics of each stage.
///
/// It is plain immutable data so the compiler, the REPL and `explain` can share it.
public struct CheckResult: Sendable {
    /// Every file read, so diagnostics can be rendered.
    public var sources: SourceMap
    /// All diagnostics from the stages that ran, sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// The parsed files in load order: imports before the files that import them; the root last.
    public var files: [ParsedFile]
    /// Declarations by kind and name, imports included.
    public var symbols: SymbolTable
    /// The type of every checked expression.
    public var types: NodeTable<LeverType>
    /// What every name, member access and call refers to.
    public var resolutions: NodeTable<Resolution>
    /// The stages that ran, in order, each with its own diagnostics.
    public var stages: [Stage]
    /// What the proof analysis established for each assertion (by its declaration's id): the
    /// instances it proved for every value in the declared ranges (`PEPE` for `every asset:`,
    /// "" for an assertion checked once). Every other instance — undecided, or never analysed
    /// because the proofs stage did not run — is compiled into the program and checked on every
    /// evaluation, so an assertion is never silently dropped.
    public var provedAssertions: [NodeID: Set<String>] = [:]

    /// True when no stage reported an error.
    public var isValid: Bool { !diagnostics.hasErrors }

    /// The root file's parse, when it could be read.
    public var root: ParsedFile? { files.last }

    /// The diagnostics of one stage (empty when it did not run).
    public func diagnostics(of stage: StageName) -> [Diagnostic] {
        stages.first { $0.name == stage }?.diagnostics ?? []
    }
}
