/// Completion candidates for the word under the cursor: commands after `:`, otherwise policy
/// names, standard fields and the book's account ids; prefix-filtered, sorted, unique.
///
/// Pure over its inputs so that tests need no session.
public struct Completion: Sendable {
    /// Names declared by the policy (assets, classes, params, curves, tables, scenarios, measures).
    public var policyNames: [String]
    /// Account ids of the loaded book.
    public var accountIDs: [String]

    /// Candidates drawn from these policy names and account ids (plus the standard fields).
    public init(policyNames: [String], accountIDs: [String]) {
        self.policyNames = policyNames
        self.accountIDs = accountIDs
    }

    /// Standard fields and inputs a quant types (market, position, account and margin words).
    public static let standardFields = [
        "price", "vol", "utilization", "supplied", "borrowed", "notional", "quantity", "market_value",
        "side", "kind", "right", "asset", "class", "venue", "entry_price", "strike", "expiry", "delta",
        "gamma", "vega", "theta", "collateral_value", "debt_value", "haircut", "ltv", "liquidation_threshold",
        "liquidation_bonus", "reserve_factor", "borrow_rate", "supply_rate", "max_price_age", "initial_weight",
        "maintenance_weight", "account", "collateral", "debt", "equity", "health", "margin_ratio",
        "initial_requirement", "maintenance_requirement", "tier", "initial", "maintenance", "close_factor", "bonus",
    ]

    /// The candidates for the word before the cursor (`cursor` is a UTF-8 offset into `text`,
    /// as readline's `rl_point`, clamped). The word stops at `.`: `BTC.pr` completes `price`.
    public func candidates(_ text: String, cursor: Int) -> [String] {
        let head = String(decoding: text.utf8.prefix(max(0, cursor)), as: UTF8.self)
        let trimmed = head.drop { $0.isWhitespace }
        if trimmed.hasPrefix(":"), !trimmed.contains(where: \.isWhitespace) {
            let word = trimmed.dropFirst()
            return ReplCommandParser.names.filter { $0.hasPrefix(word) }.map { ":" + $0 }
        }
        let word = String(head.reversed().prefix { Self.isWordCharacter($0) }.reversed())
        let pool = Set(policyNames + Self.standardFields + accountIDs)
        return pool.filter { $0.hasPrefix(word) }.sorted()
    }

    /// Letters, digits, `_` and `-` (account ids such as `fund-aurora` and `BTC.price`).
    static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "-"
    }
}

extension ReplSession {
    /// Completion over the current policy and book.
    func completions(_ text: String, cursor: Int) -> [String] {
        let symbols = policy.checked.symbols
        let kinds: [SymbolKind] = [.asset, .class, .param, .curve, .table, .scenario, .measure, .venue]
        let names = kinds.flatMap { symbols.names($0) }.filter { !$0.hasSuffix("__") }
        return Completion(policyNames: names, accountIDs: book?.accounts.map(\.id) ?? []).candidates(text, cursor: cursor)
    }
}
