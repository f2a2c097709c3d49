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

    init(book: Book, policy: CompiledPolicy, market: MarketSnapshot, prepared: PreparedMarket) {
        var builder = Builder(attributes: Self.attributes(in: policy.plan), strings: policy.strings,
                              ranges: policy.inputRanges, positions: book.accounts.reduce(0) { $0 + $1.positions.count }, accounts: book.accounts.count)
        var reader = NoteReader(policy: policy, prepared: prepared)
        var notes: [[AccountNote]] = [], evaluable: [Bool] = []
        notes.reserveCapacity(book.accounts.count)
        evaluable.reserveCapacity(book.accounts.count)
        for account in book.accounts {
            let accountNotes = reader.read(account)
            let ok = !accountNotes.contains { $0.severity == .error }
            if ok {
                for (i, p) in account.positions.enumerated() {
                    if case .option = p { hasOptions = true }
                    builder.append(p, asset: reader.indices[i], venue: reader.venues[i], market: market)
                }
            }
            builder.close(account)
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
    /// then not evaluated). Its buffers are reused from account to account, so a book costs one
    /// asset and one venue lookup per position.
    struct NoteReader {
        let assetIndex: [String: Int]
        let venueIndex: [String: Int]
        let prepared: PreparedMarket
        /// The last account's positions' asset indices (−1 for an undeclared asset).
        private(set) var indices: [Int] = []
        /// The last account's positions' venue indices (−1 for no venue, or an undeclared one).
        private(set) var venues: [Int] = []
        /// Which assets' issues the current account has been told about; all false between accounts.
        private var noted: [Bool]

        init(policy: CompiledPolicy, prepared: PreparedMarket) {
            assetIndex = Dictionary(policy.assets.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            venueIndex = Dictionary(policy.venues.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            self.prepared = prepared
            noted = [Bool](repeating: false, count: policy.assets.count)
        }

        mutating func read(_ account: Account) -> [AccountNote] {
            indices.removeAll(keepingCapacity: true)
            venues.removeAll(keepingCapacity: true)
            for p in account.positions {
                indices.append(assetIndex[p.asset] ?? -1)
                venues.append(p.venue.flatMap { venueIndex[$0] } ?? -1)
            }
            var notes = account.warnings.map(AccountNote.init)
            for (i, p) in account.positions.enumerated() {
                if venues[i] < 0, let venue = p.venue { Self.addError("venue \(venue) is not declared in the policy", to: &notes) }
                let a = indices[i]
                guard a >= 0 else {
                    Self.addError("asset \(p.asset) is not declared in the policy", to: &notes)
                    continue
                }
                guard !noted[a] else { continue }
                noted[a] = true
                if let issue = prepared.issues[a] {
                    notes.append(AccountNote(severity: issue.outcome == .reject ? .error : .warning, message: issue.message))
                }
            }
            for a in indices where a >= 0 { noted[a] = false }
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

    /// Accumulates the columns account by account.
    struct Builder {
        let attributes: [String]
        let strings: [String]
        var starts: [Int32] = [0]
        var asset: [Int32] = [], venue: [Int32] = []
        /// The position input columns, one after another (`PositionInput.allCases` order), each
        /// `capacity` long: the book's size is known up front, so each value is one store, with
        /// no per-value growth or uniqueness check of a nested array.
        let storage: ColumnStorage
        var inputs: UnsafeMutablePointer<Double> { storage.values }
        let capacity: Int
        var side: [Double] = []
        var score: [Double] = []
        var attributeValues: [String: [Double]] = [:]
        /// The declared ranges of the score and of each attribute read (by `attributes` index):
        /// a value outside one is undefined (`DeclaredInputRange`).
        let scoreRanges: [DeclaredInputRange]
        let attributeRanges: [[DeclaredInputRange]]

        /// Column order of `inputs`, fetched once (`allCases` builds a new array on each use).
        let order = PositionInput.allCases

        init(attributes: [String], strings: [String], ranges: [DeclaredInputRange] = [], positions: Int, accounts: Int) {
            self.attributes = attributes
            scoreRanges = ranges.filter { $0.target == .account(.score) }
            attributeRanges = attributes.map { name in ranges.filter { $0.target == .account(.attribute(name)) } }
            self.strings = strings
            capacity = max(positions, 1)
            storage = ColumnStorage(count: capacity * order.count)
            asset.reserveCapacity(positions)
            venue.reserveCapacity(positions)
            side.reserveCapacity(positions)
            starts.reserveCapacity(accounts + 1)
            score.reserveCapacity(accounts)
        }

        mutating func append(_ p: Position, asset a: Int, venue v: Int, market: MarketSnapshot) {
            let n = asset.count
            asset.append(Int32(a))
            venue.append(Int32(v))
            let q = p.quantity
            side.append(q > 0 ? 1 : (q < 0 ? -1 : 0))
            let row = PositionRow(p, market: market)
            for i in order.indices { inputs[i &* capacity &+ n] = row[order[i]] }
        }

        mutating func close(_ account: Account) {
            starts.append(Int32(asset.count))
            score.append(Self.checked(account.score, scoreRanges))
            for (i, name) in attributes.enumerated() {
                let value = Self.number(account.attributes[name], strings: strings)
                // A string attribute's code is no number a range speaks of.
                let numeric = if case .number? = account.attributes[name] { true } else { false }
                attributeValues[name, default: []].append(numeric ? Self.checked(value, attributeRanges[i]) : value)
            }
        }

        /// The value, or undefined when it lies outside a declared range.
        @inline(__always)
        static func checked(_ value: Double, _ ranges: [DeclaredInputRange]) -> Double {
            ranges.contains { $0.excludes(value) } ? .nan : value
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

        /// The program's columns.
        func build() -> ProgramBook<Double> {
            var accountInputs: [AccountInput: [Double]] = [.score: score]
            for (name, values) in attributeValues { accountInputs[.attribute(name)] = values }
            let n = asset.count
            let columns = Dictionary(uniqueKeysWithValues: order.indices.map { i in
                (order[i], Array(UnsafeBufferPointer(start: inputs + i * capacity, count: n)))
            })
            return ProgramBook(accountStart: starts, positionAsset: asset, positionVenue: venue,
                               positionInputs: columns, side: side, accountInputs: accountInputs)
        }
    }
}

/// Zeroed doubles owned by an object, so the buffer is freed exactly once however often the
/// builder holding it is copied.
final class ColumnStorage {
    let values: UnsafeMutablePointer<Double>

    init(count: Int) {
        values = .allocate(capacity: max(count, 1))
        values.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { values.deallocate() }
}
