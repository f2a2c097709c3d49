import Lever

/// The comments of a policy's files by line, to find what the author wrote about a declaration.
///
/// A declaration's note is the block of whole-line comments directly above it (no blank line in
/// between) followed by the comment trailing its first line. Ruler lines (`// ----`) separate
/// sections rather than describe what follows, so a block stops at one and they never appear.
struct CommentIndex: Sendable {
    /// Per file id: whole-line comments by line, and trailing comments by line.
    private var above: [Int: [Int: String]] = [:]
    private var trailing: [Int: [Int: String]] = [:]
    private let sources: SourceMap

    init(_ checked: CheckResult) {
        sources = checked.sources
        for file in checked.files {
            for comment in file.comments {
                let line = file.source.location(of: comment.span.start).line
                let text = Self.body(comment.text)
                if comment.isTrailing {
                    trailing[file.source.id, default: [:]][line] = text
                } else {
                    above[file.source.id, default: [:]][line] = text
                }
            }
        }
    }

    /// The author's note on the declaration or property at `span`, lines joined; nil when none.
    func note(for span: Span) -> String? {
        guard let file = sources.file(span.file) else { return nil }
        let line = file.location(of: span.start).line
        let lines = leading(file: span.file, before: line) + [trailing[span.file]?[line]].compactMap { $0 }
        let text = lines.filter { !$0.isEmpty }.joined(separator: " ")
        return text.isEmpty ? nil : text
    }

    /// The whole-line comments directly above `line`, top first, up to a ruler or a gap.
    func leading(file: Int, before line: Int) -> [String] {
        var lines: [String] = []
        var current = line - 1
        while let text = above[file]?[current], !Self.isRuler(text) {
            lines.insert(text, at: 0)
            current -= 1
        }
        return lines
    }

    /// The whole-line comments that open a file before `line` (its first declaration), with
    /// blank comment lines kept as paragraph breaks; rulers dropped.
    func opening(file: Int, before line: Int) -> [String] {
        var lines: [String] = []
        var current = 1
        while current < line, let text = above[file]?[current] {
            if !Self.isRuler(text) { lines.append(text) }
            current += 1
        }
        return lines
    }

    /// The text after `//` and one blank, trailing blanks removed.
    static func body(_ raw: String) -> String {
        var text = Substring(raw)
        if text.hasPrefix("//") { text = text.dropFirst(2) }
        if text.hasPrefix(" ") { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }

    /// A line of dashes, equals signs or the like that only draws a rule.
    static func isRuler(_ text: String) -> Bool {
        text.count >= 4 && text.allSatisfy { "-=*_#~".contains($0) }
    }
}
