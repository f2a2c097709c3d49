import Lever

/// Haircut against notional for size-scaled assets (a haircut rule with `per … of notional`),
/// under both versions, for drawing.
///
/// Measured with the engine rather than re-derived: one synthetic account per notional on a grid,
/// holding only that asset long, is evaluated by each version, and the haircut is
/// 1 − collateral ÷ gross value, so class, asset and venue rules and the tier discount all apply
/// exactly as they do in `lever eval`.
public struct HaircutCurve: Sendable, Hashable {
    /// The asset symbol.
    public var asset: String
    /// The account score the synthetic accounts carry (the book's median), which picks the tier.
    public var score: Double
    /// (notional USD, haircut ratio) under the old version.
    public var old: [CurveSample]
    /// (notional USD, haircut ratio) under the new version.
    public var new: [CurveSample]
}

enum HaircutCurves {
    /// Points on the notional grid.
    static let steps = 20

    static func measure(old: LoadedPolicy, new: LoadedPolicy, oldEngine: MarginEngine, newEngine: MarginEngine,
                        book: Book, market: MarketSnapshot) -> [HaircutCurve] {
        let scaled = sizeScaled(old.checked).merging(sizeScaled(new.checked)) { max($0, $1) }
        let scores = book.accounts.map(\.score).sorted()
        let score = scores.isEmpty ? 0 : scores[scores.count / 2]
        return scaled.keys.sorted().compactMap { asset in
            guard let price = market[asset]?.price, price > 0 else { return nil }
            let top = max(3 * (scaled[asset] ?? 0), 1e6)
            let notionals = (1...steps).map { top * Double($0) / Double(steps) }
            let accounts = notionals.enumerated().map { i, n in
                Account(id: "n\(i)", score: score, positions: [.spot(.init(asset: asset, quantity: n / price))])
            }
            let sample = { (engine: MarginEngine) in samples(engine, Book(accounts: accounts), market, notionals) }
            let curve = HaircutCurve(asset: asset, score: score, old: sample(oldEngine), new: sample(newEngine))
            return curve.old.isEmpty && curve.new.isEmpty ? nil : curve
        }
    }

    static func samples(_ engine: MarginEngine, _ book: Book, _ market: MarketSnapshot, _ notionals: [Double]) -> [CurveSample] {
        let reading = ReportReading(Lever.evaluate(engine, book: book, market: market))
        return zip(reading.report.accounts, notionals).compactMap { account, notional in
            guard let gross = reading.number("gross_value", account), gross > 0,
                  let collateral = reading.number("collateral", account) else { return nil }
            return CurveSample(x: notional, y: 1 - collateral / gross)
        }
    }

    /// Assets whose haircut (own, or from their class chain) uses `per … of …`, with the largest
    /// constant `above` threshold written (0 when none).
    static func sizeScaled(_ checked: CheckResult) -> [String: Double] {
        let folder = ConstantFolder(symbols: checked.symbols)
        var classes: [String: (parent: String?, threshold: Double?)] = [:]
        var assets: [(name: String, cls: String, threshold: Double?)] = []
        for declaration in checked.files.flatMap(\.policy.declarations) {
            switch declaration.kind {
            case .classDecl(let name, let parent, let body): classes[name.text] = (parent?.text, threshold(body, folder))
            case .asset(let name, let cls, let body): assets.append((name.text, cls.text, threshold(body, folder)))
            default: continue
            }
        }
        var out: [String: Double] = [:]
        for asset in assets {
            var found = asset.threshold
            var cls: String? = asset.cls
            var seen: Set<String> = []
            while found == nil, let name = cls, seen.insert(name).inserted {
                found = classes[name]?.threshold
                cls = classes[name]?.parent
            }
            if let found { out[asset.name] = found }
        }
        return out
    }

    /// The `above` threshold of a size-scaled haircut rule in `body`; nil when there is none.
    static func threshold(_ body: [Property], _ folder: ConstantFolder) -> Double? {
        body.filter { $0.name.text == "haircut" }.compactMap { perThreshold($0.value, folder, depth: 0) }.max()
    }

    static func perThreshold(_ expr: Expr, _ folder: ConstantFolder, depth: Int) -> Double? {
        guard depth < 64 else { return nil }
        switch expr.kind {
        case .per(_, _, _, let above): return above.flatMap(folder.fold) ?? 0
        case .paren(let e), .unary(_, let e): return perThreshold(e, folder, depth: depth + 1)
        case .binary:
            // Operands in written order, a chain of operators in a loop (`BinaryChain`).
            guard let chain = BinaryChain(expr) else { return nil }
            return ([chain.first] + chain.links.map(\.rhs)).lazy.compactMap { perThreshold($0, folder, depth: depth + 1) }.first
        case .call(_, let args, _): return args.lazy.compactMap { perThreshold($0.value, folder, depth: depth + 1) }.first
        case .conditional(_, let t, let e):
            return perThreshold(t, folder, depth: depth + 1) ?? perThreshold(e, folder, depth: depth + 1)
        case .number, .string, .bool, .name, .member, .inRange, .missing: return nil
        }
    }
}
