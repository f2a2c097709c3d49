import LeverSyntax

/// The account ids a book load has seen, each with where it was first defined, to report a
/// repeated id (L0703) with the place of the first.
///
/// The ids read in order are in one table; the ids of each part of the book decoded on another
/// thread (`BookSegments`) stay in that part's table, adopted whole rather than copied id by id
/// (a million ids inserted again cost more than the part's decoding saved). A part is adopted
/// only when it shares no id with any table so far, so an id is in at most one of them.
///
/// Once a part is adopted, every id's hash is also kept in one set (`IDHashes`), so that telling
/// whether an id or a part is new costs one probe per id however many parts were adopted: only a
/// hash already in the set (a repeated id, or two ids of the same hash) is looked up in the
/// tables. A part records its ids' hashes as it reads them, on its own thread.
struct AccountIDs {
    private var own: [String: Span] = [:]
    private var adopted: [[String: Span]] = []
    /// The hashes of every id here, once a part is adopted (nil before: `own` alone answers).
    private var hashes: IDHashes?
    /// The hashes of the ids in `own`, for the load that adopts this part; kept only in a part.
    private var ownHashes: [UInt32]?

    /// The ids of a whole book, read in order; or, `recordingHashes`, of a part of a book read
    /// on another thread, its ids' hashes recorded there for its adoption.
    init(recordingHashes: Bool = false) {
        ownHashes = recordingHashes ? [] : nil
    }

    /// Whether this is a part's table, recording its ids' hashes.
    var recordsHashes: Bool { ownHashes != nil }

    /// Room for `n` ids.
    mutating func reserve(_ n: Int) {
        own.reserveCapacity(n)
        ownHashes?.reserveCapacity(n)
    }

    /// Records `id` first defined at `span`; when it was seen already, returns where, and
    /// keeps the first place.
    mutating func insert(_ id: String, at span: Span) -> Span? {
        guard hashes != nil || ownHashes != nil else { return insertOwn(id, at: span) }
        let hash = IDHashes.hash(id)
        if hashes != nil {
            if hashes!.contains(hash), let first = firstPlace(of: id) { return first }
            if let first = insertOwn(id, at: span) { return first }
            hashes!.insert(hash)  // in place: no binding holds the table
            return nil
        }
        if let first = insertOwn(id, at: span) { return first }
        ownHashes?.append(hash)
        return nil
    }

    /// One hash lookup for the usual, new id; a duplicate puts the first one back.
    private mutating func insertOwn(_ id: String, at span: Span) -> Span? {
        guard let first = own.updateValue(span, forKey: id) else { return nil }
        own[id] = first
        return first
    }

    /// Where `id` was first defined, if it was.
    private func firstPlace(of id: String) -> Span? {
        if let first = own[id] { return first }
        for table in adopted {
            if let first = table[id] { return first }
        }
        return nil
    }

    /// Takes in the part `other`'s ids when it shares none with these, and says whether it did;
    /// a part that shares one is left out, nothing here changed but the set of hashes made.
    mutating func adopt(ifDisjoint other: AccountIDs) -> Bool {
        // The set of hashes, made at the first part from the ids read so far.
        var set = hashes ?? IDHashes(own.keys.lazy.map(IDHashes.hash))
        hashes = nil  // the one reference to the set, so it changes in place
        defer { hashes = set }
        let theirs = other.ownHashes ?? other.own.keys.map(IDHashes.hash)
        let later = other.adopted.flatMap { $0.keys.map(IDHashes.hash) }
        // The usual part shares no hash at all. Only the ids whose hash is here already (a
        // repeat, or a rare 32-bit collision) are looked up in the tables, never the whole part.
        let suspects = Set((theirs + later).filter(set.contains))
        if !suspects.isEmpty {
            for table in [other.own] + other.adopted {
                for id in table.keys where suspects.contains(IDHashes.hash(id)) {
                    if firstPlace(of: id) != nil { return false }
                }
            }
        }
        set.reserve(set.count + theirs.count + later.count)
        for hash in theirs { set.insert(hash) }
        for hash in later { set.insert(hash) }
        if !other.own.isEmpty { adopted.append(other.own) }
        adopted += other.adopted.filter { !$0.isEmpty }
        return true
    }
}

/// A set of 32-bit id hashes: open addressing over a power-of-two table, grown at three
/// quarters full (four bytes a slot: about six bytes an id). Zero marks an empty slot (a hash
/// of zero is kept as one). Two ids may share a hash; the set only says which ids to look up.
struct IDHashes {
    private var slots: [UInt32] = Array(repeating: 0, count: 16)
    private(set) var count = 0

    init() {}

    /// A set of `hashes`.
    init(_ hashes: some Collection<UInt32>) {
        reserve(hashes.count)
        for hash in hashes { insert(hash) }
    }

    /// An id's hash, the same on every thread of this process.
    static func hash(_ id: String) -> UInt32 {
        let h = UInt64(bitPattern: Int64(id.hashValue))
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }

    /// Room for `n` hashes without growing.
    mutating func reserve(_ n: Int) {
        var size = slots.count
        while 3 * size < 4 * n { size *= 2 }
        if size > slots.count { rehash(to: size) }
    }

    func contains(_ hash: UInt32) -> Bool {
        let key = hash == 0 ? 1 : hash
        let mask = slots.count - 1
        var i = Int(key) & mask
        while true {
            let slot = slots[i]
            if slot == key { return true }
            if slot == 0 { return false }
            i = (i + 1) & mask
        }
    }

    mutating func insert(_ hash: UInt32) {
        if 4 * (count + 1) > 3 * slots.count { rehash(to: slots.count * 2) }
        let key = hash == 0 ? 1 : hash
        let mask = slots.count - 1
        var i = Int(key) & mask
        while slots[i] != 0 {
            if slots[i] == key { return }
            i = (i + 1) & mask
        }
        slots[i] = key
        count += 1
    }

    private mutating func rehash(to size: Int) {
        let old = slots
        slots = Array(repeating: 0, count: size)
        count = 0
        for key in old where key != 0 { insert(key) }
    }
}
