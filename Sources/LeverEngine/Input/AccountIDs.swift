import LeverSyntax

/// The account ids a book load has seen, each with where it was first defined, to report a
/// repeated id (L0703) with the place of the first.
///
/// The ids read in order are in one table; the ids of each part of the book decoded on another
/// thread (`BookSegments`) stay in that part's table, adopted whole rather than copied id by id
/// (a million ids inserted again cost more than the part's decoding saved). A part is adopted
/// only when it shares no id with any table so far, so an id is in at most one of them.
struct AccountIDs {
    private var own: [String: Span] = [:]
    private var adopted: [[String: Span]] = []

    init(reservingCapacity capacity: Int = 0) {
        own.reserveCapacity(capacity)
    }

    /// Records `id` first defined at `span`; when it was seen already, returns where, and
    /// keeps the first place.
    mutating func insert(_ id: String, at span: Span) -> Span? {
        for table in adopted {
            if let first = table[id] { return first }
        }
        // One hash lookup for the usual, new id; a duplicate puts the first one back.
        if let first = own.updateValue(span, forKey: id) {
            own[id] = first
            return first
        }
        return nil
    }

    /// Whether no id of `other` is among these.
    func isDisjoint(with other: AccountIDs) -> Bool {
        let mine = [own] + adopted, theirs = [other.own] + other.adopted
        for a in mine where !a.isEmpty {
            for b in theirs where !b.isEmpty {
                // The smaller table's ids looked up in the larger one.
                let (small, large) = a.count <= b.count ? (a, b) : (b, a)
                if small.keys.contains(where: { large[$0] != nil }) { return false }
            }
        }
        return true
    }

    /// Takes in `other`'s ids, which share none with these (`isDisjoint`).
    mutating func adopt(_ other: AccountIDs) {
        if !other.own.isEmpty { adopted.append(other.own) }
        adopted += other.adopted.filter { !$0.isEmpty }
    }
}
