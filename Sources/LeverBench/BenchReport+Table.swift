import Lever

extension BenchReport {
    /// The report as aligned text: header, one row per engine and thread count plus the ratio,
    /// then what each timed region holds.
    public var table: String {
        var lines = optimized ? [] : ["warning: " + Self.debugWarning]
        lines += header
        if !runs.isEmpty { lines += [""] + timingRows }
        lines += ["", "timed region:", "  lever:    " + Self.leverRegion]
        if case .agrees = baseline { lines.append("  baseline: " + Self.baselineRegion) }
        return lines.joined(separator: "\n") + "\n"
    }

    var header: [String] {
        [
            "lever bench: \(policy)",
            "book:      \(Self.count(accounts)) accounts, \(Self.count(positions)) positions (\(book))",
            "market:    \(assets) assets (\(market))",
            "runs:      \(warmups) warm-up, then \(repeats) timed repetitions per engine and thread count",
        ] + baselineLines
    }

    var baselineLines: [String] {
        switch baseline {
        case .agrees(let n):
            let fields = WorkloadField.allCases.map(\.rawValue).joined(separator: ", ")
            return ["baseline:  hand-written Swift; agrees with Lever on all \(Self.count(n)) accounts (\(fields); 1e-9 relative)"]
        case .disagrees(let found):
            return ["baseline:  DISAGREES with Lever (nothing was timed):"] + found.map { "  " + $0.message }
        case .none(let reason):
            return ["baseline:  \(reason); Lever is timed alone"]
        }
    }

    var timingRows: [String] {
        var rows = [["threads", "engine", "median ns/account", "min ns/account", "accounts/s (median)"]]
        for run in runs {
            rows.append(Self.row(run.threads, "lever", run.lever))
            if let b = run.baseline, let ratio = run.ratio, let minimum = run.minimumRatio {
                rows.append(Self.row(run.threads, "baseline", b))
                rows.append(["\(run.threads)", "ratio", Self.fixed(ratio, 2) + "×", Self.fixed(minimum, 2) + "×", ""])
            }
        }
        return Self.align(rows, left: [1])
    }

    static func row(_ threads: Int, _ engine: String, _ t: Timing) -> [String] {
        ["\(threads)", engine, fixed(t.medianPerAccount, 1), fixed(t.minimumPerAccount, 1), rate(t.accountsPerSecond)]
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

    static func fixed(_ x: Double, _ decimals: Int) -> String { NumberText.fixed(x, decimals: decimals, grouped: true) }
    static func count(_ n: Int) -> String { NumberText.fixed(Double(n), decimals: 0, grouped: true) }
}
