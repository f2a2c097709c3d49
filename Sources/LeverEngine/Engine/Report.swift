import LeverCompile
import LeverSyntax

/// Which rules produced a report: a stored report names its policy exactly.
public struct PolicyIdentity: Sendable, Hashable {
    public var name: String
    public var version: String
    /// SHA-256 of the policy's canonical `fmt` form, hex.
    public var hash: String

    public init(name: String, version: String, hash: String) {
        self.name = name
        self.version = version
        self.hash = hash
    }

    /// `{"name", "version", "hash"}`, with `"file"` when it is known: the form every JSON
    /// artifact (report, diff, approval) names a policy in.
    public func json(file: String? = nil) -> JSONOutput {
        var members: [String: JSONOutput] = ["name": .string(name), "version": .string(version), "hash": .string(hash)]
        members["file"] = file.map(JSONOutput.string)
        return .object(members)
    }
}

/// One reported value, as its output's kind says to show it.
public enum ReportValue: Sendable, Hashable {
    case number(Double)
    /// A number of a fixed-point policy: the nearest `Double`, and the exact decimal reports print
    /// (`1.305223880597014925`).
    case decimal(Double, String)
    case flag(Bool)
    case label(String)
    /// Not computable for this account (NaN came out); the account's notes say why.
    case undefined
}

extension ReportValue {
    /// The value of a number (the nearest `Double` of an exact decimal); nil for other values.
    public var number: Double? {
        switch self {
        case .number(let x), .decimal(let x, _): x
        case .flag, .label, .undefined: nil
        }
    }

    /// The status of an account whose status depends on an undefined value: it could not be
    /// valued, which is never shown as `healthy` (nor as any other decision).
    public static let unvalued = ReportValue.label(unvaluedWord)
    /// The word of `unvalued`.
    public static let unvaluedWord = "unvalued"
}

/// The evaluation of one account.
public struct AccountReport: Sendable, Hashable {
    public var id: String
    /// False when the account could not be evaluated (its notes say why); values are then empty.
    public var evaluated: Bool
    /// Values by output, in the report's output order.
    public var values: [ReportValue]
    public var notes: [AccountNote]
    /// What a liquidation would do, for liquidatable accounts.
    public var liquidation: LiquidationPlanReport?
    /// The policy's runtime assertions that this account breaks or that could not be checked.
    public var violations: [AssertionViolation] = []
    /// The policy's flags the account raises (`stale_price:BTC`), in declaration then key order.
    public var flags: [String] = []
    /// What would bring the account to the engine's `remedyTarget`, when one is set and the
    /// account is not there (`RemedyFinder`); nil otherwise.
    public var remedy: Remedy? = nil
}

/// A liquidation as the engine plans it for one account.
public struct LiquidationPlanReport: Sendable, Hashable {
    /// One debt repaid from one collateral: amounts in units of each asset; `bonus` is the part
    /// of the seized collateral paid to the liquidator as the bonus.
    public struct Step: Sendable, Hashable {
        public var repayAsset: String
        public var repayAmount: Double
        public var seizeAsset: String
        public var seizeAmount: Double
        public var bonus: Double
    }
    public var closeFactor: Double
    public var steps: [Step]
    /// Σ debt repaid × price (USD).
    public var debtRepaidValue: Double
    /// Σ collateral seized × price (USD), bonus included.
    public var collateralSeizedValue: Double
    /// Debt value left with no collateral behind it (USD).
    public var badDebt: Double
}

/// The result of evaluating a book: per account, every output of the policy.
public struct Report: Sendable {
    public var policy: PolicyIdentity
    public var asOf: Timestamp?
    /// Interest horizon in years.
    public var horizon: Double
    public var outputs: [OutputInfo]
    public var accounts: [AccountReport]
    /// Assets whose market data could not be used as given.
    public var marketIssues: [MarketIssue]
    /// The status counts of the report outputs were selected from (`selecting(outputs:)`), so
    /// a report that does not show `status` still summarises it; nil for a full report.
    public var selectedStatuses: [String: Int]? = nil
    /// The engine and the files the report was computed from, when the caller records them
    /// (`lever eval` does); rendered in the heading and as JSON's `engine`, `book` and `market`.
    public var provenance: Provenance? = nil
    /// The policy declares flags: reports then list each account's (JSON `flags`, even when empty).
    public var declaresFlags = false
    /// The summary's counts when `accounts` do not hold every account (a report written as it
    /// was computed); nil when they are counted from `accounts`.
    public var tally: ReportTally? = nil

    /// The column of an output by name.
    public func index(of output: String) -> Int? { outputs.firstIndex { $0.name == output } }

    /// One account's value of an output.
    public func value(_ output: String, account: String) -> ReportValue? {
        guard let i = index(of: output), let a = accounts.first(where: { $0.id == account }), a.evaluated else { return nil }
        return a.values[i]
    }
}
