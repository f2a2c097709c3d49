import LeverCompile

/// Why an account could not be evaluated, or what its numbers rest on.
public struct AccountNote: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable { case error, warning }
    public var severity: Severity
    public var message: String
}

/// Lays a loaded book out as the compiled program reads it: positions in policy asset order,
/// options' years to expiry measured from the snapshot's `as_of`, attributes as numbers.
///
/// An account holding an asset the policy does not declare, a position on a venue it does not
/// declare, or an asset whose price the oracle rule rejects, is kept with no positions and an
/// error note: it is reported as not evaluated, never dropped, and never valued without the rules
/// written for what it holds. (The book loader reports the same names with their place in the
/// file when it is given the policy; this covers books built or loaded without it.)
struct BookAdapter {
    var columns: ProgramBook<Double>
    /// Per account, in book order.
    var notes: [[AccountNote]]
    var evaluable: [Bool]
    /// Whether any evaluated position is an option (its model price and Greeks depend on the market).
    var hasOptions = false

    init(columns: ProgramBook<Double>, notes: [[AccountNote]], evaluable: [Bool], hasOptions: Bool) {
        (self.columns, self.notes, self.evaluable, self.hasOptions) = (columns, notes, evaluable, hasOptions)
    }

    /// Lays out the accounts of `book` in `accounts` (all of them by default): a service
    /// evaluates a whole book at once, `lever eval` a bounded chunk at a time.
    init(book: Book, policy: CompiledPolicy, market: MarketSnapshot, prepared: PreparedMarket, accounts: Range<Int>? = nil) {
        let store = book.store
        let range = accounts ?? 0..<store.accountCount
        let rows = store.positionStart[range.upperBound] - store.positionStart[range.lowerBound]
        let reads = { (op: PlanOp) in policy.plan.nodes.contains { $0.op == op } }
        var builder = Builder(attributes: Self.attributes(in: policy.plan), strings: policy.strings,
                              ranges: policy.inputRanges, positions: rows, accounts: range.count,
                              readsStaleTier: reads(.accountInput(.staleTier)),
                              readsChains: policy.bridge.isDeclared)
        var reader = NoteReader(policy: policy, prepared: prepared, store: store)
        let freshness = ScoreFreshness(policy: policy, asOf: market.asOf)
        var notes: [[AccountNote]] = [], evaluable: [Bool] = []
        notes.reserveCapacity(range.count)
        evaluable.reserveCapacity(range.count)
        let asOf = market.asOf
        // For a policy with chains: prices to weigh what each account holds and owes per chain,
        // and the chains whose bridge the market has halted.
        let prices = prepared.columns.inputs[.price] ?? [], quoted = prepared.columns.inputs[.quotedPrice] ?? []
        let halted = Set(market.haltedChains.compactMap { policy.bridge.chains.firstIndex(of: $0) })
        for a in range {
            var accountNotes = reader.read(account: a)
            let stale = freshness.isActive
                ? freshness.stale(score: store.scores[a], attributes: store.attributes[a], provenance: store.provenance[a]) : []
            // A downgrade is said once per score; an unvalued score is said as the cause of
            // what it leaves undefined (`Findings`).
            if case .tier = freshness.rules.stale {
                accountNotes += stale.map { AccountNote(severity: .warning, message: $0.why) }
            }
            let ok = !accountNotes.contains { $0.severity == .error }
            if ok {
                // What each row's chain is and whether it secures debt on another chain, when the
                // policy declares chains: from the account's own debts (`BridgeRules`).
                let ledger = builder.chainColumn == nil ? nil
                    : reader.chains.ledger(account: a, assetOf: reader.asset, prices: prices, quoted: quoted)
                for row in store.rows(ofAccount: a) {
                    if store.kind[row] == .option { hasOptions = true }
                    builder.append(store, row: row, asset: reader.asset(row), venue: reader.venue(row), asOf: asOf)
                    if let ledger {
                        let chain = reader.chains.chain(row)
                        let long = store.kind[row] == .spot && store.quantity[row] > 0
                        builder.setChain(chain, crossShare: long ? ledger.crossShare(chain) : 0, halted: halted.contains(chain))
                    }
                }
            }
            builder.close(store, account: a, stale: stale.map(\.score.input), staleTier: freshness.rules.stale)
            notes.append(accountNotes)
            evaluable.append(ok)
        }
        columns = builder.build()
        self.notes = notes
        self.evaluable = evaluable
    }

    /// Reads each account's notes against one prepared market: the warnings its loading found,
    /// an error for each undeclared asset or venue, and the market issue of each held asset, once
    /// each, in the order the positions name them (sorted when the account has an error, as it is
    /// then not evaluated). The book's interned names are mapped to the policy's once, so a
    /// position costs two array reads; an account with nothing to say costs no allocation.
    struct NoteReader {
        /// Per interned asset name of the book: its policy asset index, or −1.
        let symbolAsset: [Int32]
        /// Per interned venue name of the book: its policy venue index, or −1.
        let venueMap: [Int32]
        let store: BookStore
        let prepared: PreparedMarket
        /// Whether any asset has a market issue (else no account can have one to note).
        let anyIssue: Bool
        /// The chain of each row, and the chains each account owes on.
        let chains: BookChains
        /// Which assets' issues the current account has been told about; all false between accounts.
        private var noted: [Bool]

