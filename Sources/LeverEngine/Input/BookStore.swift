import LeverSyntax

/// What a `Book` holds: its accounts as columns (a struct of arrays), not an array of `Account`
/// values each with its own array of positions.
///
/// Why: a book of a million accounts of ten positions was a million heap arrays of `Position`
/// enums (each carrying its asset name), twice the file's size in memory, and laying it out for
/// the program looked every asset name up in a dictionary, once per position. Here the loader
/// appends straight into flat columns, asset and venue names are interned once per distinct name,
/// and the engine lays out a range of accounts by reading the columns (`BookAdapter`).
/// `Book.accounts` still hands out `Account` values, built on access, for code that wants one.
///
/// Positions of account `a` are rows `positionStart[a] ..< positionStart[a + 1]`. A spot balance
/// is its row in `asset`, `quantity`, `kind` and `venue`; a perpetual or an option is also kept
/// whole in `derivatives` (they are few, and carry more fields), found through `derivative`.
struct BookStore: Sendable {
    var ids: [String] = []
    var scores: [Double] = []
    var flags: [AccountFlags] = []
    /// Per account; an empty dictionary costs no allocation.
    var attributes: [[String: AttributeValue]] = []
    /// Per account, the loader's warnings about it.
    var warnings: [[Diagnostic]] = []
    /// Per account, the provenance of its score and attributes (`Account.provenance`); empty
    /// (no allocation) for the usual account that gives none.
    var provenance: [[String: ValueProvenance]] = []
    /// `ids.count + 1` row offsets.
    var positionStart: [Int] = [0]

    /// Per row: the index of its asset's name in `symbols`.
    var asset: [Int32] = []
    /// Per row: spot quantity, perpetual or option size.
    var quantity: [Double] = []
    var kind: [PositionKind] = []
    /// Per row: the index of its venue in `venues`, or −1. Empty while no row names a venue.
    var venue: [Int32] = []
    /// Per row: the index of its chain in `chains`, or −1. Empty while no row names a chain.
    var chain: [Int32] = []
    /// Per row: the index of the whole position in `derivatives`, or −1 for a spot balance.
    /// Empty while the book has only spot balances.
    var derivative: [Int32] = []
    var derivatives: [Position] = []

    /// Asset names, interned in order of first appearance.
    private(set) var symbolTable = NameTable()
    /// Venue names, interned in order of first appearance.
    private(set) var venueTable = NameTable()
    /// Chain names, interned in order of first appearance.
    private(set) var chainTable = NameTable()
    var chains: [String] { chainTable.names }
    var symbols: [String] { symbolTable.names }
    var venues: [String] { venueTable.names }

    init() {}

    /// The columns of `accounts`, in order.
    init(_ accounts: some Sequence<Account>) {
        for account in accounts {
            for p in account.positions { append(p) }
            closeAccount(id: account.id, score: account.score, attributes: account.attributes, flags: account.flags,
                         warnings: account.warnings, provenance: account.provenance)
        }
    }

    var accountCount: Int { ids.count }
    var rowCount: Int { asset.count }

    /// Makes room for about this many accounts and positions.
    mutating func reserve(accounts: Int, positions: Int) {
        ids.reserveCapacity(accounts); scores.reserveCapacity(accounts); flags.reserveCapacity(accounts)
        attributes.reserveCapacity(accounts); warnings.reserveCapacity(accounts); positionStart.reserveCapacity(accounts + 1)
        provenance.reserveCapacity(accounts)
        asset.reserveCapacity(positions); quantity.reserveCapacity(positions); kind.reserveCapacity(positions)
    }

    /// The rows of account `a`.
    @inline(__always)
    func rows(ofAccount a: Int) -> Range<Int> { positionStart[a]..<positionStart[a + 1] }

    // MARK: - Appending

    /// Appends one position to the account being read (closed by `closeAccount`).
    mutating func append(_ p: Position) {
        let symbol = symbolTable.index(of: p.asset), venue = p.venue.map { venueTable.index(of: $0) }
        let chain = p.chain.map { chainTable.index(of: $0) }
        if case .spot = p { return appendSpot(symbol: symbol, quantity: p.quantity, venue: venue, chain: chain) }
        let row = appendRow(symbol: symbol, quantity: p.quantity, kind: p.kind, venue: venue, chain: chain)
        if derivative.isEmpty { derivative = [Int32](repeating: -1, count: row) }
        derivative.append(Int32(derivatives.count))
        derivatives.append(p)
    }

    /// Ends the account whose positions were appended since the last one.
    mutating func closeAccount(id: String, score: Double, attributes: [String: AttributeValue], flags: AccountFlags,
                               warnings: [Diagnostic], provenance: [String: ValueProvenance] = [:]) {
        ids.append(id)
        self.provenance.append(provenance)
        scores.append(score)
        self.flags.append(flags)
        self.attributes.append(attributes)
        self.warnings.append(warnings)
        positionStart.append(asset.count)
    }

