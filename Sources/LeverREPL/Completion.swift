import LeverCheck

/// Completion candidates for the word under the cursor, by context: command words after `:`;
/// a command's argument after it (scenarios after `:shock`, accounts after `:account`); a
/// table's fields after `tier.`; an asset's (or class's) market inputs and properties after
/// `BTC.`; otherwise policy names, standard fields and inputs. Prefix-filtered, sorted, unique.
///
/// Pure over its inputs so that tests need no session.
public struct Completion: Sendable {
    /// Names declared by the policy (assets, classes, params, curves, tables, scenarios, measures).
    public var policyNames: [String]
    /// Account ids of the loaded book.
    public var accountIDs: [String]
    /// Per table, by the name expressions read it as (`tier`), its row fields.
    public var tableFields: [String: [String]] = [:]
    /// The names that take `.INPUT` or `.PROPERTY` after them: assets and classes.
    public var entities: Set<String> = []
    /// What may follow an asset or class and a dot: market inputs and properties.
    public var entityMembers: [String] = []
    /// The policy's scenarios (`:shock`).
    public var scenarios: [String] = []
    /// The policy's curves (`:plot`).
    public var curves: [String] = []

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

    /// What ends a word, for readline and for these candidates alike: not `.` (`BTC.price`,
    /// `tier.credit_line` complete as one word), `:` (`:type`) or `-` (`fund-aurora`).
    public static let wordBreakCharacters = " \t\n\"'(),[]{}+*/<>=!;"

    /// The candidates for the word before the cursor (`cursor` is a UTF-8 offset into `text`,
    /// as readline's `rl_point`, clamped), each a whole replacement for that word: `BTC.pr`
    /// completes to `BTC.price`.
    public func candidates(_ text: String, cursor: Int) -> [String] {
        let head = String(decoding: text.utf8.prefix(max(0, cursor)), as: UTF8.self)
        let trimmed = head.drop { $0.isWhitespace }
        let word = String(head.reversed().prefix { !Self.wordBreakCharacters.contains($0) }.reversed())
        if trimmed.hasPrefix(":") {
            guard let space = trimmed.firstIndex(where: \.isWhitespace) else {
                return ReplCommandParser.names.filter { $0.hasPrefix(word.dropFirst()) }.map { ":" + $0 }
            }
            let command = String(trimmed[trimmed.index(after: trimmed.startIndex)..<space])
            return Self.matching(word, in: arguments(of: command))
        }
        guard let dot = word.lastIndex(of: ".") else { return Self.matching(word, in: policyNames + Self.standardFields) }
        let qualifier = String(word[..<dot]), member = String(word[word.index(after: dot)...])
        let pool = tableFields[qualifier] ?? (entities.contains(qualifier) ? entityMembers : [])
        return Self.matching(member, in: pool).map { qualifier + "." + $0 }
    }

    /// What a command's argument may be.
    func arguments(of command: String) -> [String] {
        switch command {
        case "shock": scenarios
        case "account", "eval", "remedy": accountIDs
        case "explain": accountIDs + policyNames + Self.standardFields
        case "plot": curves
        case "type": policyNames + Self.standardFields
        default: []
        }
    }

    static func matching(_ word: String, in pool: [String]) -> [String] {
        Set(pool).filter { $0.hasPrefix(word) }.sorted()
    }
}

extension ReplSession {
    /// Completion over the current policy and book.
    func completions(_ text: String, cursor: Int) -> [String] {
        let symbols = policy.checked.symbols
        let kinds: [SymbolKind] = [.asset, .class, .param, .curve, .table, .scenario, .measure, .venue]
        let names = kinds.flatMap { symbols.names($0) }.filter { !$0.hasSuffix("__") }
        var completion = Completion(policyNames: names, accountIDs: book?.ids ?? [])
        for table in symbols.tables {
            let fields = table.rows.flatMap { $0.body.map(\.name.text) }
            completion.tableFields[table.isTiers ? "tier" : table.name.text] = fields
        }
        completion.entities = Set(symbols.names(.asset) + symbols.names(.class))
        var custom: [String] = []
        for symbol in symbols.symbols(.class) {
            guard case .classDecl(_, _, let body) = symbol.declaration.kind else { continue }
            custom += body.map(\.name.text)
        }
        completion.entityMembers = Array(Vocabulary.marketInputs.keys) + symbols.declaredMarketInputs
            + Array(Vocabulary.standardProperties.keys) + custom
        completion.scenarios = symbols.names(.scenario)
        completion.curves = symbols.names(.curve)
        return completion.candidates(text, cursor: cursor)
    }
}
