import Lever

/// An evaluated case: the report narrowed to the case's accounts and fields, its stable JSON,
/// and what the explainer needs to name the rule behind each actual value.
struct GoldenEvaluation {
    /// The report, narrowed.
    var report: Report
    /// `ReportRenderer(style: .json)` of `report`: what `expected.json` holds.
    var json: String
    var engine: MarginEngine
    var sources: SourceMap
    var book: Book
    var market: MarketSnapshot

    /// Narrows `full` to the case's selections; a name the report does not have is an error.
    static func make(_ full: Report, testCase: GoldenCase, engine: MarginEngine, sources: SourceMap,
                     book: Book, market: MarketSnapshot) -> Result<GoldenEvaluation, GoldenProblem> {
        var report = full
        if let fields = testCase.fields {
            let outputs = fields.filter { !["notes", "liquidation", "evaluated"].contains($0) }
            switch full.selecting(outputs: outputs) {
            case .success(let narrowed): report = narrowed
            case .failure(let unknown): return .failure(GoldenProblem("`case.json` fields: \(unknown.message)"))
            }
        }
        if let ids = testCase.accounts {
            let known = Set(full.accounts.map(\.id))
            if let stray = ids.first(where: { !known.contains($0) }) {
                return .failure(GoldenProblem("`case.json` accounts: the book has no account `\(stray)`"))
            }
            report.accounts = report.accounts.filter { ids.contains($0.id) }
        }
        let json = ReportRenderer(style: .json).render(report)
        return .success(GoldenEvaluation(report: report, json: json, engine: engine, sources: sources, book: book, market: market))
    }

    /// The difference with the rule that produced its actual value, when the field is an output.
    func attributing(_ difference: GoldenDifference) -> GoldenDifference {
        guard let account = difference.account, difference.actual != nil, !difference.field.isEmpty,
              engine.policy.outputs.contains(where: { $0.name == difference.field }),
              let explained = Explainer(engine: engine, sources: sources)
                .explain(account: account, book: book, market: market, measure: difference.field)?.children.first
        else { return difference }
        var attributed = difference
        attributed.rule = Self.ruleLine(explained)
        return attributed
    }

    /// `measure health ← borrowing_power / debt  [Rules/prime.lever:112:9]`, the text cut short.
    static func ruleLine(_ explanation: Explanation) -> String {
        var detail = explanation.detail.replacingOccurrences(of: "\n", with: " ")
        if detail.count > 160 { detail = String(detail.prefix(159)) + "…" }
        var line = explanation.title
        if !detail.isEmpty { line += " ← " + detail }
        if let location = explanation.location { line += "  [\(location)]" }
        return line
    }
}
