import Lever

extension BenchReport {
    /// The report as aligned text: header, one row per engine and thread count plus the ratio,
    /// then what each timed region holds.
    public var table: String {
        var lines = optimized ? [] : ["warning: " + Self.debugWarning]
        lines += header
        if !runs.isEmpty { lines += [""] + Self.timingRows(runs) + Self.adaptationLine(adaptation) + Self.repricingLine(repricing) }
        if let tick { lines += [""] + Self.tickLines(tick, baselineKind) }
        if let exact { lines += [""] + exact.lines }
        lines += ["", "timed region:", "  lever:      " + Self.leverRegion]
        if runs.contains(where: { $0.native != nil }) { lines.append("  native:     " + Self.nativeRegion) }
        if case .agrees = baseline { lines.append("  baseline:   " + baselineKind.region) }
        if adaptation != nil { lines.append("  adaptation: " + Self.adaptationRegion) }
        if repricing != nil { lines.append("  repricing:  " + Self.repricingRegion) }
        if let tick, tick.holders > 0 { lines.append("  tick:       " + Self.tickRegion) }
        if exact != nil { lines.append("  exact:      " + Self.exactRegion) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func tickLines(_ t: Tick, _ kind: BaselineKind) -> [String] {
        let percent = t.tick.move * 100
        let move = (percent >= 0 ? "+" : "") + (percent == percent.rounded() ? String(Int(percent)) : NumberText.shortest(percent))
        guard t.holders > 0 else { return ["tick:      no account holds \(t.tick.asset); tick not timed"] }
        let header = ["tick:      \(t.tick.asset) price \(move)%; the \(count(t.holders)) accounts holding it are evaluated again"]
        let baseline: [String] = baselineLines(t.baseline, kind) + nativeLines(t.native)
        let timings: [String] = t.runs.isEmpty ? [] : [""] + timingRows(t.runs) + adaptationLine(t.adaptation)
        return header + baseline + timings
    }

    /// The input adaptation's own line, under the timing rows (not part of the ratio).
    static func adaptationLine(_ t: Timing?) -> [String] {
        guard let t else { return [] }
        return ["adaptation: \(fixed(t.medianPerAccount, 1)) ns/account median, \(fixed(t.minimumPerAccount, 1)) min "
                + "(ProgramInputs, outside the ratio: see timed region)"]
    }

    /// The repricing line, under the adaptation line.
    static func repricingLine(_ t: Timing?) -> [String] {
        guard let t else { return [] }
        return ["repricing:  \(fixed(t.medianPerAccount, 1)) ns/account median, \(fixed(t.minimumPerAccount, 1)) min "
                + "(MarginEngine.repriced, outside the ratio: see timed region)"]
    }

    var header: [String] {
        [
            "lever bench: \(policy)",
        ] + (engineVersion.map { ["engine:    \($0)"] } ?? []) + [
            "book:      \(Self.count(accounts)) accounts, \(Self.count(positions)) positions (\(book))",
            "market:    \(assets) assets (\(market))",
            "runs:      \(Self.plural(warmups, "warm-up")), then \(Self.plural(repeats, "timed repetition")) "
                + "per engine and thread count",
        ] + (notEvaluated > 0 ? notEvaluatedLines : Self.baselineLines(baseline, baselineKind) + Self.nativeLines(native))
    }

    static func nativeLines(_ native: Native) -> [String] {
        switch native {
        case .notAsked: []
        case .unavailable(let reason): ["native:    unavailable (\(reason)); the closure engine is timed alone"]
        case .identical(let n, let library):
            ["native:    \(library); results identical to the closure engine's on all \(Self.count(n)) accounts"]
        case .differs(let first): ["native:    DIFFERS from the closure engine (not timed): \(first)"]
        }
    }

    /// Why nothing was timed when an account was not evaluated: how many, and the first one's note.
    var notEvaluatedLines: [String] {
        ["error:     \(Self.count(notEvaluated)) of \(Self.count(accounts)) accounts not evaluated (input errors); "
            + "nothing was timed", "  first: " + (firstNote ?? "")]
    }

    static func baselineLines(_ baseline: Baseline, _ kind: BaselineKind) -> [String] {
        switch baseline {
        case .agrees(let n):
            let fields = kind.fields.joined(separator: ", ")
            return ["baseline:  hand-written Swift; agrees with Lever on all \(Self.count(n)) accounts (\(fields); \(kind.tolerance))"]
        case .disagrees(let found):
            return ["baseline:  DISAGREES with Lever (nothing was timed):"] + found.map { "  " + $0.message }
        case .none(let reason):
            return ["baseline:  \(reason); Lever is timed alone"]
        }
    }

    static func timingRows(_ runs: [Run]) -> [String] {
        var rows = [["threads", "engine", "median ns/account", "min ns/account", "accounts/s (median)", "median ms"]]
        for run in runs {
            rows.append(row(run.threads, "lever", run.lever))
            if let native = run.native { rows.append(row(run.threads, "native", native)) }
            if let b = run.baseline, let ratio = run.ratio, let minimum = run.minimumRatio {
                rows.append(row(run.threads, "baseline", b))
                rows.append(["\(run.threads)", "ratio", fixed(ratio, 2) + "×", fixed(minimum, 2) + "×", "", ""])
                if let ratio = run.nativeRatio, let minimum = run.nativeMinimumRatio {
                    rows.append(["\(run.threads)", "native ratio", fixed(ratio, 2) + "×", fixed(minimum, 2) + "×", "", ""])
                }
            }
        }
        return align(rows, left: [1])
    }

    static func row(_ threads: Int, _ engine: String, _ t: Timing) -> [String] {
        ["\(threads)", engine, fixed(t.medianPerAccount, 1), fixed(t.minimumPerAccount, 1), rate(t.accountsPerSecond),
         fixed(t.median / 1e6, 3)]
    }

    /// Columns padded to their widest cell: right-aligned, except the `left` columns.
    static func align(_ rows: [[String]], left: Set<Int>) -> [String] {
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            var line = row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return left.contains(c) ? cell + pad : pad + cell
            }.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// `30.21 M`, `812.5 k`.
    static func rate(_ perSecond: Double) -> String {
        perSecond >= 1e6 ? fixed(perSecond / 1e6, 2) + " M" : fixed(perSecond / 1e3, 1) + " k"
    }

    /// What the exact comparison times.
    static let exactRegion = "the compiled program over the laid-out book in binary64, then in fixed point (the book converted beforehand, untimed)"

    static func fixed(_ x: Double, _ decimals: Int) -> String { NumberText.fixed(x, decimals: decimals, grouped: true) }
    static func count(_ n: Int) -> String { NumberText.fixed(Double(n), decimals: 0, grouped: true) }
    /// `1 warm-up`, `5 timed repetitions`.
    static func plural(_ n: Int, _ noun: String) -> String { count(n) + " " + noun + (n == 1 ? "" : "s") }
}