    /// Appends every account of `other` (a part of the same book read on another thread), its
    /// names interned here.
    mutating func append(contentsOf other: BookStore) {
        let symbolMap = other.symbols.map { symbolTable.index(of: $0) }
        let venueMap = other.venues.map { venueTable.index(of: $0) }
        let chainMap = other.chains.map { chainTable.index(of: $0) }
        let rowBase = asset.count
        asset.reserveCapacity(rowBase + other.rowCount)
        for a in other.asset { asset.append(symbolMap[Int(a)]) }
        quantity += other.quantity
        kind += other.kind
        Self.merge(other.venue, into: &venue, rowBase: rowBase, rows: other.rowCount, names: venueMap)
        Self.merge(other.chain, into: &chain, rowBase: rowBase, rows: other.rowCount, names: chainMap)
        if !other.derivative.isEmpty || !derivative.isEmpty {
            if derivative.isEmpty { derivative = [Int32](repeating: -1, count: rowBase) }
            if other.derivative.isEmpty {
                derivative += [Int32](repeating: -1, count: other.rowCount)
            } else {
                let base = Int32(derivatives.count)
                derivative.append(contentsOf: other.derivative.lazy.map { $0 < 0 ? -1 : $0 + base })
                derivatives += other.derivatives
            }
        }
        ids += other.ids
        scores += other.scores
        flags += other.flags
        attributes += other.attributes
        warnings += other.warnings
        provenance += other.provenance
        positionStart.append(contentsOf: other.positionStart.dropFirst().lazy.map { $0 + rowBase })
    }

    /// Appends a part's sparse name column (venue, chain) to this one, its names renumbered.
    private static func merge(_ part: [Int32], into column: inout [Int32], rowBase: Int, rows: Int, names: [Int32]) {
        guard !part.isEmpty || !column.isEmpty else { return }
        if column.isEmpty { column = [Int32](repeating: -1, count: rowBase) }
        if part.isEmpty {
            column += [Int32](repeating: -1, count: rows)
        } else {
            column.append(contentsOf: part.lazy.map { $0 < 0 ? -1 : names[Int($0)] })
        }
    }

    /// Drops the positions appended since the last `closeAccount` (an account found in error).
    mutating func discardOpenAccount() {
        let keep = positionStart[positionStart.count - 1]
        guard asset.count > keep else { return }
        if !derivative.isEmpty, let first = derivative[keep...].first(where: { $0 >= 0 }) {
            derivatives.removeSubrange(Int(first)...)
        }
        asset.removeSubrange(keep...)
        if venue.count > keep { venue.removeSubrange(keep...) }
        if chain.count > keep { chain.removeSubrange(keep...) }
        if derivative.count > keep { derivative.removeSubrange(keep...) }
        quantity.removeSubrange(keep...)
        kind.removeSubrange(keep...)
    }

    /// Appends a spot balance whose names are interned already (`internAsset`, `internVenue`).
    mutating func appendSpot(symbol: Int32, quantity q: Double, venue v: Int32?, chain c: Int32? = nil) {
        appendRow(symbol: symbol, quantity: q, kind: .spot, venue: v, chain: c)
        if !derivative.isEmpty { derivative.append(-1) }
    }

    /// Appends a row's columns other than `derivative`; returns its index.
    @discardableResult
    private mutating func appendRow(symbol: Int32, quantity q: Double, kind k: PositionKind, venue v: Int32?,
                                    chain c: Int32? = nil) -> Int {
        let row = asset.count
        asset.append(symbol)
        quantity.append(q)
        kind.append(k)
        Self.append(v, to: &venue, row: row)
        Self.append(c, to: &chain, row: row)
        return row
    }

    /// Appends a row's entry of a sparse name column, which stays empty until a row has one.
    @inline(__always)
    private static func append(_ value: Int32?, to column: inout [Int32], row: Int) {
        if let value {
            if column.isEmpty { column = [Int32](repeating: -1, count: row) }
            column.append(value)
        } else if !column.isEmpty {
            column.append(-1)
        }
    }

    /// The index of the asset name spelt `bytes`, interned if new.
    mutating func internAsset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 { symbolTable.index(of: bytes) }

    /// The index of the venue name spelt `bytes`, interned if new.
    mutating func internVenue(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 { venueTable.index(of: bytes) }

    // MARK: - Reading

    /// Per interned asset name: its index in `names` (a policy's assets), or −1 — so a row's
    /// policy asset is two array reads.
    func symbolIndices(in names: [String]) -> [Int32] { Self.indices(of: symbols, in: names) }

    /// Per interned venue name: its index in `names` (a policy's venues), or −1.
    func venueIndices(in names: [String]) -> [Int32] { Self.indices(of: venues, in: names) }

    private static func indices(of interned: [String], in names: [String]) -> [Int32] {
        let index = Dictionary(names.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
        return interned.map { index[$0] ?? -1 }
    }

    /// Per interned chain name: its index in `names` (a policy's chains), or −1.
    func chainIndices(in names: [String]) -> [Int32] { Self.indices(of: chains, in: names) }

    /// The chain name of a row, if any.
    @inline(__always)
    func chainName(row: Int) -> String? {
        guard !chain.isEmpty, chain[row] >= 0 else { return nil }
        return chains[Int(chain[row])]
    }

    /// The venue name of a row, if any.
    @inline(__always)
    func venueName(row: Int) -> String? {
        guard !venue.isEmpty, venue[row] >= 0 else { return nil }
        return venues[Int(venue[row])]
    }

    /// The position in a row, as the loader read it.
    func position(row: Int) -> Position {
        if !derivative.isEmpty, derivative[row] >= 0 { return derivatives[Int(derivative[row])] }
        return .spot(.init(asset: symbols[Int(asset[row])], quantity: quantity[row], venue: venueName(row: row),
                           chain: chainName(row: row)))
    }

    /// Account `a`, built from the columns.
    func account(_ a: Int) -> Account {
        Account(id: ids[a], score: scores[a], attributes: attributes[a], positions: rows(ofAccount: a).map(position(row:)),
                flags: flags[a], warnings: warnings[a], provenance: provenance[a])
    }
}
