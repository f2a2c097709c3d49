import LeverCompile

/// Turns a `Report` into text: a table for people, JSON, JSON Lines or CSV for machines.
///
/// Rendering is a pure function of the report, so the same report gives the same bytes; the
/// engine makes reports the same at any thread count, so the output is too. Select outputs
/// first with `Report.selecting(outputs:)`; the renderer shows every output it is given.
public struct ReportRenderer: Sendable {
    /// The text forms.
    public enum Style: Sendable, Hashable {
        /// Aligned columns, one row per account, then notes, market issues and liquidation plans.
        /// With `color`, statuses are green (healthy), yellow (margin call) or red (liquidatable).
        case table(color: Bool)
        /// Stable JSON: see `ReportRenderer+JSON.swift` for the layout.
        case json
        /// JSON Lines: a first line with everything but the accounts, then one account per line,
        /// each as the JSON form writes it (`ReportRenderer+Lines.swift`).
        case jsonLines
        /// CSV (RFC 4180): a header, then one row per account: its id, whether it was evaluated,
        /// one column per output, and its flags when the policy declares any.
        case csv
    }

    public var style: Style

    public init(style: Style) { self.style = style }

    /// The columns a table shows when the user names none: the summary a risk desk reads first.
    /// Every output is in the JSON form and can be asked for with `--fields`.
    public static let defaultTableFields = [
        "tier", "collateral", "debt", "equity", "maintenance_requirement", "health", "margin_ratio", "status",
    ]

    /// The outputs shown when the user names none: the summary columns (those of `available`)
    /// for a table, every output for JSON.
    public func defaultFields(_ available: [String]) -> [String] {
        switch style {
        case .table: Self.defaultTableFields.filter(available.contains)
        case .json, .jsonLines, .csv: available
        }
    }

    /// The report as text, ending in a newline.
    public func render(_ report: Report) -> String {
        switch style {
        case .table(let color): ReportTable(report: report, color: color).text
        case .json: Self.json(report).text
        case .jsonLines: Self.jsonLines(report)
        case .csv: Self.csv(report)
        }
    }
}
