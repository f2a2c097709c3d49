import LeverSyntax
import Testing

/// Inputs that break naive renderers: tabs, wide text, control bytes, empty files, huge lines.
extension RendererTests {
    static let awkward: SourceMap = {
        var map = SourceMap()
        map.add(path: "tabs.lever", text: "class\tmajor {\n\t\thaircut = «é» + 1\n}\n")
        map.add(path: "empty.lever", text: "")
        map.add(path: "binary.lever", bytes: [0x70, 0x00, 0x1B, 0x5B, 0x33, 0x31, 0x6D, 0xFF, 0x0A])
        map.add(path: "long.lever", text: "param x = " + String(repeating: "1 + ", count: 200) + "oops\n")
        map.add(path: "crlf.lever", text: "param a = 1\r\nparam b = ?\r\n")
        map.add(path: "bidi.lever", text: "param admin = 1 \u{202E}// comment \u{2066}\n")
        return map
    }()

    static func a(_ needle: String, file: Int) -> Span { RenderCase.span(needle, in: awkward, file: file) }

    static let awkwardCases: [RenderCase] = [
        RenderCase(name: "tabs-and-unicode", sources: awkward, diagnostics: [
            .error("L0101", "unexpected character `«` (U+AB)", at: a("«", file: 0), secondary: [.init(a("1", file: 0), "one")]),
            .error("L0301", "text after tab", at: a("é", file: 0), label: "here"),
        ]),
        RenderCase(name: "empty-file", sources: awkward, diagnostics: [
            .error("L0104", "expected `policy` or a declaration", at: Span(file: 1, start: 0, end: 0), label: "file is empty"),
        ]),
        RenderCase(name: "binary", sources: awkward, diagnostics: [
            .error("L0100", "file is not UTF-8 text", at: Span(file: 2, start: 7, end: 8), label: "invalid byte"),
        ]),
        RenderCase(name: "long-line", sources: awkward, diagnostics: [
            .error("L0201", "unknown name `oops`", at: a("oops", file: 3)),
            .error("L0103", "line start", at: Span(file: 3, start: 0, end: 5)),
        ]),
        RenderCase(name: "crlf", sources: awkward, diagnostics: [
            .error("L0101", "unexpected character `?`", at: a("?", file: 4)),
            .error("L0105", "expected a value at end of line", at: Span(file: 4, start: 11, end: 11)),
        ]),
        RenderCase(name: "bidi-overrides", sources: awkward, diagnostics: [
            .error("L0101", "unexpected character `\u{202E}` (U+202E)", at: a("\u{202E}", file: 5), label: "bidi override"),
        ]),
    ]
}
