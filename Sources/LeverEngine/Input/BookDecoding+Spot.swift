import LeverSyntax

extension BookDecoding {
    /// The position nearly every book is made of, a spot balance written plainly —
    /// `{"asset": NAME, "qty" or "quantity": NUMBER, "venue": NAME}` (venue optional, members in
    /// any order) with declared names — read straight from the bytes into the book's columns:
    /// no `String`, no draft of every field, names looked up by their bytes once interned.
    ///
    /// Anything else (another member, a `kind`, an escape in a name, a wrong type, a duplicate,
    /// an undeclared name, a name too long) returns false with the reader put back where it was,
    /// and the general decoder reads the position and reports what is wrong with it exactly as
    /// it always has; this path reports nothing and so cannot change a diagnostic.
    static func decodePlainSpot(_ d: inout DocumentDecoder, _ s: inout BookState) -> Bool {
        let saved = d.reader
        func fallBack() -> Bool {
            d.reader = saved
            return false
        }
        guard d.reader.peek() == .object, d.reader.beginObject() else { return fallBack() }
        var members = JSONReader.Members()
        var asset: Range<Int>?, venue: Range<Int>?, quantity: Double?
        while let key = d.reader.nextKeyToken(&members) {
            guard !key.escaped else { return fallBack() }
            switch SpotKey(d.reader.bytes, key.content) {
            case .asset?:
                guard asset == nil, let name = plainName(&d) else { return fallBack() }
                asset = name
            case .venue?:
                guard venue == nil, let name = plainName(&d) else { return fallBack() }
                venue = name
            case .quantity?:
                guard quantity == nil, d.reader.peek() == .number, let q = d.reader.readNumber(), q.isFinite else {
                    return fallBack()
                }
                quantity = q
            case nil:
                return fallBack()
            }
        }
        guard !d.reader.failed, let asset, let quantity else { return fallBack() }
        let bytes = d.reader.bytes
        let symbol = s.store.internAsset(UnsafeBufferPointer(rebasing: bytes[asset]))
        guard s.acceptsAsset(symbol) else { return fallBack() }
        var venueIndex: Int32?
        if let venue {
            let v = s.store.internVenue(UnsafeBufferPointer(rebasing: bytes[venue]))
            guard s.acceptsVenue(v) else { return fallBack() }
            venueIndex = v
        }
        s.store.appendSpot(symbol: symbol, quantity: quantity, venue: venueIndex)
        return true
    }

    /// The members of a plain spot balance, matched by their bytes (`qty` is `quantity`).
    private enum SpotKey {
        case asset, quantity, venue

        init?(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            func equals(_ word: StaticString) -> Bool {
                guard word.utf8CodeUnitCount == range.count else { return false }
                let w = word.utf8Start
                for k in 0..<range.count where bytes[range.lowerBound + k] != w[k] { return false }
                return true
            }
            switch range.count {
            case 3 where equals("qty"): self = .quantity
            case 5 where equals("asset"): self = .asset
            case 5 where equals("venue"): self = .venue
            case 8 where equals("quantity"): self = .quantity
            default: return nil
            }
        }
    }

    /// The bytes of a non-empty string without escapes and within the length limit, or nil.
    private static func plainName(_ d: inout DocumentDecoder) -> Range<Int>? {
        guard d.reader.peek() == .string, d.reader.scanString() == false else { return nil }
        let range = (d.reader.valueStart + 1)..<(d.reader.valueEnd - 1)
        return range.isEmpty || range.count > d.maxStringLength ? nil : range
    }
}

extension BookState {
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
