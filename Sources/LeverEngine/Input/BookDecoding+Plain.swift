import LeverSyntax

extension BookDecoding {
    /// The position nearly every book is made of, a spot balance written plainly —
    /// `{"asset": NAME, "qty" or "quantity": NUMBER, "venue": NAME}` (venue optional, members in
    /// any order) with declared names — read straight from the bytes into the book's columns:
    /// no `String`, no draft of every field, names looked up by their bytes once interned.
    ///
    /// Anything else (another member, a `kind`, an escape or a byte beyond ASCII in a name, a
    /// wrong type, a duplicate, an undeclared name, a name too long) returns false with the
    /// reader where it was, and the general decoder reads the position and reports what is wrong
    /// with it exactly as it always has; this path reports nothing and so cannot change a diagnostic.
    static func decodePlainSpot(_ d: inout DocumentDecoder, _ s: inout BookState) -> Bool {
        guard d.reader.depth + 1 <= d.reader.maxDepth, !d.reader.failed else { return false }
        var p = d.reader.position
        guard let spot = PlainSpot.scan(d.reader.bytes, at: &p, maxName: d.maxStringLength),
              let row = s.acceptedRow(spot, d.reader.bytes) else { return false }
        s.store.appendSpot(symbol: row.symbol, quantity: spot.quantity, venue: row.venue)
        d.reader.valueStart = d.reader.position
        d.reader.position = p
        return true
    }

    /// A whole `positions` array of plain spot balances (`decodePlainSpot`), read in one pass:
    /// true with every row appended and the reader after the array; false, with nothing appended
    /// and the reader where it was, when any element is not one (or the array is empty, or longer
    /// than the limit), so the general decoder reads it all and reports as it always has.
    static func decodePlainPositions(_ d: inout DocumentDecoder, _ s: inout BookState) -> Bool {
        // The array and its objects are two levels below the account.
        guard d.reader.depth + 2 <= d.reader.maxDepth, !d.reader.failed else { return false }
        let b = d.reader.bytes
        var p = d.reader.position
        PlainSpot.skipSpace(b, &p)
        let open = p
        guard p < b.count, b[p] == UInt8(ascii: "[") else { return false }
        p += 1
        let limit = s.limits.maxPositionsPerAccount
        s.plainRows.removeAll(keepingCapacity: true)
        while true {
            guard s.plainRows.count < limit, let spot = PlainSpot.scan(b, at: &p, maxName: d.maxStringLength),
                  let row = s.acceptedRow(spot, b) else { return false }
            s.plainRows.append((row.symbol, spot.quantity, row.venue))
            guard let more = PlainSpot.next(b, &p, closing: UInt8(ascii: "]")) else { return false }
            if !more { break }
        }
        for row in s.plainRows { s.store.appendSpot(symbol: row.symbol, quantity: row.quantity, venue: row.venue) }
        d.reader.valueStart = open
        d.reader.position = p
        return true
    }
}

extension BookDecoding {
    /// The account nearly every book is made of — `{"id": NAME, "score": NUMBER, "positions":
    /// [plain spot balances]}`, members in any order, nothing else — read straight from the
    /// bytes (`decodePlainPositions`) and closed: true with the reader after it. Anything else (an
    /// `attributes` member, any other, an escape in the id, an id seen before, a position the
    /// plain path does not take) returns false with nothing added and the reader where it was, and
    /// the general decoder reads the account and reports exactly as it always has.
    static func decodePlainAccount(_ d: inout DocumentDecoder, _ s: inout BookState) -> Bool {
        guard d.reader.depth + 1 <= d.reader.maxDepth, !d.reader.failed else { return false }
        let saved = d.reader
        let b = d.reader.bytes
        var p = d.reader.position
        var id: Range<Int>?, score: Double?, positions = false
        func fallBack() -> Bool {
            if positions { s.store.discardOpenAccount() }
            d.reader = saved
            return false
        }
        guard PlainSpot.open(b, &p) else { return false }
        while true {
            guard let member = PlainSpot.key(b, &p, maxLength: d.maxStringLength) else { return fallBack() }
            switch member {
            case .id:
                guard id == nil, let name = PlainSpot.string(b, &p, maxLength: d.maxStringLength), !name.isEmpty else {
                    return fallBack()
                }
                id = name
            case .score:
                guard score == nil, let value = PlainSpot.number(b, &p) else { return fallBack() }
                score = value
            case .positions:
                guard !positions else { return fallBack() }
                // The array is read one level down, inside this account.
                d.reader.position = p
                d.reader.depth += 1
                let plain = decodePlainPositions(&d, &s)
                d.reader.depth -= 1
                guard plain else { return fallBack() }
                positions = true
                p = d.reader.position
            case .asset, .quantity, .venue:
                return fallBack()
            }
            guard let more = PlainSpot.next(b, &p, closing: UInt8(ascii: "}")) else { return fallBack() }
            if !more { break }
        }
        guard let id, let score, positions else { return fallBack() }
        let name = String(decoding: UnsafeBufferPointer(rebasing: b[id]), as: UTF8.self)
        // A repeated id is left to the general decoder, which reports it; a new one is recorded.
        guard s.accountIDs.insert(name, at: d.span(id.lowerBound - 1, id.upperBound + 1)) == nil else { return fallBack() }
        s.store.closeAccount(id: name, score: score, attributes: [:], flags: [], warnings: [])
        d.reader = saved
        d.reader.position = p
        return true
    }

}

