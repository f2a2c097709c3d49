import LeverSyntax

/// Loads a market snapshot from JSON, validating everything (see docs/input-format.md).
///
/// The format, in short: `{"as_of"?, "risk_free_rate"?, "assets": {SYMBOL: {"class"?, "price",
/// "price_time"?, "vol", "supplied"?, "borrowed"?, "utilization"?, "risk_free_rate"?,
/// "dividend_yield"?}}, "venues"?: {NAME: {"prices": {SYMBOL: {"price", "price_time"?}}}}}`. The margin workload's `market.json` is a valid market (`util` is read as
/// `utilization`).
public enum MarketLoader {
    /// Loads the market in `file`.
    public static func load(_ file: SourceFile, options: LoadOptions = LoadOptions()) -> Loaded<MarketSnapshot> {
        file.bytes.withUnsafeBufferPointer { buffer in
            var d = DocumentDecoder(buffer, fileID: file.id, maxDepth: options.maxDepth,
                                    maxStringLength: options.limits.maxStringLength)
            let market = MarketDecoding.decodeRoot(&d)
            d.finish()
            let failed = market == nil || d.reader.failed || (!options.keepGoing && d.errorCount > 0)
            return Loaded(value: failed ? nil : market, diagnostics: d.diagnostics)
        }
    }

    /// Reads and loads the market at `path`, adding the file to `sources`; throws only on I/O errors
    /// (a file larger than `options.limits.maxMarketBytes` among them: reading stops there).
    public static func load(path: String, into sources: inout SourceMap, options: LoadOptions = LoadOptions()) throws
        -> Loaded<MarketSnapshot>
    {
        let file = sources.add(path: path, bytes: try InputFile.read(path, limit: options.limits.maxMarketBytes, kind: .market))
        return load(file, options: options)
    }
}

/// The market format's decoding functions, one per object kind.
enum MarketDecoding {
    enum RootField: String, FieldName {
        static let table = FieldTable<Self>()
        case asOf = "as_of"
        case assets, venues
        case riskFreeRate = "risk_free_rate"
    }

    /// The snapshot; nil when the document is unusable. Assets with errors are left out (the load
    /// then fails unless `keepGoing`).
    static func decodeRoot(_ d: inout DocumentDecoder) -> MarketSnapshot? {
        var asOf = FieldSlot<Timestamp>(), assets = FieldSlot<[AssetQuote]>(), venues = FieldSlot<[VenueQuotes]>()
        var rate = FieldSlot<Double>()
        let root = d.decodeObject(RootField.self) { d, field in
            switch field {
            case .asOf: d.fill(&asOf) { $0.decodeTimestamp() }
            case .assets: d.fill(&assets) { decodeAssets(&$0) }
            case .venues: d.fill(&venues) { decodeVenues(&$0) }
            case .riskFreeRate: d.fill(&rate) { decodeRate(&$0) }
            }
        }
        guard let root else { return nil }
        if !assets.isPresent {
            d.report(.missingField("", "assets", help: "a market is `{\"assets\": {\"BTC\": {...}}}`", at: root))
        }
        guard let list = assets.value else { return nil }
        return MarketSnapshot(asOf: asOf.value, assets: list, venues: venues.value ?? [], riskFreeRate: rate.value)
    }

    static func decodeAssets(_ d: inout DocumentDecoder) -> [AssetQuote]? {
        var out: [AssetQuote] = []
        var seen: Set<String> = []
        let ok = d.decodeMap { d, symbol in
            guard seen.insert(symbol).inserted else {
                d.reader.skipValue()
                return d.report(.duplicateField(d.parentPrefix, symbol, at: d.keySpan))
            }
            if let quote = decodeAsset(&d, symbol: symbol) { out.append(quote) }
        }
        return ok == nil ? nil : out
    }
}
