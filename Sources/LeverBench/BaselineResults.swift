/// Per account, the outputs a hand-written baseline computes, compared with the compiled
/// policy's before anything is timed (`Disagreement.find`).
public protocol BaselineResults: Sendable {
    /// The compared outputs, in the order disagreements are reported.
    static var fields: [String] { get }
    /// Accounts held.
    var count: Int { get }
    /// `field` of account `a` as a report shows it (`healthy`, `1234.5`, `null` for ∞).
    func text(_ field: String, at a: Int) -> String
    /// Whether both agree on `field` of account `a`.
    func agrees(with other: Self, on field: String, at a: Int) -> Bool
}

extension BaselineResults {
    /// Numbers agree within 1e-9 relative (`|a − b| ≤ 1e-9 · max(|a|, |b|)`, the workload's
    /// `verify.py`); infinities only with themselves.
    static func close(_ x: Double, _ y: Double) -> Bool {
        x == y || abs(x - y) <= 1e-9 * max(abs(x), abs(y))
    }
}
