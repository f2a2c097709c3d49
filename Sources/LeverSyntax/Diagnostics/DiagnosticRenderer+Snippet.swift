// One source line of a diagnostic with its labels drawn under it:
//
//   14 |   haircut = z * vol + notional
//      |             ------- ^ -------- USD
//      |             |
//      |             ratio

/// The labels of one diagnostic that fall on one line of one file.
struct SnippetGroup {
    /// A label placed on the line, in character offsets within the line (0-based, end exclusive).
    struct Mark {
        var start: Int
        var end: Int
        var isPrimary: Bool
        var message: String?
    }

    let file: SourceFile
    let line: Int
    /// 1-based character column of the group's first label, for its `-->` line.
    let column: Int
    let isPrimary: Bool
    var marks: [Mark]

    /// The longest line shown; longer lines are cut to a window around their labels.
    static let maxWidth = 160

    /// The primary label's line first, then the other (file, line) pairs in source order.
    /// Labels on synthetic spans have no line and are left out.
    static func groups(for d: Diagnostic, sources: SourceMap) -> [SnippetGroup] {
        var groups: [SnippetGroup] = []
        let labels = [(d.primary, true)] + d.secondary.map { ($0, false) }
        for (label, isPrimary) in labels {
            guard let file = sources.file(label.span.file) else { continue }
            let (mark, line) = place(label, in: file, isPrimary: isPrimary)
            if let i = groups.firstIndex(where: { $0.file.id == file.id && $0.line == line }) {
                groups[i].marks.append(mark)
            } else {
                groups.append(SnippetGroup(file: file, line: line, column: mark.start + 1,
                                           isPrimary: isPrimary, marks: [mark]))
            }
        }
        guard let first = groups.first, first.isPrimary else { return groups.sortedBySource() }
        return [first] + groups.dropFirst().sortedBySource()
    }

    /// Where a label sits: a span running over several lines is underlined to the end of its first.
    static func place(_ label: Diagnostic.Label, in file: SourceFile, isPrimary: Bool) -> (Mark, Int) {
        let (line, column) = file.location(of: label.span.start)
        let (endLine, endColumn) = file.location(of: label.span.end)
        let end = endLine == line ? endColumn - 1 : file.lineText(line).count
        let message = label.message.flatMap { $0.isEmpty ? nil : DisplayLine.sanitized($0) }
        return (Mark(start: column - 1, end: end, isPrimary: isPrimary, message: message), line)
    }

    /// The source line and the label lines under it, each prefixed with the gutter.
    func render(width: Int, severity: Diagnostic.Severity, paint: Paint) -> [String] {
        let shown = DisplayLine(file.lineText(line), marks: marks, maxWidth: Self.maxWidth)
        let number = String(repeating: " ", count: max(0, width - String(line).count)) + String(line)
        let gutter = paint(String(repeating: " ", count: width) + " |", .blue, bold: true)
        let head = paint(number + " |", .blue, bold: true) + (shown.text.isEmpty ? "" : " " + shown.text)
        return [head] + labelCanvases(shown.marks, severity: severity, paint: paint).map { canvas in
            let body = canvas.render(paint)
            return body.isEmpty ? gutter : gutter + " " + body
        }
    }

    /// The underline line (primary `^`, secondary `-`, rightmost message inline), then a connector
    /// line and one line per remaining message, right to left, as rustc draws them.
    func labelCanvases(_ marks: [Mark], severity: Diagnostic.Severity, paint: Paint) -> [Canvas] {
        let tone = { (mark: Mark) in mark.isPrimary ? paint.severity(severity) : Paint.Tone.blue }
        var underline = Canvas()
        for mark in marks.sorted(by: { !$0.isPrimary && $1.isPrimary }) {
            let glyph: Character = mark.isPrimary ? "^" : "-"
            underline.put(String(repeating: glyph, count: mark.end - mark.start), at: mark.start, tone(mark))
        }
        let ordered = marks.sorted { ($0.start, $0.isPrimary ? 0 : 1) < ($1.start, $1.isPrimary ? 0 : 1) }
        var hanging = ordered.filter { $0.message != nil }
        if let last = ordered.last, let message = last.message {
            underline.put(message, at: (marks.map(\.end).max() ?? 0) + 1, tone(last))
            hanging.removeLast()
        }
        guard !hanging.isEmpty else { return [underline] }
        var connector = Canvas()
        for mark in hanging { connector.put("|", at: mark.start, tone(mark)) }
        var canvases = [underline, connector]
        for index in hanging.indices.reversed() {
            var canvas = Canvas()
            for mark in hanging[..<index] { canvas.put("|", at: mark.start, tone(mark)) }
            canvas.put(hanging[index].message ?? "", at: hanging[index].start, tone(hanging[index]))
            canvases.append(canvas)
        }
        return canvases
    }
}

