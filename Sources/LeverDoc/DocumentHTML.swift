import LeverTesting

/// A `PolicyDocument` as one self-contained HTML page: inline CSS (the diff page's, so the two
/// documents a committee sees look alike), curves as inline SVG, no scripts, no external assets,
/// well-formed XHTML so that any XML parser reads it.
public enum DocumentHTML {
    /// The page text, ending with one newline.
    public static func render(_ document: PolicyDocument) -> String {
        let body = "<h1>\(inline(document.title))</h1>" + document.blocks.map(block).joined()
        return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>"
            + "<title>\(HTMLText.escape(document.title))</title><style>\(style)</style></head><body>\(body)</body></html>\n"
    }

    static let style = DiffHTML.style + "code{background:#f4f4f4;padding:0 3px}td{vertical-align:top}"

    static func block(_ block: DocumentBlock) -> String {
        switch block {
        case .heading(let level, let text):
            let h = "h\(max(1, min(level, 6)))"
            return "<\(h)>\(inline(text))</\(h)>"
        case .paragraph(let text): return "<p>\(inline(text))</p>"
        case .list(let items): return "<ul>" + items.map { "<li>\(inline($0))</li>" }.joined() + "</ul>"
        case .table(let header, let rows):
            return "<table><tr>" + header.map { "<th>\(inline($0))</th>" }.joined() + "</tr>"
                + rows.map { "<tr>" + $0.map { "<td>\(inline($0))</td>" }.joined() + "</tr>" }.joined() + "</table>"
        case .chart(let chart):
            let svg = DiffSVG.curve(CurveComparison(name: chart.name, old: nil, new: chart.samples),
                                    xLabel: chart.xLabel, yLabel: chart.yLabel, legend: false)
            return "<div class=\"charts\">\(svg)</div>"
        }
    }

    /// Escaped text with `code` spans between backticks; an unpaired backtick stays as written.
    static func inline(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count % 2 == 1 else { return HTMLText.escape(text) }
        return parts.enumerated().map { i, part in
            i % 2 == 0 ? HTMLText.escape(String(part)) : "<code>\(HTMLText.escape(String(part)))</code>"
        }.joined()
    }
}
