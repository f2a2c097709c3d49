// MARK: - Property blocks, curves and scenarios

extension Formatter {
    /// `haircut = 2%`, `haircut += 1%`, `liquidate when health < 1`.
    static func propertyText(_ property: Property) -> String {
        "\(property.name.text) \(property.op.rawValue) \(text(property.value))"
    }

    /// A declaration head followed by a block of properties: on one line when it has a single
    /// short property and no comment, otherwise broken one property per line.
    /// `braceless`: an empty body is printed without `{}` (the block is optional there).
    static func propertyBlock(_ head: String, _ body: [Property], span: Span, braceless: Bool,
                              into writer: inout LineWriter) {
        let quiet = !writer.hasComment(from: span.start, to: span.end)
        if body.isEmpty, quiet || braceless {
            writer.line(braceless ? head : head + " {}", span: span, indent: 0)
            return
        }
        if body.count == 1, quiet, let only = body.first {
            let joined = "\(head) { \(propertyText(only)) }"
            if fits(joined, indent: 0) {
                writer.line(joined, span: span, indent: 0)
                return
            }
        }
        writer.open(head + " {", at: span.start, indent: 0)
        properties(body, indent: 1, into: &writer)
        writer.close("}", end: span.end, indent: 0)
    }

    /// One line per property.
    static func properties(_ body: [Property], indent: Int, into writer: inout LineWriter) {
        for property in body {
            writer.line(propertyText(property), span: property.span, indent: indent)
        }
    }

    /// `curve NAME(PARAM) = …`: an expression on one line, points or steps joined or broken.
    static func layoutCurve(_ curve: CurveDecl, prefix: String, span: Span, into writer: inout LineWriter) {
        let head = "\(prefix)curve \(curve.name.text)(\(curve.parameter.text)) = "
        switch curve.body {
        case .expression(let value):
            writer.line(head + text(value), span: span, indent: 0)
        case .points(let points, _):
            layoutPoints(head + "points", points, span: span, into: &writer)
        case .steps(let points, _):
            layoutPoints(head + "steps", points, span: span, into: &writer)
        }
    }

    private static func layoutPoints(_ head: String, _ points: [CurvePoint], span: Span,
                                     into writer: inout LineWriter) {
        let items = points.map { "\(text($0.x)) -> \(text($0.y))" }
        let joined = items.isEmpty ? "\(head) {}" : "\(head) { \(items.joined(separator: ", ")) }"
        if !writer.hasComment(from: span.start, to: span.end), fits(joined, indent: 0) {
            writer.line(joined, span: span, indent: 0)
            return
        }
        // Broken: one point per line, the arrows aligned.
        let xs = points.map { text($0.x) }
        let width = xs.map(\.count).max() ?? 0
        writer.open(head + " {", at: span.start, indent: 0)
        for (point, x) in zip(points, xs) {
            let padded = x + String(repeating: " ", count: width - x.count)
            writer.line("\(padded) -> \(text(point.y)),", span: point.span, indent: 1)
        }
        writer.close("}", end: span.end, indent: 0)
    }

    /// `scenario crash { major: -30%, vol: +50% }`, broken one shock per line when long or commented.
    static func layoutScenario(_ name: Name, _ shocks: [Shock], prefix: String, span: Span,
                               into writer: inout LineWriter) {
        let head = "\(prefix)scenario \(name.text)"
        let items = shocks.map { "\($0.target.text): \($0.valueText)" }
        let joined = items.isEmpty ? "\(head) {}" : "\(head) { \(items.joined(separator: ", ")) }"
        if !writer.hasComment(from: span.start, to: span.end), fits(joined, indent: 0) {
            writer.line(joined, span: span, indent: 0)
            return
        }
        writer.open(head + " {", at: span.start, indent: 0)
        for (shock, item) in zip(shocks, items) {
            writer.line(item + ",", span: shock.span, indent: 1)
        }
        writer.close("}", end: span.end, indent: 0)
    }
}