extension Sequence<SnippetGroup> {
    fileprivate func sortedBySource() -> [SnippetGroup] {
        sorted { ($0.file.id, $0.line) < ($1.file.id, $1.line) }
    }
}

// MARK: - Display columns

/// A source line made safe and short for a terminal, with label marks moved to display columns.
///
/// Tabs become four spaces and control characters and bidi overrides U+FFFD, so underlines stay aligned and a binary
/// file cannot send escapes to the terminal; a very long line is cut to a window around its labels.
struct DisplayLine {
    var text: String
    var marks: [SnippetGroup.Mark]

    init(_ raw: String, marks: [SnippetGroup.Mark], maxWidth: Int) {
        var expanded: [Character] = []
        var offsets: [Int] = []  // display column where each character starts
        for ch in raw {
            offsets.append(expanded.count)
            if ch == "\t" {
                expanded += "    "
            } else if ch.unicodeScalars.contains(where: Self.isUnsafe) {
                expanded.append("\u{FFFD}")
            } else {
                expanded.append(ch)
            }
        }
        offsets.append(expanded.count)
        let column = { (i: Int) in i < offsets.count ? offsets[max(0, i)] : expanded.count + (i - raw.count) }
        var placed = marks.map { mark in
            let start = column(mark.start)
            return SnippetGroup.Mark(start: start, end: max(start + 1, column(mark.end)),
                                     isPrimary: mark.isPrimary, message: mark.message)
        }
        (text, placed) = Self.window(expanded, placed, maxWidth: maxWidth)
        self.marks = placed
    }

    /// Control characters, and bidirectional overrides that would make the shown line read
    /// differently from the bytes the lexer saw ("Trojan Source", CVE-2021-42574).
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every unsafe scalar replaced by U+FFFD.
    static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isUnsafe($0) ? "\u{FFFD}" : $0 }))
    }

    /// Cuts `line` to at most `maxWidth` columns, starting a little before the leftmost label.
    static func window(_ line: [Character], _ marks: [SnippetGroup.Mark], maxWidth: Int) -> (String, [SnippetGroup.Mark]) {
        guard line.count > maxWidth else { return (String(line), marks) }
        let leftmost = marks.map(\.start).min() ?? 0
        let from = leftmost > maxWidth - 40 ? min(leftmost - 20, line.count - maxWidth) : 0
        let to = min(line.count, from + maxWidth)
        let prefix = from > 0 ? "..." : ""
        let text = prefix + String(line[from..<to]) + (to < line.count ? "..." : "")
        let shift = prefix.count - from
        let limit = prefix.count + (to - from) + 3
        let moved = marks.map { mark in
            let start = min(max(prefix.count, mark.start + shift), limit - 1)
            return SnippetGroup.Mark(start: start, end: max(start + 1, min(mark.end + shift, limit)),
                                     isPrimary: mark.isPrimary, message: mark.message)
        }
        return (text, moved)
    }
}

// MARK: - Canvas

/// A line of characters written at columns, each run with its colour, trailing blanks trimmed.
struct Canvas {
    private var cells: [(Character, Paint.Tone?)] = []

    mutating func put(_ text: String, at column: Int, _ tone: Paint.Tone?) {
        var col = max(0, column)
        for ch in text {
            while cells.count <= col { cells.append((" ", nil)) }
            cells[col] = (ch, tone)
            col += 1
        }
    }

    func render(_ paint: Paint) -> String {
        var out = "", run = "", runTone: Paint.Tone?
        for (ch, tone) in cells {
            if tone != runTone {
                out += runTone.map { paint(run, $0) } ?? run
                run = ""
                runTone = tone
            }
            run.append(ch)
        }
        out += runTone.map { paint(run, $0) } ?? run
        while out.hasSuffix(" ") { out.removeLast() }
        return out
    }
}
