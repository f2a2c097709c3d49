import LeverTesting

/// A `PolicyDocument` as GitHub-flavoured Markdown: headings, paragraphs, lists and pipe tables.
/// Charts are left out (each curve has its table of values); `lever doc --format html` draws them.
public enum DocumentMarkdown {
    /// The Markdown text, ending with one newline.
    public static func render(_ document: PolicyDocument) -> String {
        let parts = ["# " + line(document.title)] + document.blocks.compactMap(block)
        return parts.joined(separator: "\n\n") + "\n"
    }

    static func block(_ block: DocumentBlock) -> String? {
        switch block {
        case .heading(let level, let text): String(repeating: "#", count: max(1, min(level, 6))) + " " + line(text)
        case .paragraph(let text): line(text)
        case .list(let items): items.map { "- " + line($0) }.joined(separator: "\n")
        case .table(let header, let rows): table(header, rows)
        case .chart: nil
        }
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let lines = [row(header), row(header.map { _ in "---" })] + rows.map(row)
        return lines.joined(separator: "\n")
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.map { line($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }

    /// Text on one line: a line break inside a paragraph or a cell would end it.
    static func line(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
