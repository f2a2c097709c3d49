extension LineWriter {
    /// The final text: indented lines, trailing comments aligned, no blank line at either end,
    /// no trailing spaces, one final newline (none for an empty file).
    ///
    /// Trailing comments on consecutive lines start in one column, two spaces after the longest
    /// code of the run (as gofmt does). The alignment depends only on the output, so formatting
    /// the result again gives the same text.
    func render() -> String {
        var trimmed = lines[...]
        while trimmed.first?.isBlank == true { trimmed.removeFirst() }
        while trimmed.last?.isBlank == true { trimmed.removeLast() }
        let body = Array(trimmed)
        let columns = Self.commentColumns(body)
        var out = ""
        for (index, line) in body.enumerated() {
            out += Self.render(line, commentColumn: columns[index]) + "\n"
        }
        return out
    }

    private static func render(_ line: Line, commentColumn: Int) -> String {
        guard !line.isBlank else { return "" }
        var text = String(repeating: " ", count: line.indent * indentWidth) + line.code
        if !line.trailing.isEmpty {
            let pad = line.code.isEmpty ? 0 : max(2, commentColumn - text.count)
            text += String(repeating: " ", count: pad) + line.trailing.joined(separator: " ")
        }
        return text
    }

    /// For each line, the column its trailing comment starts at (only meaningful for lines with
    /// one): the widest code in its run of consecutive commented lines, plus two.
    private static func commentColumns(_ lines: [Line]) -> [Int] {
        var columns = Array(repeating: 0, count: lines.count)
        var runStart = 0
        while runStart < lines.count {
            guard hasCodeAndComment(lines[runStart]) else {
                runStart += 1
                continue
            }
            var runEnd = runStart
            while runEnd < lines.count, hasCodeAndComment(lines[runEnd]) { runEnd += 1 }
            let widest = lines[runStart..<runEnd].map { $0.indent * indentWidth + $0.code.count }.max() ?? 0
            for index in runStart..<runEnd { columns[index] = widest + 2 }
            runStart = runEnd
        }
        return columns
    }

    /// Lines that join an alignment run. A lone `}` does not: lining its comment up with the
    /// next declaration's would suggest they belong together.
    private static func hasCodeAndComment(_ line: Line) -> Bool {
        !line.code.isEmpty && !line.trailing.isEmpty && line.code != "}"
    }
}