/// One plain spot balance scanned from the bytes: where its names are and its quantity.
struct PlainSpot {
    var asset: Range<Int>
    var venue: Range<Int>?
    var quantity: Double

    @inline(__always)
    static func skipSpace(_ b: UnsafeBufferPointer<UInt8>, _ p: inout Int) {
        while p < b.count, b[p] == 0x20 || b[p] == 0x0A || b[p] == 0x0D || b[p] == 0x09 { p += 1 }
    }

    /// After a container's member or element: true past a comma (another follows), false past
    /// the `closing` bracket, nil at anything else.
    @inline(__always)
    static func next(_ b: UnsafeBufferPointer<UInt8>, _ p: inout Int, closing: UInt8) -> Bool? {
        skipSpace(b, &p)
        guard p < b.count else { return nil }
        let c = b[p]
        guard c == UInt8(ascii: ",") || c == closing else { return nil }
        p += 1
        return c == UInt8(ascii: ",")
    }

    /// Past the `{` of an object at `p` (after white space); false when there is none.
    @inline(__always)
    static func open(_ b: UnsafeBufferPointer<UInt8>, _ p: inout Int) -> Bool {
        skipSpace(b, &p)
        guard p < b.count, b[p] == UInt8(ascii: "{") else { return false }
        p += 1
        return true
    }

    /// A plain member's name and its colon at `p`, `p` then at its value; nil for any other
    /// member, or a name longer than `maxLength` (the string limit, which the general decoder
    /// reports).
    @inline(__always)
    static func key(_ b: UnsafeBufferPointer<UInt8>, _ p: inout Int, maxLength: Int) -> Key? {
        skipSpace(b, &p)
        guard let name = string(b, &p, maxLength: min(9, maxLength)), let key = Key(b, name) else { return nil }
        skipSpace(b, &p)
        guard p < b.count, b[p] == UInt8(ascii: ":") else { return nil }
        p += 1
        skipSpace(b, &p)
        return key
    }

    /// The finite number at `p`, read as the reader reads one, `p` then after it; nil otherwise.
    @inline(__always)
    static func number(_ b: UnsafeBufferPointer<UInt8>, _ p: inout Int) -> Double? {
        var scan = NumberScan()
        guard let end = scan.run(b, from: p), let value = scan.value(of: b, p..<end), value.isFinite else { return nil }
        p = end
        return value
    }

    /// The object at `p` (after white space) when it is a plain spot balance, `p` then after it;
    /// nil otherwise (`p` is then anywhere). Names must be ASCII without escapes, non-empty and
    /// at most `maxName` bytes; the quantity a finite JSON number, read as the reader reads one.
    static func scan(_ b: UnsafeBufferPointer<UInt8>, at p: inout Int, maxName: Int) -> PlainSpot? {
        guard open(b, &p) else { return nil }
        var asset: Range<Int>?, venue: Range<Int>?, quantity: Double?
        while true {
            guard let member = key(b, &p, maxLength: maxName) else { return nil }
            switch member {
            case .asset:
                guard asset == nil, let name = string(b, &p, maxLength: maxName), !name.isEmpty else { return nil }
                asset = name
            case .venue:
                guard venue == nil, let name = string(b, &p, maxLength: maxName), !name.isEmpty else { return nil }
                venue = name
            case .quantity:
                guard quantity == nil, let q = number(b, &p) else { return nil }
                quantity = q
            case .id, .score, .positions:
                return nil
            }
            guard let more = next(b, &p, closing: UInt8(ascii: "}")) else { return nil }
            if !more { break }
        }
        guard let asset, let quantity else { return nil }
        return PlainSpot(asset: asset, venue: venue, quantity: quantity)
    }

