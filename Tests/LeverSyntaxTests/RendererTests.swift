import LeverSyntax
import LeverTestSupport
import Testing

/// One rendering scenario: some files and the diagnostics to draw over them.
struct RenderCase: CustomTestStringConvertible, Sendable {
    let name: String
    let sources: SourceMap
    let diagnostics: [Diagnostic]
    var limit = 200

    var testDescription: String { name }

    /// The span of the `occurrence`-th (0-based) `needle` in file `file`.
    static func span(_ needle: String, in sources: SourceMap, file: Int = 0, occurrence: Int = 0) -> Span {
        let bytes = sources.file(file)?.bytes ?? []
        let target = Array(needle.utf8)
        var seen = 0
        for start in 0...max(0, bytes.count - target.count) where Array(bytes[start..<start + target.count]) == target {
            if seen == occurrence { return Span(file: file, start: start, end: start + target.count) }
            seen += 1
        }
        Issue.record("`\(needle)` not found")
        return .synthetic
    }
}

@Suite struct RendererTests {
    static let prime: SourceMap = {
        var map = SourceMap()
        let lines = (1...13).map { "param p\($0) = \($0)" } + ["  haircut = z * vol + notional", "}"]
        map.add(path: "Rules/prime.lever", text: lines.joined(separator: "\n") + "\n")
        map.add(path: "Rules/base.lever", text: "class major {\n  haircut = 2%\n}\n")
        return map
    }()

    static func s(_ needle: String, file: Int = 0, occurrence: Int = 0) -> Span {
        RenderCase.span(needle, in: prime, file: file, occurrence: occurrence)
    }

    static let unitMismatch = Diagnostic.error(
        "L0304", "cannot add a USD amount to a ratio", at: s(" + ").dropEnds(), secondary: [
            .init(s("z * vol"), "ratio"), .init(s("notional"), "USD"),
        ], notes: ["`haircut` is declared as `%` (Rules/base.lever:2:3)"],
        help: "divide by an amount to get a ratio, e.g. `notional / 1M USD`")

    static let cases: [RenderCase] = [
        RenderCase(name: "unit-mismatch", sources: prime, diagnostics: [unitMismatch]),
        RenderCase(name: "fixit", sources: prime, diagnostics: [
            .error("L0201", "unknown name", at: s("vol"), label: "not declared",
                   help: "use `vola`", fixIts: [.init("use `vola`", [.init(s("vol"), "vola")])]),
        ]),
        RenderCase(name: "other-line-and-file", sources: prime, diagnostics: [
            .error("L0202", "`haircut` is already declared", at: s("haircut"), label: "declared again here",
                   secondary: [.init(s("haircut", file: 1), "first declared here"), .init(s("p3 = 3"), "unrelated")]),
        ]),
        RenderCase(name: "hanging-labels", sources: prime, diagnostics: [
            .error("L0304", "cannot add a USD amount to a ratio", at: s(" + ").dropEnds(), label: "here",
                   secondary: [.init(s("z * vol"), "ratio"), .init(s("notional"))]),
        ]),
        RenderCase(name: "multi-line-span", sources: prime, diagnostics: [
            .warning("L0401", "block spans two lines", at: s("notional\n}"), label: "this block"),
        ]),
        RenderCase(name: "synthetic", sources: prime, diagnostics: [
            .error("L0700", "book has no accounts", at: .synthetic, notes: ["an empty book checks nothing"]),
            .note("L0601", "assert kept as a runtime check", at: .synthetic),
        ]),
        RenderCase(name: "sorted-and-summary", sources: prime, diagnostics: [
            .warning("L0402", "row can never fire", at: s("p9")),
            .note("L0601", "kept as a runtime check", at: s("p2")),
            .error("L0201", "unknown name", at: s("p1", file: 0, occurrence: 0)),
        ]),
        RenderCase(name: "cap", sources: prime, diagnostics: (1...5).map {
            .error("L0101", "unexpected character", at: s("p\($0) "))
        }, limit: 3),
    ] + RendererTests.awkwardCases

    @Test(arguments: cases)
    func plain(_ c: RenderCase) {
        let text = DiagnosticRenderer(style: .plain, limit: c.limit).render(c.diagnostics, sources: c.sources)
        assertGolden(actual: text, path: goldenPath("render/\(c.name).err"))
    }

    @Test func json() {
        let text = DiagnosticRenderer(style: .json).render(Self.cases[1].diagnostics + [Self.unitMismatch], sources: Self.prime)
        assertGolden(actual: text, path: goldenPath("render/json.json"))
    }

    @Test func github() {
        let all = Self.cases.prefix(6).flatMap(\.diagnostics)
        let text = DiagnosticRenderer(style: .github).render(all, sources: Self.prime)
        assertGolden(actual: text, path: goldenPath("render/github.txt"))
    }

    @Test func colorIsPlainPlusEscapes() {
        let colored = DiagnosticRenderer(style: .human(color: true)).render([Self.unitMismatch], sources: Self.prime)
        let plain = DiagnosticRenderer(style: .plain).render([Self.unitMismatch], sources: Self.prime)
        #expect(colored.contains("\u{1B}[1;31merror[L0304]"))
        #expect(stripANSI(colored) == plain)
    }

    @Test func emptyListRendersNothing() {
        #expect(DiagnosticRenderer(style: .plain).render([], sources: Self.prime) == "")
        #expect(DiagnosticRenderer(style: .json).render([], sources: Self.prime) == "[]\n")
        #expect(DiagnosticRenderer.summary([]) == "no problems found")
    }

    @Test func firstLineIsEditorParsable() {
        let text = DiagnosticRenderer(style: .plain).render([Self.unitMismatch], sources: Self.prime)
        #expect(text.hasPrefix("Rules/prime.lever:14:21: error[L0304]: cannot add a USD amount to a ratio\n"))
    }

    func stripANSI(_ s: String) -> String {
        var out = "", escaping = false
        for ch in s {
            if ch == "\u{1B}" { escaping = true } else if escaping { if ch == "m" { escaping = false } } else { out.append(ch) }
        }
        return out
    }
}

extension Span {
    /// The span without its first and last byte (`" + "` → `"+"`).
    func dropEnds() -> Span { Span(file: file, start: start + 1, end: end - 1) }
}
