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

    /// True when the policy file itself could not be read (missing, not a regular file, larger
    /// than the limit): an I/O failure, which the `lever` commands report with exit status 2,
    /// rather than a mistake in the policy. An import that cannot be read is a mistake at the
    /// `import`, and does not count.
    public var isUnreadable: Bool {
        diagnostics.contains { ($0.code == "L0205" || $0.code == "L0121") && $0.primary.span == .synthetic }
    }

    /// The diagnostics of one stage (empty when it did not run).
    public func diagnostics(of stage: StageName) -> [Diagnostic] {
        stages.first { $0.name == stage }?.diagnostics ?? []
    }
}
