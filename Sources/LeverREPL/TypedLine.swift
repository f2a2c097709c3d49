import LeverSyntax

/// A line the user typed, checked as part of the session's policy text, with its diagnostics
/// moved back onto the line itself.
///
/// The checker sees `policy text + declarations + wrapper + line`; the user should see errors
/// pointing into what they typed (`<input>:1:5`), not into a file they never wrote. Spans inside
/// the line are shifted onto a one-file `SourceMap`; diagnostics elsewhere are dropped (they
/// belong to the policy, already reported when it loaded).
struct TypedLine {
    /// The line as typed.
    let text: String
    /// Where the line starts in the checked source (UTF-8 offset) and which file that is.
    let offset: Int
    let file: Int

    /// The one-file map that the moved diagnostics point into.
    var sources: SourceMap {
        var map = SourceMap()
        map.add(path: "<input>", text: text)
        return map
    }

    /// The diagnostics that point into the line, moved onto `sources`.
    func diagnostics(_ all: [Diagnostic]) -> [Diagnostic] {
        all.compactMap(move)
    }

    private func move(_ d: Diagnostic) -> Diagnostic? {
        guard let primary = move(d.primary.span) else { return nil }
        var moved = d
        moved.primary.span = primary
        moved.secondary = d.secondary.compactMap { label in move(label.span).map { Diagnostic.Label($0, label.message) } }
        moved.fixIts = d.fixIts.map { fix in
            Diagnostic.FixIt(fix.message, fix.edits.compactMap { e in move(e.span).map { Diagnostic.Edit($0, e.replacement) } })
        }
        return moved
    }

    private func move(_ span: Span) -> Span? {
        let length = text.utf8.count
        guard span.file == file, span.start >= offset, span.start - offset <= length else { return nil }
        return Span(file: 0, start: span.start - offset, end: min(length, max(span.start, span.end) - offset))
    }
}