        init(policy: CompiledPolicy, prepared: PreparedMarket, store: BookStore) {
            symbolAsset = store.symbolIndices(in: policy.assets)
            venueMap = store.venueIndices(in: policy.venues)
            self.store = store
            self.prepared = prepared
            anyIssue = prepared.issues.contains { $0 != nil }
            chains = BookChains(policy: policy, store: store)
            noted = [Bool](repeating: false, count: policy.assets.count)
        }

        /// The policy asset index of a row (−1 for an undeclared asset).
        @inline(__always)
        func asset(_ row: Int) -> Int { Int(symbolAsset[Int(store.asset[row])]) }

        /// The policy venue index of a row (−1 for no venue, or an undeclared one).
        @inline(__always)
        func venue(_ row: Int) -> Int {
            guard !store.venue.isEmpty else { return -1 }
            let v = store.venue[row]
            return v < 0 ? -1 : Int(venueMap[Int(v)])
        }

        mutating func read(account a: Int) -> [AccountNote] {
            let rows = store.rows(ofAccount: a)
            var notes = store.warnings[a].map(AccountNote.init)
            // The common account: declared names and no market issue, nothing to say.
            if notes.isEmpty, !anyIssue, rows.allSatisfy({ asset($0) >= 0 && (venue($0) >= 0 || store.venueName(row: $0) == nil) && !chains.isUndeclared($0) }) {
                return notes
            }
            for row in rows {
                if chains.isUndeclared(row), let name = store.chainName(row: row) {
                    Self.addError("chain \(name) is not declared in the policy", to: &notes)
                }
                if venue(row) < 0, let name = store.venueName(row: row) {
                    Self.addError("venue \(name) is not declared in the policy", to: &notes)
                }
                let a = asset(row)
                guard a >= 0 else {
                    Self.addError("asset \(store.symbols[Int(store.asset[row])]) is not declared in the policy", to: &notes)
                    continue
                }
                guard !noted[a] else { continue }
                noted[a] = true
                if let issue = prepared.issues[a] {
                    notes.append(AccountNote(severity: issue.outcome == .reject ? .error : .warning, message: issue.message))
                }
            }
            for row in rows where asset(row) >= 0 { noted[asset(row)] = false }
            if notes.contains(where: { $0.severity == .error }) { notes.sort { $0.message < $1.message } }
            return notes
        }

        /// An error note, once however many positions cause it.
        private static func addError(_ message: String, to notes: inout [AccountNote]) {
            if !notes.contains(where: { $0.message == message }) { notes.append(AccountNote(severity: .error, message: message)) }
        }
    }

    /// Attribute names the plan reads (`account.region`).
    static func attributes(in plan: Plan) -> [String] {
        plan.nodes.compactMap { node in
            if case .accountInput(.attribute(let name)) = node.op { return name }
            return nil
        }
    }

    /// Accumulates the columns account by account, straight into the buffers the program's
    /// book takes over (`ProgramBook(adopting…)`): the size is known up front, so each value is
    /// one store, with no growth, no uniqueness check and no second copy.
    struct Builder {
        let attributes: [String]
        let strings: [String]
        let capacity: Int
        let accountCapacity: Int
        var rows = 0, accounts = 0
        let starts: UnsafeMutablePointer<Int32>
        let asset: UnsafeMutablePointer<Int32>, venue: UnsafeMutablePointer<Int32>
        /// One zeroed buffer per position input (`PositionInput.allCases` order).
        let inputs: [UnsafeMutablePointer<Double>]
        let side: UnsafeMutablePointer<Double>
        let score: UnsafeMutablePointer<Double>
        /// One per attribute read, in `attributes` order.
        let attributeValues: [UnsafeMutablePointer<Double>]
        /// The declared ranges of the score and of each attribute read (by `attributes` index):
        /// a value outside one is undefined (`DeclaredInputRange`).
        let scoreRanges: [DeclaredInputRange]
        let attributeRanges: [[DeclaredInputRange]]
        /// Per account, the tier row a stale score puts it in, or NaN (when the plan reads it).
        let staleTier: UnsafeMutablePointer<Double>?
        /// Per position, its chain's policy index, the share of it that secures debt on another
        /// chain, and whether its chain's bridge is halted (when the policy declares chains).
        let chainColumn: UnsafeMutablePointer<Double>?
        let crossColumn: UnsafeMutablePointer<Double>?
        let haltedColumn: UnsafeMutablePointer<Double>?

        /// Column order of `inputs`, fetched once (`allCases` builds a new array on each use).
        let order = PositionInput.bookColumns
        let quantityColumn: Int

