import LeverEngine

/// When each guarded parameter last changed: what a guard's `every 3 days` is judged against.
///
/// The history lives in the committee's approval records (`lever diff --approve`), which list
/// the guarded parameters each approved change moved (`guarded_changes`); `lever diff --history`
/// reads them. `now` is when the change under review is approved (`--approved-at`, else the
/// time of the run).
public struct GuardHistory: Sendable, Hashable {
    /// One approved change of one guarded parameter.
    public struct Change: Sendable, Hashable {
        /// The parameter as the diff names it: `asset WETH: ltv`, `param z`.
        public var parameter: String
        public var approvedAt: Timestamp
        /// Where the record was read from, for messages.
        public var source: String

        public init(parameter: String, approvedAt: Timestamp, source: String) {
            self.parameter = parameter
            self.approvedAt = approvedAt
            self.source = source
        }
    }

    public var changes: [Change]
    public var now: Timestamp

    public init(changes: [Change], now: Timestamp) {
        self.changes = changes
        self.now = now
    }

    /// The latest approved change of `parameter` before `now`, if any.
    public func lastChange(of parameter: String) -> Change? {
        changes.filter { $0.parameter == parameter && $0.approvedAt <= now }.max { $0.approvedAt < $1.approvedAt }
    }
}
