import LeverSyntax

extension BookDecoding {
    /// Every field any position kind uses; `qty` is the margin workload's name for `quantity`.
    enum PositionField: String, FieldName {
        static let table = FieldTable<Self>()
        case kind, asset, quantity, qty, venue, chain, size
        case entryPrice = "entry_price"
        case underlying, right, strike, expiry
    }

    /// A position's members as read, before its kind decides which ones it must have.
    struct PositionDraft {
        var kind = FieldSlot<PositionKind>(), asset = FieldSlot<String>(), quantity = FieldSlot<Double>()
        var qty = FieldSlot<Double>(), venue = FieldSlot<String>(), chain = FieldSlot<String>(), size = FieldSlot<Double>()
        var entryPrice = FieldSlot<Double>(), underlying = FieldSlot<String>(), right = FieldSlot<OptionRight>()
        var strike = FieldSlot<Double>(), expiry = FieldSlot<Timestamp>()
    }

    static let kindWords: [(String, PositionKind)] = [("spot", .spot), ("perp", .perpetual), ("perpetual", .perpetual), ("option", .option)]
    static let rightWords: [(String, OptionRight)] = [("call", .call), ("put", .put)]

    /// One position; nil when it has errors (an asset the market lacks is not one when the book is
    /// checked against the market alone: the account is flagged).
    static func decodePosition(_ d: inout DocumentDecoder, _ s: inout BookState, _ flags: inout AccountFlags) -> Position? {
        var p = PositionDraft()
        let object = d.decodeObject(PositionField.self) { d, field in read(field, into: &p, &d) }
        guard let object else { return nil }
        if p.kind.isPresent && p.kind.value == nil { return nil }  // a bad `kind` is already reported
        let kind = p.kind.value ?? .spot
        let errorsBefore = d.errorCount
        checkApplicable(&d, p, kind)
        let position: Position?
        switch kind {
        case .spot: position = spot(&d, p, at: object)
        case .perpetual: position = perpetual(&d, p, at: object)
        case .option: position = option(&d, p, at: object)
        }
        guard let position, d.errorCount == errorsBefore else { return nil }
        let assetSlot = kind == .option ? p.underlying : p.asset
        let assetField = kind == .option ? "underlying" : "asset"
        if s.names != nil {
            s.names?.checkPosition(&d, asset: position.asset, field: assetField, at: assetSlot.span,
                                   venue: position.venue, at: p.venue.span, chain: position.chain, at: p.chain.span)
            return d.errorCount == errorsBefore ? position : nil
        }
        checkAsset(&d, &s, &flags, position.asset, field: assetField, at: assetSlot)
        return position
    }

    private static func read(_ field: PositionField, into p: inout PositionDraft, _ d: inout DocumentDecoder) {
        switch field {
        case .kind: d.fill(&p.kind) { $0.decodeWord(kindWords) }
        case .asset: d.fill(&p.asset) { $0.decodeName() }
        case .quantity: d.fill(&p.quantity) { $0.decodeNumber() }
        case .qty: d.fill(&p.qty) { $0.decodeNumber() }
        case .venue: d.fill(&p.venue) { $0.decodeName() }
        case .chain: d.fill(&p.chain) { $0.decodeName() }
        case .size: d.fill(&p.size) { $0.decodeNumber() }
        case .entryPrice: d.fill(&p.entryPrice) { $0.decodeNumber("must be positive") { $0 > 0 } }
        case .underlying: d.fill(&p.underlying) { $0.decodeName() }
        case .right: d.fill(&p.right) { $0.decodeWord(rightWords) }
        case .strike: d.fill(&p.strike) { $0.decodeNumber("must be positive") { $0 > 0 } }
        case .expiry: d.fill(&p.expiry) { $0.decodeTimestamp() }
        }
    }

