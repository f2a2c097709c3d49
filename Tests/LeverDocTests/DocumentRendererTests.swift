import LeverDoc
import Testing

/// The two renderers on a hand-built document: what must be escaped is, and nothing else changes.
@Suite struct DocumentRendererTests {
    static let document = PolicyDocument(title: "A <b> & c", blocks: [
        .heading(level: 2, text: "Rules"),
        .paragraph("Rule `a < b` holds.\nSecond line."),
        .table(header: ["when", "note"], rows: [["`\"EU\" | \"UK\"`", "one `tick"]]),
        .chart(CurveChart(name: "curve r", xLabel: "utilization", yLabel: "r", samples: [])),
    ])

    @Test func markdownEscapesPipesAndKeepsEachBlockOnItsLines() {
        #expect(DocumentMarkdown.render(Self.document) == """
            # A <b> & c

            ## Rules

            Rule `a < b` holds. Second line.

            | when | note |
            | --- | --- |
            | `"EU" \\| "UK"` | one `tick |

            """)
    }

    @Test func htmlEscapesTextAndShowsCodeSpans() {
        let html = DocumentHTML.render(Self.document)
        #expect(html.contains("<h1>A &lt;b&gt; &amp; c</h1><h2>Rules</h2><p>Rule <code>a &lt; b</code> holds.\nSecond line.</p>"))
        #expect(html.contains("<td><code>&quot;EU&quot; | &quot;UK&quot;</code></td><td>one `tick</td>"))
        #expect(html.contains("<svg") && !html.contains(">old<"))
    }
}
