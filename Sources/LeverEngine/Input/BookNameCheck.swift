import LeverSyntax

/// Checks a book's names against a policy's (`PolicyNames`) as the book loads: a position's asset
/// and venue (errors), an account's attribute names and string values (warnings).
///
/// Lookups are sets, one per position; a "did you mean" is computed once per distinct unknown
/// name, because a book that misspells a venue usually misspells it the same way many times.
struct BookNameCheck {
    let names: PolicyNames
    private let assets: Set<String>
    private let venues: Set<String>
    private let chains: Set<String>
    private let attributes: Set<String>
    private let attributeValues: [String: Set<String>]
    /// Suggestions found so far, by what was looked up (kind, a NUL, the name).
    private var suggestions: [String: String?] = [:]
    /// The work left for finding them: a hostile book can misspell a different name on every line.
    private var budget = SuggestionBudget()

    init(_ names: PolicyNames) {
        self.names = names
        assets = Set(names.assets)
        venues = Set(names.venues)
        chains = Set(names.chains)
        attributes = Set(names.attributes)
        attributeValues = names.attributeValues.mapValues(Set.init)
    }

    /// Whether any "did you mean" search was made (it spends the budget even when it finds
    /// nothing to report): a part of the book read on another thread that searched is not
    /// taken, so the budget is spent in the same order at any thread count.
    var hasSearched: Bool { budget.remaining < SuggestionBudget.perRun }

    /// Whether the policy declares the asset.
    func declares(asset: String) -> Bool { assets.contains(asset) }

    /// Whether the policy declares the venue.
    func declares(venue: String) -> Bool { venues.contains(venue) }

    /// Reports the position's asset and venue when the policy does not declare them.
    mutating func checkPosition(_ d: inout DocumentDecoder, asset: String, field: String, at assetSpan: Span,
                                venue: String?, at venueSpan: Span, chain: String? = nil, at chainSpan: Span = .synthetic) {
        if let chain, !chains.contains(chain) {
            let suggestion = suggest(chain, kind: "chain", in: names.chains)
            d.report(.undeclaredChain(d.prefix(appending: "chain"), chain, declared: names.chains, suggestion: suggestion,
                                      at: chainSpan))
        }
        if !assets.contains(asset) {
            let suggestion = suggest(asset, kind: "asset", in: names.assets)
            d.report(.undeclaredAsset(d.prefix(appending: field), asset, suggestion: suggestion, at: assetSpan))
        }
        if let venue, !venues.contains(venue) {
            let suggestion = suggest(venue, kind: "venue", in: names.venues)
            d.report(.undeclaredVenue(d.prefix(appending: "venue"), venue, declared: names.venues, suggestion: suggestion,
                                      at: venueSpan))
        }
    }

    /// Warns about a string value of an attribute the policy compares only with other strings.
    /// Call with the decoder on the value just read (its path and span).
    mutating func checkAttributeValue(_ d: inout DocumentDecoder, attribute: String, value: String) {
        guard let allowed = attributeValues[attribute], !allowed.contains(value) else { return }
        let named = names.attributeValues[attribute] ?? []
        // Short values are codes, where one letter apart is usually another code ("UK" is not a
        // misspelt "US"): only a difference of case is suggested for them.
        let suggestion = value.count <= 3 ? named.first { $0.lowercased() == value.lowercased() }
                                          : suggest(value, kind: "value \(attribute)", in: named)
        // Only a likely misspelling is worth a warning: another value is legitimate wherever an
        // `else` row or `!=` takes it, and where nothing takes it the evaluation says so itself
        // (no table row: the value is undefined, with a note naming the key).
        guard suggestion != nil else { return }
        d.report(.unnamedAttributeValue(d.here, attribute, value, named: named, suggestion: suggestion, at: d.valueSpan))
    }

    /// Refuses a number for an attribute the policy compares only with strings: strings are
    /// compared by code, so `"jurisdiction": 1` could equal whichever string has code 1 and
    /// match its table row. A located input error, so the account is never valued on it.
    mutating func checkAttributeNumber(_ d: inout DocumentDecoder, attribute: String, value: Double) {
        guard let named = names.attributeValues[attribute], !named.isEmpty else { return }
        d.report(.numberForStringAttribute(d.here, attribute, value, named: named, at: d.valueSpan))
    }

    /// The attribute the policy reads that `key` looks like a misspelling of, when the policy
    /// does not read `key` itself; nil otherwise (attributes are free-form: an unrelated name is
    /// some other system's business).
    mutating func misspeltAttribute(_ key: String) -> String? {
        guard !attributes.contains(key), !attributes.isEmpty else { return nil }
        return suggest(key, kind: "attribute", in: names.attributes)
    }

    private mutating func suggest(_ name: String, kind: String, in candidates: [String]) -> String? {
        let key = kind + "\u{0}" + name
        if let known = suggestions[key] { return known }
        let found = budget.closest(to: name, in: candidates)
        suggestions[key] = .some(found)  // a plain `found` would erase the entry when it is nil
        return found
    }
}
