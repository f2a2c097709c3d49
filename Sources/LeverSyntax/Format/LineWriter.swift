/// Collects the formatter's output line by line and threads the source comments back in.
///
/// Comments are not in the tree, so the writer walks the position-sorted comment list alongside
/// the nodes it is given (OPA's `insertComments`): before each line it emits the own-line comments
/// that start earlier in the source, at the indent of that line, and it hangs trailing comments on
/// the line of the code that precedes them. Blank lines are kept only where the source had at least
/// one between two items, collapsed to one, and never at the start of a block.
struct LineWriter {
    /// One output line: indent level, code, and the trailing comments that follow it.
    struct Line {
        var indent: Int
        var code: String
        var trailing: [String] = []
        var isBlank: Bool { code.isEmpty && trailing.isEmpty }
    }

    /// Spaces per indent level.
    static let indentWidth = 2

    private let bytes: [UInt8]
    private let comments: [Comment]
    private var nextComment = 0
    private(set) var lines: [Line] = []
    /// Source offset where the last emitted item ends; blank lines are measured from here.
    private var lastEnd: Int?
    /// Set when a block opens, so that its first item is never preceded by a blank line.
    private var atBlockStart = false

    init(source: SourceFile, comments: [Comment]) {
        self.bytes = source.bytes
        self.comments = comments.sorted { $0.span.start < $1.span.start }
    }

    /// Whether any comment starts inside `start..<end`: such a construct must not be joined onto
    /// one line, or its own-line comments would lose their place.
    /// Binary search, so that large files with many comments format in n log n.
    func hasComment(from start: Int, to end: Int) -> Bool {
        var low = 0, high = comments.count
        while low < high {
            let mid = (low + high) / 2
            if comments[mid].span.start < start { low = mid + 1 } else { high = mid }
        }
        return low < comments.count && comments[low].span.start < end
    }

    // MARK: - Emitting

    /// Emits one line of code standing for the source range `span`. Comments inside the range
    /// (possible when the source split an expression over lines) move to the end of the line when
    /// all of them trailed code, otherwise all of them go above the line, in their order.
    mutating func line(_ code: String, span: Span, indent: Int) {
        flushComments(before: span.start, indent: indent)
        var inner: [Comment] = []
        while let comment = peekComment(before: span.end) {
            nextComment += 1
            inner.append(comment)
        }
        var trailing: [String] = []
        if inner.allSatisfy(\.isTrailing) {
            trailing = inner.map(Self.text(of:))
        } else {
            for comment in inner { emitOwnLine(comment, indent: indent) }
        }
        separate(before: span.start)
        lines.append(Line(indent: indent, code: code, trailing: trailing))
        lastEnd = max(lastEnd ?? span.end, span.end)
    }

    /// Emits the first line of a block (`class a {`), which starts at source offset `start`.
    mutating func open(_ code: String, at start: Int, indent: Int) {
        flushComments(before: start, indent: indent)
        separate(before: start)
        lines.append(Line(indent: indent, code: code))
        lastEnd = start
        atBlockStart = true
    }

    /// Emits the closing line of a block that ends at source offset `end`; comments still
    /// inside the block go before it at the block's inner indent.
    mutating func close(_ code: String, end: Int, indent: Int) {
        flushComments(before: end, indent: indent + 1)
        lines.append(Line(indent: indent, code: code))
        lastEnd = end
        atBlockStart = false
    }

    /// Emits every comment left (those after the last node).
    mutating func finish() {
        flushComments(before: Int.max, indent: 0)
    }

    // MARK: - Comments and blank lines

    private func peekComment(before offset: Int) -> Comment? {
        guard nextComment < comments.count, comments[nextComment].span.start < offset else { return nil }
        return comments[nextComment]
    }

    /// Emits the comments that start before `offset`: trailing ones on the last line written,
    /// own-line ones as lines of their own at `indent`.
    private mutating func flushComments(before offset: Int, indent: Int) {
        while let comment = peekComment(before: offset) {
            nextComment += 1
            if comment.isTrailing, let last = lines.indices.last, !lines[last].isBlank {
                lines[last].trailing.append(Self.text(of: comment))
            } else {
                emitOwnLine(comment, indent: indent)
            }
        }
    }

    /// The comment without trailing blanks (the lexer keeps tabs), so no output line ends in one.
    private static func text(of comment: Comment) -> String {
        var text = Substring(comment.text)
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return String(text)
    }

    private mutating func emitOwnLine(_ comment: Comment, indent: Int) {
        separate(before: comment.span.start)
        lines.append(Line(indent: indent, code: Self.text(of: comment)))
        lastEnd = comment.span.end
    }

    /// Writes one blank line when the source has an empty line between the last item and
    /// the one starting at `start`.
    private mutating func separate(before start: Int) {
        defer { atBlockStart = false }
        guard !atBlockStart, let from = lastEnd, from < start, !lines.isEmpty else { return }
        var newlines = 0
        for offset in from..<min(start, bytes.count) where bytes[offset] == UInt8(ascii: "\n") {
            newlines += 1
            if newlines >= 2 {
                lines.append(Line(indent: 0, code: ""))
                return
            }
        }
    }
}
