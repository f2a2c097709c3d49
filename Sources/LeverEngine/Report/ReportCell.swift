import LeverCompile

/// One value as a table shows it.
///
/// Money (USD) has thousands separators and 2 decimals; durations are shown in days; other
/// numbers — ratios such as health and margin ratio, counts, rates — with 4 decimals, or with
/// none in a column whose values are all whole (a count of 3 is `3`, not `3.0000`). Ratios are not turned
/// into percentages: the policy's ratio outputs mix factors (health 1.25) with fractions, and
/// the dimension cannot tell them apart. Infinite is `∞`, undefined `—`. JSON keeps full precision.
/// A fixed-point policy's numbers are exact decimals, shown with every digit.
struct ReportCell {
    var text: String
    /// Numbers are right-aligned, words left-aligned.
    var alignRight: Bool

    static let undefined = "—"

    /// The cell of `value`; `whole` says its column holds only whole numbers.
    init(_ value: ReportValue?, kind: OutputKind, whole: Bool = false) {
        switch value {
        case .number(let x)?:
            self.init(text: Self.number(x, kind: kind, whole: whole), alignRight: true)
        case .decimal(_, let exact)?:
            // A fixed-point policy's value is shown whole: its digits are the point of it.
            self.init(text: exact, alignRight: true)
        case .flag(let b)?:
            self.init(text: b ? "yes" : "no", alignRight: false)
        case .label(let s)?:
            self.init(text: s, alignRight: false)
        case .undefined?, nil:
            self.init(text: Self.undefined, alignRight: kind.isNumber)
        }
    }

    init(text: String, alignRight: Bool) {
        self.text = text
        self.alignRight = alignRight
    }

    static func number(_ x: Double, kind: OutputKind, whole: Bool) -> String {
        guard case .number(let dimension) = kind else { return NumberText.shortest(x) }
        switch (dimension.money, dimension.halfTime) {
        case (1, 0): return NumberText.fixed(x, decimals: 2, grouped: true)
        case (0, 2): return NumberText.fixed(x * 365, decimals: 2, grouped: true) + " d"
        default: return NumberText.fixed(x, decimals: whole ? 0 : 4, grouped: true)
        }
    }

    /// Whether every finite number among `values` is whole (infinite and undefined ones do not count).
    static func allWhole(_ values: some Sequence<ReportValue>) -> Bool {
        values.allSatisfy { value in
            guard case .number(let x) = value, x.isFinite else { return true }
            return x == x.rounded() && abs(x) < 1e15
        }
    }

    /// A fraction as a percentage: `25%`, `12.50%`.
    static func percent(_ x: Double) -> String {
        let p = x * 100
        return NumberText.fixed(p, decimals: p == p.rounded() ? 0 : 2, grouped: true) + "%"
    }

    /// 4 decimals, or none for whole numbers.
    static func plain(_ x: Double) -> String {
        let whole = x.isFinite && x == x.rounded() && abs(x) < 1e15
        return NumberText.fixed(x, decimals: whole ? 0 : 4, grouped: true)
    }
}

extension OutputKind {
    /// Whether the output holds numbers (right-aligned in tables).
    var isNumber: Bool {
        switch self {
        case .number: true
        case .flag, .label: false
        }
    }
}
