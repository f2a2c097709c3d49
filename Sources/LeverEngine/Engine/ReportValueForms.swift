import LeverCompile

/// How the program's numbers become an account's reported values, output by output: worked out
/// once per engine, so turning a million accounts' numbers into values neither copies an
/// output's kind (with its label list) nor makes a label's value again for every account.
struct ReportValueForms: Sendable {
    private enum Form: Sendable { case number, flag, label }
    private let forms: [Form]
    /// Per output, the value of each of its labels (empty for the other kinds).
    private let labels: [[ReportValue]]

    init(_ outputs: [OutputInfo]) {
        forms = outputs.map {
            switch $0.kind {
            case .number: .number
            case .flag: .flag
            case .label: .label
            }
        }
        labels = outputs.map {
            guard case .label(let words) = $0.kind else { return [] }
            return words.map(ReportValue.label)
        }
    }

    /// Output `o`'s value for the program's number `x` (`exact`: a fixed-point policy's exact
    /// decimal of it): NaN is undefined, and so is a label number that names no label.
    @inline(__always)
    func value(_ x: Double, exact: String? = nil, output o: Int) -> ReportValue {
        if x.isNaN { return .undefined }
        switch forms[o] {
        case .number: return exact.map { .decimal(x, $0) } ?? .number(x)
        case .flag: return .flag(x != 0)
        case .label:
            let words = labels[o]
            return x > -1 && x < Double(words.count) ? words[Int(x)] : .undefined  // the index toward zero
        }
    }
}
