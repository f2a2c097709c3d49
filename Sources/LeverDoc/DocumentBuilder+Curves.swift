import Lever
import LeverTesting

extension DocumentBuilder {
    // MARK: - Curves

    /// Each curve: its definition, a few values, and (in HTML) a chart.
    func curveSections() -> [DocumentBlock] {
        let blocks = declarations(.curve).flatMap { decl -> [DocumentBlock] in
            guard case .curve(let curve) = decl.kind else { return [] }
            return curveBlocks(curve, decl: decl)
        }
        return section("Curves", blocks)
    }

    func curveBlocks(_ curve: CurveDecl, decl: Declaration) -> [DocumentBlock] {
        let parameter = curve.parameter.text
        var blocks: [DocumentBlock] = [
            .heading(level: 3, text: Self.code("\(curve.name.text)(\(parameter))")),
            .paragraph(Self.code(definition(curve.body)) + " (" + declared(decl) + ")." + sentence(note(decl.span))),
        ]
        let rows = arguments(curve).compactMap { x -> [String]? in
            curves.value(curve, at: x).map { [ValueText.format(x, unit: "%") + label(x, curve), ValueText.format($0, unit: "%")] }
        }
        if !rows.isEmpty { blocks.append(.table(header: [parameter, curve.name.text], rows: rows)) }
        let samples = chartSamples(curve)
        if samples.count > 1 {
            blocks.append(.chart(CurveChart(name: "curve \(curve.name.text)", xLabel: parameter, yLabel: curve.name.text,
                                               samples: samples)))
        }
        return blocks
    }

    /// The body as written: `kinked(…)`, `points { … }`, an expression.
    func definition(_ body: CurveBody) -> String {
        switch body {
        case .points(_, let span), .steps(_, let span): text.source(span)
        case .expression(let expr): text.source(expr)
        }
    }

    /// Where to read a curve: 0%, 50%, 90%, 100%, the kink of a `kinked` curve and the points of
    /// a `points` or `steps` curve, within [0%, 100%], ascending.
    func arguments(_ curve: CurveDecl) -> [Double] {
        var xs: Set<Double> = [0, 0.5, 0.9, 1]
        if let kink = kink(curve) { xs.insert(kink) }
        switch curve.body {
        case .points(let points, _), .steps(let points, _):
            for x in points.compactMap({ curves.folder.fold($0.x) }) where x >= 0 && x <= 1 { xs.insert(x) }
        case .expression: break
        }
        return xs.sorted()
    }

    /// The kink of a `kinked(…, kink: …)` body.
    func kink(_ curve: CurveDecl) -> Double? {
        ConstantCurve(curve.body, folder: curves.folder)?.kink
    }

    /// ` (kink)` after the kink's argument.
    func label(_ x: Double, _ curve: CurveDecl) -> String { kink(curve) == x ? " (kink)" : "" }

    /// The diff's samples where it has them (points, steps, kinked), else 101 points of [0, 1].
    func chartSamples(_ curve: CurveDecl) -> [CurveSample] {
        if let samples = curves.sampler.samples(curve.body) { return samples }
        return (0...100).compactMap { i in
            let x = Double(i) / 100
            return curves.value(curve, at: x).map { CurveSample(x: x, y: $0) }
        }
    }
}
