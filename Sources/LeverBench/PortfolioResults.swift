import Lever

/// Per account, the outputs of `Rules/portfolio_margin.lever` the hand-written baseline
/// computes, in book order: every measure the policy declares, the standard results it reads or
/// replaces, the worst scenario and the flags.
public struct PortfolioResults: BaselineResults, Equatable {
    public static let fields = [
        "equity", "worst_scenario_loss", "worst_scenario", "standalone_requirement", "concentration_addon",
        "days_to_exit", "maintenance_requirement", "initial_requirement", "portfolio_saving", "health", "basis_loss",
        "rate_exposure", "largest_oi_share", "status", "flags",
    ]
    /// The numbers, by field (every field but `worst_scenario`, `status` and `flags`).
    static let numberFields = fields.filter { !["worst_scenario", "status", "flags"].contains($0) }
    /// The scenarios in declaration order, the grid's members expanded (`none` first: no loss).
    public static let scenarios = ["none"]
        + ["-15%", "-10%", "-5%", "0%", "+5%", "+10%", "+15%"].flatMap { p in
            ["+25%", "-25%"].map { v in "scan(major \(p), major.vol \(v))" }
        } + ["extreme(major -30%)", "extreme(major +30%)", "basis_down"]
    /// Status words by code.
    public static let statuses = ["healthy", "margin_call", "liquidatable"]
    /// The flags as bits: `stale_price:` BTC, ETH, USDC (0–2), `short_options:` BTC, ETH, USDC
    /// (3–5), `concentrated` (6), `slow_exit` (7).
    public static let flagBits = ["stale_price:BTC", "stale_price:ETH", "stale_price:USDC", "short_options:BTC",
                                  "short_options:ETH", "short_options:USDC", "concentrated", "slow_exit"]
    /// A code no baseline produces (a label, status or flag the baseline does not know).
    public static let unknownCode: UInt8 = .max

    /// Numbers by field, each a column in book order.
    public var numbers: [String: [Double]]
    public var worstScenario: [UInt8]
    public var status: [UInt8]
    public var flags: [UInt8]

    public var count: Int { status.count }

    /// Results assembled from their columns.
    public init(numbers: [String: [Double]], worstScenario: [UInt8], status: [UInt8], flags: [UInt8]) {
        (self.numbers, self.worstScenario, self.status, self.flags) = (numbers, worstScenario, status, flags)
    }

    /// The same outputs read from the compiled policy's result columns; nil when the policy lacks one.
    public init?(lever columns: [[Double]], outputs: [OutputInfo], flags compiled: [CompiledFlag]) {
        func index(_ name: String) -> Int? { outputs.firstIndex { $0.name == name } }
        func codes(_ name: String, _ words: [String]) -> [UInt8]? {
            guard let i = index(name), case .label(let labels) = outputs[i].kind else { return nil }
            let code = labels.map { words.firstIndex(of: $0).map(UInt8.init) ?? Self.unknownCode }
            return columns[i].map { $0 >= 0 && Int($0) < code.count ? code[Int($0)] : Self.unknownCode }
        }
        var numbers: [String: [Double]] = [:]
        for name in Self.numberFields {
            guard let i = index(name) else { return nil }
            numbers[name] = columns[i]
        }
        guard let worst = codes("worst_scenario", Self.scenarios), let status = codes("status", Self.statuses),
              let count = columns.first?.count else { return nil }
        let flags = (0..<count).map { a -> UInt8 in
            var mask: UInt8 = 0
            for flag in compiled {
                guard let raised = flag.raised(columns, account: a) else { return Self.unknownCode }
                for text in raised {
                    guard let bit = Self.flagBits.firstIndex(of: text) else { return Self.unknownCode }
                    mask |= 1 << UInt8(bit)
                }
            }
            return mask
        }
        self.init(numbers: numbers, worstScenario: worst, status: status, flags: flags)
    }

    public func text(_ field: String, at a: Int) -> String {
        switch field {
        case "worst_scenario": return Self.word(worstScenario[a], Self.scenarios)
        case "status": return Self.word(status[a], Self.statuses)
        case "flags":
            guard flags[a] != Self.unknownCode else { return "(not the policy's flags)" }
            return "[" + Self.flagBits.indices.filter { flags[a] & (1 << UInt8($0)) != 0 }.map { Self.flagBits[$0] }
                .joined(separator: ", ") + "]"
        default:
            guard let x = numbers[field]?[a] else { return "(no \(field))" }
            return x == .infinity ? "null" : NumberText.shortest(x)
        }
    }

    public func agrees(with other: PortfolioResults, on field: String, at a: Int) -> Bool {
        switch field {
        case "worst_scenario": return worstScenario[a] == other.worstScenario[a] && worstScenario[a] != Self.unknownCode
        case "status": return status[a] == other.status[a] && status[a] != Self.unknownCode
        case "flags": return flags[a] == other.flags[a] && flags[a] != Self.unknownCode
        default:
            guard let x = numbers[field]?[a], let y = other.numbers[field]?[a] else { return false }
            if Self.close(x, y) { return true }
            // A difference of near-equal amounts (the saving is the standalone requirement less a
            // maintenance close to it; equity nets collateral, PnL and debt) carries the rounding
            // of its operands, not its own: it agrees within 1e-9 of the account's standalone
            // requirement (a micro-dollar when that is under 1,000 USD).
            guard Self.differences.contains(field), let scale = numbers["standalone_requirement"]?[a] else { return false }
            return abs(x - y) <= 1e-9 * max(abs(scale), 1000)
        }
    }

    /// The outputs that are differences of near-equal USD amounts.
    static let differences: Set<String> = ["portfolio_saving", "equity", "basis_loss"]

    static func word(_ code: UInt8, _ words: [String]) -> String {
        Int(code) < words.count ? words[Int(code)] : "(not the policy's label)"
    }
}