    /// Reports members that do not belong to the position's kind (a `strike` on a spot balance).
    private static func checkApplicable(_ d: inout DocumentDecoder, _ p: borrowing PositionDraft, _ kind: PositionKind) {
        // The common case (a plain spot balance) decides without building the lists below.
        if kind == .spot, p.size.key == nil, p.entryPrice.key == nil, p.underlying.key == nil, p.right.key == nil,
           p.strike.key == nil, p.expiry.key == nil { return }
        let spotOnly = [("quantity", p.quantity.key), ("qty", p.qty.key)]
        let perpOnly = [("entry_price", p.entryPrice.key)]
        let optionOnly = [("underlying", p.underlying.key), ("right", p.right.key), ("strike", p.strike.key), ("expiry", p.expiry.key)]
        var notApplicable: [(String, Span?)]
        switch kind {
        case .spot: notApplicable = perpOnly + optionOnly + [("size", p.size.key)]
        case .perpetual: notApplicable = spotOnly + optionOnly
        case .option: notApplicable = spotOnly + perpOnly + [("asset", p.asset.key)]
        }
        for case let (name, key?) in notApplicable {
            d.report(.fieldNotForKind(d.prefix(appending: name), name, kind: kind, at: key))
        }
    }

    private static func spot(_ d: inout DocumentDecoder, _ p: borrowing PositionDraft, at object: Span) -> Position? {
        if let second = p.qty.key, p.quantity.isPresent {
            d.report(.conflictingFields(d.here, "quantity", "qty", at: second))
            return nil
        }
        let quantity = p.quantity.isPresent ? p.quantity.value : p.qty.value
        let hasQuantity = p.quantity.isPresent || p.qty.isPresent
        require(&d, at: object, "asset", p.asset.isPresent)
        require(&d, at: object, "quantity", hasQuantity)
        guard let asset = p.asset.value, let q = quantity else { return nil }
        return .spot(.init(asset: asset, quantity: q, venue: p.venue.value, chain: p.chain.value))
    }

    private static func perpetual(_ d: inout DocumentDecoder, _ p: borrowing PositionDraft, at object: Span) -> Position? {
        requireFields(&d, at: object, ("asset", p.asset.isPresent), ("size", p.size.isPresent),
                      ("entry_price", p.entryPrice.isPresent), ("venue", p.venue.isPresent))
        guard let asset = p.asset.value, let size = p.size.value, let entry = p.entryPrice.value,
              let venue = p.venue.value else { return nil }
        return .perpetual(.init(asset: asset, size: size, entryPrice: entry, venue: venue, chain: p.chain.value))
    }

    private static func option(_ d: inout DocumentDecoder, _ p: borrowing PositionDraft, at object: Span) -> Position? {
        requireFields(&d, at: object, ("underlying", p.underlying.isPresent), ("right", p.right.isPresent),
                      ("strike", p.strike.isPresent), ("expiry", p.expiry.isPresent), ("size", p.size.isPresent),
                      ("venue", p.venue.isPresent))
        guard let u = p.underlying.value, let right = p.right.value, let strike = p.strike.value,
              let expiry = p.expiry.value, let size = p.size.value, let venue = p.venue.value else { return nil }
        return .option(.init(underlying: u, right: right, strike: strike, expiry: expiry, size: size, venue: venue, chain: p.chain.value))
    }

    /// Flags the account when the market does not list the position's asset.
    private static func checkAsset(_ d: inout DocumentDecoder, _ s: inout BookState, _ flags: inout AccountFlags,
                                   _ symbol: String, field name: String, at slot: FieldSlot<String>) {
        guard let market = s.market, market.index(of: symbol) == nil else { return }
        let suggestion = d.suggestions.closest(to: symbol, in: market.assets.lazy.map(\.symbol))
        d.report(.unknownAsset(d.prefix(appending: name), symbol, suggestion: suggestion, at: slot.span))
        s.unknownAssetErrors += 1
        flags.insert(.unknownAsset)
    }
}
