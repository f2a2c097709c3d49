/// Draws a `Plot` as a column chart with Unicode block characters (eighths of a cell), labelled
/// axes (0%..100% across, min..max up) and the kink marked with `┬` and a label.
///
/// Pure text in, text out: the REPL prints it and golden tests pin it.
public struct PlotRenderer: Sendable {
    /// Rows of the chart area.
    public var height: Int

    /// A renderer drawing `height` rows (at least 2).
    public init(height: Int = 10) {
        self.height = max(2, height)
    }

    static let blocks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The chart, ending with a newline.
    public func render(_ plot: Plot) -> String {
        let finite = plot.samples.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return "\(plot.title): nothing to plot\n" }
        let top = plot.format.text(high), bottom = plot.format.text(low)
        let gutter = max(top.count, bottom.count)
        let levels = plot.samples.map { level($0, low: low, high: high) }
        var lines = [plot.title]
        for row in (0..<height).reversed() {
            let label = row == 0 ? bottom : (row == height - 1 && high > low) ? top : ""
            let cells = levels.map { Self.blocks[min(8, max(0, $0 - row * 8))] }
            lines.append(pad(label, gutter) + " ┤" + String(cells))
        }
        lines += axis(plot, width: levels.count, gutter: gutter)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Eighths of a cell filled for `y`; the lowest value still shows a sliver.
    private func level(_ y: Double, low: Double, high: Double) -> Int {
        guard y.isFinite else { return 0 }
        guard high > low else { return 1 }
        let fraction = (y - low) / (high - low)
        return max(1, Int((fraction * Double(height * 8)).rounded()))
    }

    /// The x axis with the kink tick, the 0%/100% labels and the kink label.
    private func axis(_ plot: Plot, width: Int, gutter: Int) -> [String] {
        let kinkColumn = plot.kink.map { min(width - 1, max(0, Int(($0 * Double(width - 1)).rounded()))) }
        var rule = Array(repeating: Character("─"), count: width)
        if let kinkColumn { rule[kinkColumn] = "┬" }
        let indent = String(repeating: " ", count: gutter + 2)
        let ends = "0%" + String(repeating: " ", count: max(1, width - 6)) + "100%"
        var lines = [String(repeating: " ", count: gutter + 1) + "└" + String(rule), indent + ends]
        if let kinkColumn, let kink = plot.kink {
            lines.append(indent + String(repeating: " ", count: kinkColumn) + "└ kink at " + ValueFormat.percent.text(kink))
        }
        return lines
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
