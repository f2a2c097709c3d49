/// The result of parsing one file: the tree (always well-formed, with `.missing` nodes where the
/// text could not be read), its comments for the formatter, and every syntax error found.
public struct ParsedFile: Sendable {
    public var source: SourceFile
    public var policy: Policy
    public var comments: [Comment]
    public var diagnostics: [Diagnostic]

    public init(source: SourceFile, policy: Policy, comments: [Comment], diagnostics: [Diagnostic]) {
        self.source = source
        self.policy = policy
        self.comments = comments
        self.diagnostics = diagnostics
    }
}