    /// The bytes between the quotes of a string at `p` of printable ASCII without escapes and at
    /// most `maxLength` long, `p` then after it; nil otherwise.
    @inline(__always)
    static func string(_ b: UnsafeBufferPointer<UInt8>, _ p: inout Int, maxLength: Int) -> Range<Int>? {
        guard p < b.count, b[p] == 0x22 else { return nil }
        let start = p + 1
        var q = start
        while q < b.count {
            let c = b[q]
            if c == 0x22 { break }
            guard c >= 0x20, c < 0x80, c != 0x5C, q - start < maxLength else { return nil }
            q += 1
        }
        guard q < b.count else { return nil }
        p = q + 1
        return start..<q
    }

    /// The members of a plain account or spot balance, matched by their bytes (`qty` is `quantity`).
    enum Key {
        case id, score, positions, asset, quantity, venue

        init?(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            switch range.count {
            case 2 where PlainSpot.equals(bytes, range, "id"): self = .id
            case 3 where PlainSpot.equals(bytes, range, "qty"): self = .quantity
            case 5 where PlainSpot.equals(bytes, range, "score"): self = .score
            case 5 where PlainSpot.equals(bytes, range, "asset"): self = .asset
            case 5 where PlainSpot.equals(bytes, range, "venue"): self = .venue
            case 8 where PlainSpot.equals(bytes, range, "quantity"): self = .quantity
            case 9 where PlainSpot.equals(bytes, range, "positions"): self = .positions
            default: return nil
            }
        }
    }

    /// Whether the bytes in `range` spell `word`.
    @inline(__always)
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: StaticString) -> Bool {
        guard word.utf8CodeUnitCount == range.count else { return false }
        let w = word.utf8Start
        for k in 0..<range.count where bytes[range.lowerBound + k] != w[k] { return false }
        return true
    }
}

extension BookState {
    /// A plain spot balance's names interned and accepted (`acceptsAsset`, `acceptsVenue`), or
    /// nil when one is not.
    @inline(__always)
    mutating func acceptedRow(_ spot: PlainSpot, _ bytes: UnsafeBufferPointer<UInt8>) -> (symbol: Int32, venue: Int32?)? {
        let symbol = store.internAsset(UnsafeBufferPointer(rebasing: bytes[spot.asset]))
        guard acceptsAsset(symbol) else { return nil }
        guard let venue = spot.venue else { return (symbol, nil) }
        let v = store.internVenue(UnsafeBufferPointer(rebasing: bytes[venue]))
        return acceptsVenue(v) ? (symbol, v) : nil
    }

    /// Whether a position may name the interned asset without a word from the loader: the
    /// policy declares it, or (with no policy) the market lists it, or there is nothing to check
    /// it against. Decided once per distinct name.
    mutating func acceptsAsset(_ symbol: Int32) -> Bool {
        let i = Int(symbol)
        while assetVerdicts.count <= i { assetVerdicts.append(nil) }
        if let known = assetVerdicts[i] { return known }
        let name = store.symbols[i]
        let ok = if let names { names.declares(asset: name) } else { market.map { $0.index(of: name) != nil } ?? true }
        assetVerdicts[i] = ok
        return ok
    }

    /// Whether a position may name the interned venue without a word from the loader.
    mutating func acceptsVenue(_ venue: Int32) -> Bool {
        let i = Int(venue)
        while venueVerdicts.count <= i { venueVerdicts.append(nil) }
        if let known = venueVerdicts[i] { return known }
        let ok = names?.declares(venue: store.venues[i]) ?? true
        venueVerdicts[i] = ok
        return ok
    }
}
