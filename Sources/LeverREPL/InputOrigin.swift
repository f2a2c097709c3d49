import LeverSyntax

/// Where an input of the REPL came from: typed at the prompt, or a line of a script or pipe.
///
/// The session checks every input as a file of its own (`<input>`, line 1); a scripted input's
/// diagnostics are moved onto the script's name and the line the input started on, so a failing
/// CI script says `checks.lvr:12:5`, and its snippet shows line 12.
public struct InputOrigin: Sendable, Equatable {
    /// The name diagnostics show: `<input>`, the script's path, or `<stdin>`.
    public var path: String
    /// The script line the input starts on (1 for typed input).
    public var line: Int

    public init(path: String, line: Int) {
        self.path = path
        self.line = max(1, line)
    }

    /// Input typed at the prompt: diagnostics point into `<input>`.
    public static let typed = InputOrigin(path: "<input>", line: 1)

    /// The diagnostics and their sources with every `<input>` file renamed to this origin's path
    /// and its text moved down to this origin's line (spans shifted with it); typed input and
    /// other files (the policy) are left as they are.
    func place(_ diagnostics: [Diagnostic], _ sources: SourceMap) -> ([Diagnostic], SourceMap) {
        guard self != .typed, sources.files.contains(where: { $0.path == Self.typed.path }) else { return (diagnostics, sources) }
        let padding = line - 1
        var map = SourceMap()
        var shifted: Set<Int> = []
        for file in sources.files {
            if file.path == Self.typed.path {
                map.add(path: path, bytes: [UInt8](repeating: UInt8(ascii: "\n"), count: padding) + file.bytes)
                shifted.insert(file.id)
            } else {
                map.add(path: file.path, bytes: file.bytes)
            }
        }
        func move(_ span: Span) -> Span {
            shifted.contains(span.file) ? Span(file: span.file, start: span.start + padding, end: span.end + padding) : span
        }
        let moved = diagnostics.map { d -> Diagnostic in
            var m = d
            m.primary.span = move(d.primary.span)
            m.secondary = d.secondary.map { Diagnostic.Label(move($0.span), $0.message) }
            m.fixIts = d.fixIts.map { fix in Diagnostic.FixIt(fix.message, fix.edits.map { Diagnostic.Edit(move($0.span), $0.replacement) }) }
            return m
        }
        return (moved, map)
    }
}
