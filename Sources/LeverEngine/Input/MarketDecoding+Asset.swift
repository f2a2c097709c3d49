import LeverSyntax

extension MarketDecoding {
    /// Asset fields; `util` is the margin workload's name for `utilization`.
    enum AssetField: String, FieldName {
        static let table = FieldTable<Self>()
        case `class`, price
        case priceTime = "price_time"
        case vol, supplied, borrowed, utilization, util
        case riskFreeRate = "risk_free_rate"
        case dividendYield = "dividend_yield"
        case markPrice = "mark_price"
        case fundingRate = "funding_rate"
        case openInterest = "open_interest"
        case volume
        case previousClose = "previous_close"
        case unbacked
        /// Market inputs a policy declares (`input asset.adv_30d in […]`), by name.
        case inputs
        /// When the asset's market inputs other than the price were observed (for `max_input_age`).
        case inputsTime = "inputs_time"
    }

    /// One entry of `inputs` written as an object: its value and when it was observed.
    enum TimedInputField: String, FieldName {
        static let table = FieldTable<Self>()
        case value, time
    }

    /// `inputs`: by name, a finite number, or `{"value": …, "time": …}` for a value observed at
    /// its own time (a daily volume beside an hourly feed).
    static func decodeInputs(_ d: inout DocumentDecoder) -> (values: [String: Double], times: [String: Timestamp])? {
        var values: [String: Double] = [:], times: [String: Timestamp] = [:]
        let ok = d.decodeMap { d, name in
            guard d.reader.peek() == .object else {
                if let x = d.decodeNumber("must be a number, or an object with `value` and `time`", { $0.isFinite }) { values[name] = x }
                return
            }
            var value = FieldSlot<Double>(), time = FieldSlot<Timestamp>()
            guard let object = d.decodeObject(TimedInputField.self, { d, field in
                switch field {
                case .value: d.fill(&value) { $0.decodeNumber("must be a number", { $0.isFinite }) }
                case .time: d.fill(&time) { $0.decodeTimestamp() }
                }
            }) else { return }
            BookDecoding.requireFields(&d, at: object, ("value", value.isPresent))
            if let v = value.value { values[name] = v }
            if let t = time.value { times[name] = t }
        }
        return ok == nil ? nil : (values, times)
    }

    /// A rate a year as a fraction: beyond ±100 % is a unit mistake (5 written for 5 %).
    static func decodeRate(_ d: inout DocumentDecoder) -> Double? {
        d.decodeNumber("must be a fraction a year within [-1, 1] (0.05 is 5 %)") { $0 >= -1 && $0 <= 1 }
    }

