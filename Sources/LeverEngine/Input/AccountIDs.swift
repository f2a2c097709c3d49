import LeverSyntax

/// The account ids a book load has seen, each with where it was first defined, to report a
/// repeated id (L0703) with the place of the first.
///
/// The ids read in order are in one table; the ids of each part of the book decoded on another
/// thread (`BookSegments`) stay in that part's table, adopted whole rather than copied id by id
/// (a million ids inserted again cost more than the part's decoding saved). A part is adopted
/// only when it shares no id with any table so far, so an id is in at most one of them.
///
/// Every id's hash is also kept in one set (`IDHashes`), so that telling whether an id or a part
/// is new costs one probe per id however many parts were adopted: only a hash already in the set
/// (a repeated id, or two ids of the same hash) is looked up in the tables.
struct AccountIDs {
    private var own: [String: Span] = [:]
    private var adopted: [[String: Span]] = []
    private var hashes = IDHashes()
    /// The hashes of the ids in `own`, in the order read, for a load that adopts this one.
    private var ownHashes: [Int] = []

    init(reservingCapacity capacity: Int = 0) {
        own.reserveCapacity(capacity)
        hashes.reserve(capacity)
    }

    /// Records `id` first defined at `span`; when it was seen already, returns where, and
    /// keeps the first place.
    mutating func insert(_ id: String, at span: Span) -> Span? {
        let hash = id.hashValue
        if hashes.contains(hash), let first = firstPlace(of: id) { return first }
        own[id] = span
        ownHashes.append(hash)
        hashes.insert(hash)
        return nil
    }

    /// Where `id` was first defined, if it was.
    private func firstPlace(of id: String) -> Span? {
        if let first = own[id] { return first }
        for table in adopted {
            if let first = table[id] { return first }
        }
        return nil
    }

    /// Whether no id of `other` is among these.
    func isDisjoint(with other: AccountIDs) -> Bool {
        // The usual part shares no hash at all; only a shared hash is looked at by its ids.
        guard other.ownHashes.contains(where: hashes.contains) || !other.adopted.isEmpty else { return true }
        return ([other.own] + other.adopted).allSatisfy { table in table.keys.allSatisfy { firstPlace(of: $0) == nil } }
    }

    /// Takes in `other`'s ids, which share none with these (`isDisjoint`).
    mutating func adopt(_ other: AccountIDs) {
        if !other.own.isEmpty { adopted.append(other.own) }
        adopted += other.adopted.filter { !$0.isEmpty }
        for hash in other.ownHashes { hashes.insert(hash) }
        for table in other.adopted { for id in table.keys { hashes.insert(id.hashValue) } }
    }
}

/// A set of id hashes: open addressing over a power-of-two table, grown at half full. Zero
/// marks an empty slot (a hash of zero is kept as one).
struct IDHashes {
    private var slots: [Int] = Array(repeating: 0, count: 16)
    private var count = 0

    /// Room for `n` hashes without growing.
    mutating func reserve(_ n: Int) {
        var size = slots.count
        while size < 2 * n { size *= 2 }
        if size > slots.count { rehash(to: size) }
    }

    func contains(_ hash: Int) -> Bool {
        let key = hash == 0 ? 1 : hash
        let mask = slots.count - 1
        var i = Int(UInt(bitPattern: key) & UInt(mask))
        while true {
            let slot = slots[i]
            if slot == key { return true }
            if slot == 0 { return false }
            i = (i + 1) & mask
        }
    }

    mutating func insert(_ hash: Int) {
        if 2 * (count + 1) > slots.count { rehash(to: slots.count * 2) }
        let key = hash == 0 ? 1 : hash
        let mask = slots.count - 1
        var i = Int(UInt(bitPattern: key) & UInt(mask))
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