        init(attributes: [String], strings: [String], ranges: [DeclaredInputRange] = [], positions: Int, accounts: Int,
             readsStaleTier: Bool = false, readsChains: Bool = false) {
            self.attributes = attributes
            scoreRanges = ranges.filter { $0.target == .account(.score) }
            attributeRanges = attributes.map { name in ranges.filter { $0.target == .account(.attribute(name)) } }
            self.strings = strings
            capacity = max(positions, 1)
            accountCapacity = max(accounts, 1)
            starts = Self.zeroed(accountCapacity + 1)
            asset = Self.zeroed(capacity)
            venue = Self.zeroed(capacity)
            let (rows, order) = (capacity, order)
            inputs = order.map { _ in Self.zeroed(rows) }
            side = Self.zeroed(capacity)
            score = Self.zeroed(accountCapacity)
            let accountRows = accountCapacity
            attributeValues = attributes.map { _ in Self.zeroed(accountRows) }
            staleTier = readsStaleTier ? Self.zeroed(accountRows) : nil
            chainColumn = readsChains ? Self.zeroed(rows) : nil
            crossColumn = readsChains ? Self.zeroed(rows) : nil
            haltedColumn = readsChains ? Self.zeroed(rows) : nil
            quantityColumn = order.firstIndex(of: .quantity) ?? 0
        }

        private static func zeroed<T: Numeric>(_ count: Int) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: count)
            p.initialize(repeating: 0, count: count)
            return p
        }

        /// The chain inputs of the row `append` added last.
        mutating func setChain(_ chain: Int, crossShare: Double, halted: Bool) {
            chainColumn?[rows - 1] = Double(chain)
            crossColumn?[rows - 1] = crossShare
            haltedColumn?[rows - 1] = halted ? 1 : 0
        }

        mutating func append(_ store: BookStore, row: Int, asset a: Int, venue v: Int, asOf: Timestamp?) {
            let n = rows
            asset[n] = Int32(a)
            venue[n] = Int32(v)
            let q = store.quantity[row]
            side[n] = q > 0 ? 1 : (q < 0 ? -1 : 0)
            if store.kind[row] == .spot {
                // Every other input of a spot balance is zero, as the buffers start.
                inputs[quantityColumn][n] = q
            } else {
                let position = PositionRow(store.position(row: row), asOf: asOf)
                for i in order.indices { inputs[i][n] = position[order[i]] }
            }
            rows += 1
        }

        /// Ends an account: its score and attributes, with the `stale` ones (`ScoreFreshness`)
        /// read as undefined and, when the rules name a tier, the account put in it.
        mutating func close(_ store: BookStore, account a: Int, stale: [AccountInput] = [],
                            staleTier rule: ReputationRules.Stale = .unvalued) {
            accounts += 1
            let n = accounts - 1
            starts[accounts] = Int32(truncatingIfNeeded: rows)
            score[n] = Self.checked(store.scores[a], scoreRanges)
            if let staleTier {
                staleTier[n] = if case .tier(let row, _) = rule, !stale.isEmpty { Double(row) } else { .nan }
            }
            if stale.contains(.score) { score[n] = .nan }
            guard !attributes.isEmpty else { return }
            let values = store.attributes[a]
            for (i, name) in attributes.enumerated() {
                let value = Self.number(values[name], strings: strings)
                // A string attribute's code is no number a range speaks of.
                let numeric = if case .number? = values[name] { true } else { false }
                attributeValues[i][n] = stale.contains(.attribute(name)) ? .nan
                    : numeric ? Self.checked(value, attributeRanges[i]) : value
            }
        }

        /// The value, or undefined when it lies outside a declared range.
        @inline(__always)
        static func checked(_ value: Double, _ ranges: [DeclaredInputRange]) -> Double {
            ranges.isEmpty || !ranges.contains { $0.excludes(value) } ? value : .nan
        }

        /// Numbers as they are; strings as their interned code (a string the policy never
        /// mentions gets a code no policy string has).
        static func number(_ value: AttributeValue?, strings: [String]) -> Double {
            switch value {
            case .number(let x): return x
            case .string(let s): return Double(strings.firstIndex(of: s) ?? strings.count)
            case nil: return .nan
            }
        }

        /// The program's columns; the buffers now belong to them.
        func build() -> ProgramBook<Double> {
            var accountInputs: [AccountInput: UnsafeMutablePointer<Double>] = [.score: score]
            if let staleTier { accountInputs[.staleTier] = staleTier }
            for (i, name) in attributes.enumerated() {
                if accountInputs[.attribute(name)] == nil { accountInputs[.attribute(name)] = attributeValues[i] } else { attributeValues[i].deallocate() }
            }
            var columns: [PositionInput: UnsafeMutablePointer<Double>] = [:]
            for (i, input) in order.enumerated() { columns[input] = inputs[i] }
            if let chainColumn, let crossColumn, let haltedColumn {
                (columns[.chain], columns[.crossChain], columns[.bridgeHalted]) = (chainColumn, crossColumn, haltedColumn)
            }
            return ProgramBook(accountCount: accounts, adoptingAccountStart: starts, positionAsset: asset, positionVenue: venue,
                               positionInputs: columns, side: side, accountInputs: accountInputs)
        }
    }
}
