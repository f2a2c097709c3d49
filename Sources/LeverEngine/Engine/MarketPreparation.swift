import LeverCompile

/// Why an asset's market data could not be used as given.
public struct MarketIssue: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        case missingAsset
        case missingPrice
        case invalidPrice(Double)
        case stale(ageSeconds: Double, maxSeconds: Double)
    }
    public var asset: String
    public var reason: Reason
    /// What the policy's oracle rule made of it.
    public var outcome: OracleSettings.StalePrice

    /// One line for reports: `BTC: price is 7200 s old (limit 3600 s); counted at 0`.
    /// The quote is not a usable price at all (missing, zero, negative, not a number), as
    /// opposed to a stale one, which is a real price, only old.
    public var isInvalidQuote: Bool {
        switch reason {
        case .missingAsset, .missingPrice, .invalidPrice: true
        case .stale: false
        }
    }

    /// What is wrong with the quote: `price is 7200 s old (limit 3600 s)`.
    public var reasonText: String {
        switch reason {
        case .missingAsset: "not in the market snapshot"
        case .missingPrice: "no price"
        case .invalidPrice(let p): p.isNaN ? "price is not a number" : "price \(p) is not positive"
        case .stale(let age, let limit): "price is \(Int(age)) s old (limit \(Int(limit)) s)"
        }
    }

    public var message: String {
        let what = reasonText
        let rule: String
        let quoted: Bool
        switch reason {
        case .stale: quoted = true
        case .missingAsset, .missingPrice, .invalidPrice: quoted = false
        }
        switch outcome {
        case .zero: rule = quoted ? "counted at 0 as collateral, debts at the quoted price"
                                  : "counted at 0 as collateral; a debt in it cannot be valued"
        case .reject: rule = "accounts holding it are not evaluated"
        case .keep: rule = "used as is"
        }
        return "\(asset): \(what); \(rule)"
    }
}

/// The market snapshot laid out in the policy's asset order, with the oracle rules applied.
struct PreparedMarket {
    var columns: ProgramMarket<Double>
    /// Per policy asset: the issue with its data, if any.
    var issues: [MarketIssue?]

    init(policy: CompiledPolicy, market: MarketSnapshot) {
        var price = [Double](), quoted = [Double](), vol = [Double](), utilization = [Double](), supplied = [Double](), borrowed = [Double]()
        var issues = [MarketIssue?]()
        for asset in policy.assets {
            let quote = market[asset]
            let issue = Self.issue(asset, quote, market: market, oracle: policy.oracle)
            var p = quote?.price ?? .nan
            if let issue, issue.outcome != .keep { p = issue.outcome == .zero ? 0 : .nan }
            price.append(p)
            // The quote debts and derivatives are valued at: a stale one stands (a stale feed never
            // writes down what is owed); a zero, negative or non-numeric one is no quote at all.
            quoted.append(issue?.outcome == .reject || issue?.isInvalidQuote == true ? .nan : (quote?.price ?? .nan))
            vol.append(quote?.vol ?? .nan)
            utilization.append(quote?.utilization ?? 0)
            supplied.append(quote?.supplied ?? 0)
            borrowed.append(quote?.borrowed ?? 0)
            issues.append(issue)
        }
        columns = ProgramMarket(assetCount: policy.assets.count, inputs: [
            .price: price, .quotedPrice: quoted, .vol: vol, .utilization: utilization, .supplied: supplied,
            .borrowed: borrowed,
        ])
        self.issues = issues
    }

    static func issue(_ asset: String, _ quote: AssetQuote?, market: MarketSnapshot,
                      oracle: OracleSettings) -> MarketIssue? {
        let rule = oracle.stalePrice
        guard let quote else { return MarketIssue(asset: asset, reason: .missingAsset, outcome: rule == .keep ? .reject : rule) }
        guard let price = quote.price else {
            return MarketIssue(asset: asset, reason: .missingPrice, outcome: rule == .keep ? .reject : rule)
        }
        if !(price > 0) || !price.isFinite {
            return MarketIssue(asset: asset, reason: .invalidPrice(price), outcome: rule == .keep ? .reject : rule)
        }
        let limit = oracle.maxPriceAge * 31_536_000
        if let asOf = market.asOf, let time = quote.priceTime, limit.isFinite {
            let age = asOf.secondsSinceEpoch - time.secondsSinceEpoch
            if age > limit { return MarketIssue(asset: asset, reason: .stale(ageSeconds: age, maxSeconds: limit), outcome: rule) }
        }
        return nil
    }
}
