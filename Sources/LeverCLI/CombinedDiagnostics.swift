import LeverSyntax

/// Diagnostics from several runs, each with its own `SourceMap`, gathered into one map so they
/// render as one sorted list with one summary (and one JSON array).
///
/// File ids are renumbered by path, so a file imported by two checked policies appears once and
/// its diagnostics are not repeated.
struct CombinedDiagnostics {
    private(set) var sources = SourceMap()
    private(set) var diagnostics: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    /// Adds `diagnostics`, whose spans refer to files in `map`.
    mutating func add(_ diagnostics: [Diagnostic], from map: SourceMap) {
        var ids: [Int: Int] = [:]
        for file in map.files {
            if let existing = sources.files.first(where: { $0.path == file.path }) {
                ids[file.id] = existing.id
            } else {
                ids[file.id] = sources.add(path: file.path, bytes: file.bytes).id
            }
        }
        for diagnostic in diagnostics {
            let moved = diagnostic.renumbered(ids)
            if seen.insert(moved).inserted { self.diagnostics.append(moved) }
        }
    }

    /// Turns every warning into an error (`--warnings-as-errors`), so output and exit code agree.
    mutating func promoteWarnings() {
        for i in diagnostics.indices where diagnostics[i].severity == .warning {
            diagnostics[i].severity = .error
        }
    }
}

extension Diagnostic {
    /// The same diagnostic with every span's file id looked up in `ids` (unknown ids become synthetic).
    func renumbered(_ ids: [Int: Int]) -> Diagnostic {
        let move = { (span: Span) -> Span in
            guard let id = ids[span.file] else { return span.file < 0 ? span : .synthetic }
            return Span(file: id, start: span.start, end: span.end)
        }
        var copy = self
        copy.primary.span = move(primary.span)
        for i in copy.secondary.indices { copy.secondary[i].span = move(copy.secondary[i].span) }
        for i in copy.fixIts.indices {
            for j in copy.fixIts[i].edits.indices { copy.fixIts[i].edits[j].span = move(copy.fixIts[i].edits[j].span) }
        }
        return copy
    }
}
