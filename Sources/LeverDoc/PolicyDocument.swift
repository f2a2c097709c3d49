import Lever
import LeverTesting

/// What a risk committee reads and approves: a policy's rules in order, with their numbers,
/// where each is written and the author's comment on it, independent of the output format.
///
/// It is built from a checked policy only (no book, no market), so the same policy always gives
/// the same document, byte for byte, in every format. Renderers (`DocumentMarkdown`,
/// `DocumentHTML`) only lay the blocks out.
public struct PolicyDocument: Sendable, Hashable {
    /// The policy's name (its `policy "…"` header), or the file name without one.
    public var title: String
    /// The content in reading order.
    public var blocks: [DocumentBlock]

    /// A document from blocks, for renderers' tests.
    public init(title: String, blocks: [DocumentBlock]) {
        self.title = title
        self.blocks = blocks
    }

    /// The document of a checked policy: header and identity, parameters, inputs, assets by class,
    /// venues, decision tables, curves, margin and oracle settings, measures, scenarios, asserts
    /// with their proof status, and guardrails.
    ///
    /// The policy should be free of errors (`CheckResult.isValid`): a declaration the checker
    /// rejected is still shown as written, but its numbers and proof status mean nothing.
    /// `engine` (`EngineVersion.describe(revision:)`), when given, is named among the header's
    /// facts as the engine that wrote the document.
    public init(_ checked: CheckResult, engine: String? = nil) {
        let builder = DocumentBuilder(checked, engine: engine)
        self.init(title: builder.title, blocks: builder.blocks())
    }
}

/// One piece of a `PolicyDocument`.
///
/// Text may hold `code` spans between backticks (rule text, names); each renderer shows them as
/// code. Nothing else is markup, so comments written in the policy come out as written.
public enum DocumentBlock: Sendable, Hashable {
    /// A section heading; level 2 for sections, 3 for subsections (the title is level 1).
    case heading(level: Int, text: String)
    /// A paragraph of prose.
    case paragraph(String)
    /// A bulleted list.
    case list([String])
    /// A table with a header row; every row has as many cells as the header.
    case table(header: [String], rows: [[String]])
    /// A curve drawn as a chart; shown by the HTML form only (the Markdown form has its values table).
    case chart(CurveChart)
}

/// A sampled curve to draw: its name, what its argument and its value are, and the points.
public struct CurveChart: Sendable, Hashable {
    /// The chart title (`curve stable_rate`).
    public var name: String
    /// The argument's name for the x axis (`utilization`).
    public var xLabel: String
    /// The value's name for the y axis (`stable_rate`).
    public var yLabel: String
    /// Points in base units, x ascending.
    public var samples: [CurveSample]

    /// A chart of `samples`.
    public init(name: String, xLabel: String, yLabel: String, samples: [CurveSample]) {
        self.name = name
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.samples = samples
    }
}
