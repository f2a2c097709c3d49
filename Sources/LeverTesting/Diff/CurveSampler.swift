import Lever

/// Samples the curves of a checked policy for drawing: `points` at their points, `steps` as
/// horizontal runs, `kinked` on a grid of 101 points of [0, 1]. A curve whose points are not
/// constant, or written as another expression, is not drawn.
package struct CurveSampler {
    let checked: CheckResult
    let folder: ConstantFolder

    package init(_ checked: CheckResult) {
        self.checked = checked
        self.folder = ConstantFolder(symbols: checked.symbols)
    }

    /// Curves by name, in declaration order (a later file's override replaces an earlier one).
    package func curves() -> [(name: String, samples: [CurveSample]?)] {
        var order: [String] = []
        var byName: [String: [CurveSample]?] = [:]
        for file in checked.files {
            for declaration in file.policy.declarations {
                guard case .curve(let curve) = declaration.kind else { continue }
                if byName[curve.name.text] == nil { order.append(curve.name.text) }
                byName[curve.name.text] = .some(samples(curve.body))
            }
        }
        return order.map { ($0, byName[$0] ?? nil) }
    }

    package func samples(_ body: CurveBody) -> [CurveSample]? {
        switch body {
        case .points(let points, _): return folded(points)
        case .steps(let points, _):
            guard let p = folded(points) else { return nil }
            return stepped(p)
        case .expression(let expr): return kinked(expr)
        }
    }

    package func folded(_ points: [CurvePoint]) -> [CurveSample]? {
        var out: [CurveSample] = []
        for point in points {
            guard let x = folder.fold(point.x), let y = folder.fold(point.y), x.isFinite, y.isFinite else { return nil }
            out.append(CurveSample(x: x, y: y))
        }
        return out.isEmpty ? nil : out
    }

    /// Each y held to the next x (the last to x = 1 when it starts below 1).
    func stepped(_ points: [CurveSample]) -> [CurveSample] {
        var out: [CurveSample] = []
        for (i, p) in points.enumerated() {
            out.append(p)
            let end = i + 1 < points.count ? points[i + 1].x : max(1, p.x)
            out.append(CurveSample(x: end, y: p.y))
        }
        return out
    }

    /// `kinked(base:, slope1:, kink:, slope2:)` at 101 points of [0, 1], as the engine computes it.
    func kinked(_ expr: Expr) -> [CurveSample]? {
        guard let shape = ConstantCurve(.expression(expr), folder: folder), let kink = shape.kink, kink > 0, kink < 1
        else { return nil }
        return (0...100).map { i in
            let u = Double(i) / 100
            return CurveSample(x: u, y: shape.value(at: u))
        }
    }

    static func compare(old: CheckResult, new: CheckResult) -> [CurveComparison] {
        let before = CurveSampler(old).curves()
        let after = CurveSampler(new).curves()
        let oldByName = Dictionary(before.map { ($0.name, $0.samples) }, uniquingKeysWith: { _, b in b })
        let newNames = Set(after.map(\.name))
        return after.map { CurveComparison(name: $0.name, old: oldByName[$0.name] ?? nil, new: $0.samples) }
            + before.filter { !newNames.contains($0.name) }.map { CurveComparison(name: $0.name, old: $0.samples, new: nil) }
    }
}

extension PolicyDiff {
    /// The rate curves of both versions, sampled.
    public static func curves(old: CheckResult, new: CheckResult) -> [CurveComparison] {
        CurveSampler.compare(old: old, new: new)
    }
}