    /// One asset; nil when it has errors.
    static func decodeAsset(_ d: inout DocumentDecoder, symbol: String) -> AssetQuote? {
        let errorsBefore = d.errorCount
        let symbolSpan = d.keySpan
        var cls = FieldSlot<String>(), price = FieldSlot<Double?>(), priceTime = FieldSlot<Timestamp>()
        var vol = FieldSlot<Double>(), supplied = FieldSlot<Double>(), borrowed = FieldSlot<Double>()
        var utilization = FieldSlot<Double>(), util = FieldSlot<Double>()
        var rate = FieldSlot<Double>(), yield = FieldSlot<Double>()
        var mark = FieldSlot<Double>(), funding = FieldSlot<Double>(), openInterest = FieldSlot<Double>()
        var volume = FieldSlot<Double>(), previousClose = FieldSlot<Double>(), unbacked = FieldSlot<Double>()
        var inputs = FieldSlot<(values: [String: Double], times: [String: Timestamp])>(), inputsTime = FieldSlot<Timestamp>()
        let object = d.decodeObject(AssetField.self) { d, field in
            switch field {
            case .class: d.fill(&cls) { $0.decodeName() }
            case .price: d.fill(&price) { decodePrice(&$0) }
            case .priceTime: d.fill(&priceTime) { $0.decodeTimestamp() }
            case .vol: d.fill(&vol) { $0.decodeNumber("must not be negative") { $0 >= 0 } }
            case .supplied: d.fill(&supplied) { $0.decodeNumber("must not be negative") { $0 >= 0 } }
            case .borrowed: d.fill(&borrowed) { $0.decodeNumber("must not be negative") { $0 >= 0 } }
            case .utilization: d.fill(&utilization) { $0.decodeNumber("must be within [0, 1]") { $0 >= 0 && $0 <= 1 } }
            case .util: d.fill(&util) { $0.decodeNumber("must be within [0, 1]") { $0 >= 0 && $0 <= 1 } }
            case .riskFreeRate: d.fill(&rate) { decodeRate(&$0) }
            case .dividendYield: d.fill(&yield) { decodeRate(&$0) }
            case .markPrice: d.fill(&mark) { $0.decodeNumber("must be positive") { $0 > 0 } }
            // Annualised funding passes 100 % in a squeeze, but not 1,000 %: beyond is a unit mistake.
            case .fundingRate: d.fill(&funding) { $0.decodeNumber("must be a fraction a year within [-10, 10] (0.1 is 10 %)") { abs($0) <= 10 } }
            case .openInterest: d.fill(&openInterest) { $0.decodeNumber("must not be negative") { $0 >= 0 } }
            case .volume: d.fill(&volume) { $0.decodeNumber("must not be negative") { $0 >= 0 } }
            case .previousClose: d.fill(&previousClose) { $0.decodeNumber("must be positive") { $0 > 0 } }
            case .unbacked: d.fill(&unbacked) { $0.decodeNumber("must not be negative") { $0 >= 0 } }
            case .inputs: d.fill(&inputs) { decodeInputs(&$0) }
            case .inputsTime: d.fill(&inputsTime) { $0.decodeTimestamp() }
            }
        }
        guard let object else { return nil }
        if utilization.isPresent, let second = util.key { d.report(.conflictingFields(d.here, "utilization", "util", at: second)) }
        BookDecoding.requireFields(&d, at: object, ("vol", vol.isPresent))
        if !price.isPresent { d.report(.missingPrice(d.prefix(appending: "price"), at: symbolSpan)) }
        guard d.errorCount == errorsBefore, let v = vol.value else { return nil }
        var quote = AssetQuote(symbol: symbol, classHint: cls.value, price: price.value ?? nil, priceTime: priceTime.value,
                               vol: v, supplied: supplied.value, borrowed: borrowed.value,
                               utilization: utilization.value ?? util.value, riskFreeRate: rate.value,
                               dividendYield: yield.value)
        quote.unbacked = unbacked.value
        quote.inputs = inputs.value?.values ?? [:]
        quote.inputTimes = inputs.value?.times ?? [:]
        quote.inputsTime = inputsTime.value
        quote.perp = PerpQuote(markPrice: mark.value, fundingRate: funding.value, openInterest: openInterest.value,
                               volume: volume.value, previousClose: previousClose.value)
        return quote
    }

    /// A price: a non-negative number, or `null` for "no price" (the policy's oracle rule applies).
    static func decodePrice(_ d: inout DocumentDecoder) -> Double?? {
        if d.decodeNull() { return .some(nil) }
        guard let p = d.decodeNumber("must not be negative", { $0 >= 0 }) else { return nil }
        return .some(p)
    }

    enum VenueField: String, FieldName {
        static let table = FieldTable<Self>()
        case prices
    }
    enum VenuePriceField: String, FieldName {
        static let table = FieldTable<Self>()
        case price
        case priceTime = "price_time"
    }

    /// `venues`: per venue, prices that differ from the reference.
    static func decodeVenues(_ d: inout DocumentDecoder) -> [VenueQuotes]? {
        var out: [VenueQuotes] = []
        let ok = d.decodeMap { d, venue in
            var prices = FieldSlot<[String: VenuePrice]>()
            _ = d.decodeObject(VenueField.self) { d, field in
                switch field {
                case .prices: d.fill(&prices) { decodeVenuePrices(&$0) }
                }
            }
            out.append(VenueQuotes(venue: venue, prices: prices.value ?? [:]))
        }
        return ok == nil ? nil : out
    }

    static func decodeVenuePrices(_ d: inout DocumentDecoder) -> [String: VenuePrice]? {
        var out: [String: VenuePrice] = [:]
        let ok = d.decodeMap { d, symbol in
            var price = FieldSlot<Double>(), time = FieldSlot<Timestamp>()
            guard let object = d.decodeObject(VenuePriceField.self, { d, field in
                switch field {
                case .price: d.fill(&price) { $0.decodeNumber("must be positive") { $0 > 0 } }
                case .priceTime: d.fill(&time) { $0.decodeTimestamp() }
                }
            }) else { return }
            BookDecoding.requireFields(&d, at: object, ("price", price.isPresent))
            if let p = price.value { out[symbol] = VenuePrice(price: p, priceTime: time.value) }
        }
        return ok == nil ? nil : out
    }
}
