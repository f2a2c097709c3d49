import LeverSyntax

/// Result of checking a policy and everything it imports. (stub: being written)
public struct CheckResult: Sendable {
    /// Every file read, so diagnostics can be rendered.
    public var sources: SourceMap
    /// All diagnostics from every stage, sorted.
    public var diagnostics: [Diagnostic]
}

/// Entry point of the checker. (stub)
public enum Checker {
    /// Reads, parses and checks the policy at `path` and its imports.
    public static func check(path: String) -> CheckResult {
        var map = SourceMap()
        let file = map.add(path: path, text: "")
        return CheckResult(sources: map, diagnostics: Parser.parse(file).diagnostics)
    }
}
