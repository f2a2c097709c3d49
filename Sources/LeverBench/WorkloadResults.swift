import Lever

/// Per account, the six outputs the workload defines (README "Outputs per account"), in book
/// order. Tier and status are codes into `tiers` and `statuses`, so producing them allocates
/// nothing per account.
public struct WorkloadResults: BaselineResults, Equatable {
    public static let fields = WorkloadField.allCases.map(\.rawValue)

    /// Tier names by code (the workload's decision table, first row first).
    public static let tiers = ["Prime", "Core", "Basic", "Watch"]
    /// Status words by code.
    public static let statuses = ["healthy", "margin_call", "liquidatable"]
    /// A label that is not one of the workload's (only the Lever side can produce one).
    public static let unknownCode: UInt8 = .max

    public var tier: [UInt8]
    public var collateral: [Double]
    public var debt: [Double]
    /// `+infinity` for an account with no debt (`null` in the workload's files).
    public var health: [Double]
    public var status: [UInt8]
    public var interest: [Double]

    /// Results assembled from their columns.
    public init(tier: [UInt8], collateral: [Double], debt: [Double], health: [Double], status: [UInt8], interest: [Double]) {
        self.tier = tier
        self.collateral = collateral
        self.debt = debt
        self.health = health
        self.status = status
        self.interest = interest
    }

    /// The workload's outputs read from a compiled policy's result columns (`MarginEngine.results`);
    /// nil when the policy lacks one of them.
    public init?(lever columns: [[Double]], outputs: [OutputInfo]) {
        func column(_ name: String) -> [Double]? { outputs.firstIndex { $0.name == name }.map { columns[$0] } }
        func codes(_ name: String, _ words: [String]) -> [UInt8]? {
            guard let i = outputs.firstIndex(where: { $0.name == name }), case .label(let labels) = outputs[i].kind
            else { return nil }
            let code = labels.map { words.firstIndex(of: $0).map(UInt8.init) ?? Self.unknownCode }
            return columns[i].map { $0 >= 0 && Int($0) < code.count ? code[Int($0)] : Self.unknownCode }
        }
        guard let tier = codes("tier", Self.tiers), let status = codes("status", Self.statuses),
              let collateral = column("collateral"), let debt = column("debt"), let health = column("health"),
              let interest = column("interest") else { return nil }
        self.init(tier: tier, collateral: collateral, debt: debt, health: health, status: status, interest: interest)
    }

    /// Accounts held.
    public var count: Int { tier.count }
}

/// One of the compared outputs.
public enum WorkloadField: String, Sendable, CaseIterable {
    case tier, collateral, debt, health, status, interest
}

extension WorkloadResults {
    /// `field` of account `a` as a report shows it (`Prime`, `1234.5`, `null` for infinite health).
    public func text(_ name: String, at a: Int) -> String {
        guard let field = WorkloadField(rawValue: name) else { return "(no \(name))" }
        switch field {
        case .tier: return Self.word(tier[a], Self.tiers)
        case .status: return Self.word(status[a], Self.statuses)
        case .collateral: return NumberText.shortest(collateral[a])
        case .debt: return NumberText.shortest(debt[a])
        case .health: return health[a] == .infinity ? "null" : NumberText.shortest(health[a])
        case .interest: return NumberText.shortest(interest[a])
        }
    }

    static func word(_ code: UInt8, _ words: [String]) -> String {
        Int(code) < words.count ? words[Int(code)] : "(not a workload label)"
    }

    /// Whether both agree on `field` of account `a`: labels equal, numbers within 1e-9 relative
    /// (`|a − b| ≤ 1e-9 · max(|a|, |b|)`, the workload's `verify.py`), infinities equal.
    public func agrees(with other: WorkloadResults, on name: String, at a: Int) -> Bool {
        guard let field = WorkloadField(rawValue: name) else { return false }
        switch field {
        case .tier: return tier[a] == other.tier[a] && tier[a] != Self.unknownCode
        case .status: return status[a] == other.status[a] && status[a] != Self.unknownCode
        case .collateral: return Self.close(collateral[a], other.collateral[a])
        case .debt: return Self.close(debt[a], other.debt[a])
        case .health: return Self.close(health[a], other.health[a])
        case .interest: return Self.close(interest[a], other.interest[a])
        }
    }
}
