import Foundation

/// Inline SVG charts for the HTML diff page: a curve of both versions (old dashed, new solid)
/// and paired bars per asset; both with labelled axes and no external assets.
package enum DiffSVG {
    static let width = 480.0, height = 260.0, left = 56.0, right = 16.0, top = 16.0, bottom = 44.0

    /// A line chart of one curve; x and y are ratios shown as percentages.
    package static func curve(_ c: CurveComparison, xLabel: String, yLabel: String,
                              xText: (Double) -> String = percent, legend: Bool = true) -> String {
        let all = (c.old ?? []) + (c.new ?? [])
        let xMax = max(all.map(\.x).max() ?? 1, 1e-9)
        let yMax = max(all.map(\.y).max() ?? 1, 1e-9)
        let x = { (v: Double) in left + v / xMax * (width - left - right) }
        let y = { (v: Double) in height - bottom - v / yMax * (height - top - bottom) }
        var svg = frame(title: c.name, xLabel: xLabel, yLabel: yLabel, xMax: xText(xMax), yMax: yMax)
        // New first, old dashed on top: an unchanged curve shows both, not only the new one.
        if let new = c.new { svg += polyline(new, x, y, dashed: false) }
        if let old = c.old { svg += polyline(old, x, y, dashed: true) }
        return svg + (legend ? self.legend() : "") + "</svg>"
    }

    /// Bars per group: old (hatched grey) and new (solid) side by side.
    static func bars(_ items: [(label: String, old: Double?, new: Double?)], title: String, yLabel: String) -> String {
        let yMax = max(items.flatMap { [$0.old ?? 0, $0.new ?? 0] }.max() ?? 1, 1e-9)
        let slot = (width - left - right) / Double(max(items.count, 1))
        let y = { (v: Double) in height - bottom - v / yMax * (height - top - bottom) }
        var svg = frame(title: title, xLabel: "asset", yLabel: yLabel, xMax: nil, yMax: yMax)
        for (i, item) in items.enumerated() {
            let x0 = left + Double(i) * slot + slot * 0.15
            let w = slot * 0.35
            if let o = item.old { svg += rect(x0, y(o), w, y(0) - y(o), cls: "old") }
            if let n = item.new { svg += rect(x0 + w, y(n), w, y(0) - y(n), cls: "new") }
            svg += text(left + (Double(i) + 0.5) * slot, height - bottom + 14, item.label, anchor: "middle")
        }
        return svg + legend() + "</svg>"
    }

    static func frame(title: String, xLabel: String, yLabel: String, xMax: String?, yMax: Double) -> String {
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
            + "viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\"><title>\(HTMLText.escape(title))</title>"
        let (x0, y0, x1, y1) = (left, height - bottom, width - right, top)
        s += "<line class=\"axis\" x1=\"\(f(x0))\" y1=\"\(f(y0))\" x2=\"\(f(x1))\" y2=\"\(f(y0))\"/>"
        s += "<line class=\"axis\" x1=\"\(f(x0))\" y1=\"\(f(y0))\" x2=\"\(f(x0))\" y2=\"\(f(y1))\"/>"
        s += text(x0 - 4, y0 + 4, "0%", anchor: "end") + text(x0 - 4, y1 + 8, percent(yMax), anchor: "end")
        if let xMax { s += text(x1, y0 + 14, xMax, anchor: "end") + text(x0, y0 + 14, "0", anchor: "start") }
        s += text((x0 + x1) / 2 - 40, height - 6, xLabel, anchor: "middle") + text(x0 + 4, y1 + 8, title, anchor: "start")
        s += "<text class=\"label\" transform=\"translate(12 \(f((y0 + y1) / 2))) rotate(-90)\" text-anchor=\"middle\">"
            + HTMLText.escape(yLabel) + "</text>"
        return s
    }

    static func polyline(_ points: [CurveSample], _ x: (Double) -> Double, _ y: (Double) -> Double, dashed: Bool) -> String {
        let list = points.map { "\(f(x($0.x))),\(f(y($0.y)))" }.joined(separator: " ")
        return "<polyline class=\"\(dashed ? "old" : "new")\" points=\"\(list)\"/>"
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, cls: String) -> String {
        "<rect class=\"\(cls)\" x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(w))\" height=\"\(f(max(h, 0)))\"/>"
    }

    static func text(_ x: Double, _ y: Double, _ s: String, anchor: String) -> String {
        "<text class=\"label\" x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\">\(HTMLText.escape(s))</text>"
    }

    static func legend() -> String {
        let (x, y) = (width - right - 120, height - 10)
        return "<line class=\"old\" x1=\"\(f(x))\" y1=\"\(f(y))\" x2=\"\(f(x + 24))\" y2=\"\(f(y))\"/>" + text(x + 28, y + 4, "old", anchor: "start")
            + "<line class=\"new\" x1=\"\(f(x + 60))\" y1=\"\(f(y))\" x2=\"\(f(x + 84))\" y2=\"\(f(y))\"/>" + text(x + 88, y + 4, "new", anchor: "start")
    }

    static func percent(_ v: Double) -> String { ValueText.number((v * 1000).rounded() / 10) + "%" }
    static func f(_ v: Double) -> String { String(format: "%.1f", v) }
}

/// Escaping text for HTML and XML.
package enum HTMLText {
    package static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
