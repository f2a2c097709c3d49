import LeverCompile
import LeverSyntax

/// Why an asset's market data could not be used as given.
public struct MarketIssue: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        case missingAsset
        case missingPrice
        case invalidPrice(Double)
        case stale(ageSeconds: Double, maxSeconds: Double)
        /// Timestamped after the snapshot's `as_of` by more than the oracle's `max_clock_skew`:
        /// a price from the future is no quote (and would never go stale).
        case future(aheadSeconds: Double, toleranceSeconds: Double)
        /// Outside a range the policy declares (`input price in (0 USD, 10M USD]`): the checks
        /// proved over that range do not cover it, so it is not used (`DeclaredInputRange`).
        /// `input` is the market input (`price`, `vol`, …); only a price is a quote.
        case outsideDeclaredRange(input: AssetInput, value: Double, why: String)
        /// A name in the asset's `inputs` that the policy declares no input for: never read, so
        /// said (a misspelt `adv_30d` would otherwise leave the declared one undefined unseen).
        case undeclaredInput(name: String, suggestion: String?)
        /// A market input other than the price observed longer ago than the oracle's
        /// `max_input_age` (by its own time or the asset's `inputs_time`): undefined.
        case staleInput(input: AssetInput, ageSeconds: Double, maxSeconds: Double)
        /// A market input timestamped after `as_of` by more than `max_clock_skew`: undefined.
        case futureInput(input: AssetInput, aheadSeconds: Double, toleranceSeconds: Double)

        /// The `price_status` code policies read (`WordCode`: fresh 0, stale 1, missing 2,
        /// invalid 3, future 4); a price with no issue is `fresh`.
        var statusCode: Double {
            switch self {
            case .stale: 1
            case .missingAsset, .missingPrice: 2
            case .invalidPrice, .outsideDeclaredRange: 3
            case .future: 4
            // Not about the price (only price issues set `price_status`).
            case .undeclaredInput, .staleInput, .futureInput: 0
            }
        }
    }
    public var asset: String
    public var reason: Reason
    /// What the policy's oracle rule made of it.
    public var outcome: OracleSettings.StalePrice

    /// The quote is not a usable price at all (missing, zero, negative, not a number, from the
    /// future), as opposed to a stale one, which is a real price, only old.
    public var isInvalidQuote: Bool {
        switch reason {
        case .missingAsset, .missingPrice, .invalidPrice, .future: true
        case .outsideDeclaredRange(let input, _, _): input == .price
        case .stale, .undeclaredInput, .staleInput, .futureInput: false
        }
    }

    /// The market input the issue is about, when it is one declared out of range.
    public var input: AssetInput? {
        switch reason {
        case .outsideDeclaredRange(let input, _, _): input
        case .undeclaredInput(let name, _): AssetInput(rawValue: name)
        case .staleInput(let input, _, _), .futureInput(let input, _, _): input
        default: nil
        }
    }

    /// The issue is about the price (and the oracle rule applies), not another market input.
    public var isAboutPrice: Bool {
        switch reason {
        case .outsideDeclaredRange(let input, _, _): input == .price
        case .undeclaredInput, .staleInput, .futureInput: false
        default: true
        }
    }

    /// What is wrong with the quote: `price is 7200 s old (limit 3600 s)`.
    public var reasonText: String {
        switch reason {
        case .missingAsset: "not in the market snapshot"
        case .missingPrice: "no price"
        case .invalidPrice(let p): p.isNaN ? "price is not a number" : "price \(p) is not positive"
        case .stale(let age, let limit): "price is \(Int(age)) s old (limit \(Int(limit)) s)"
        case .future(let ahead, let tolerance):
            "price is \(NumberText.fixed(ahead, decimals: 0, grouped: true)) s in the future "
                + "(tolerance \(NumberText.fixed(tolerance, decimals: 0, grouped: true)) s)"
        case .outsideDeclaredRange(_, _, let why): why
        case .staleInput(let input, let age, let limit):
            "\(input.rawValue) is \(NumberText.fixed(age, decimals: 0, grouped: true)) s old "
                + "(limit \(NumberText.fixed(limit, decimals: 0, grouped: true)) s, the oracle's max_input_age)"
        case .futureInput(let input, let ahead, let tolerance):
            "\(input.rawValue) is \(NumberText.fixed(ahead, decimals: 0, grouped: true)) s in the future "
                + "(tolerance \(NumberText.fixed(tolerance, decimals: 0, grouped: true)) s)"
        case .undeclaredInput(let name, let suggestion):
            "`\(name)` in `inputs` is no input the policy declares" + (suggestion.map { " (did you mean `\($0)`?)" } ?? "")
        }
    }

    /// One line for reports: `BTC: price is 7200 s old (limit 3600 s); counted at 0 as
    /// collateral, debts at the quoted price`.
    public var message: String {
        let what = reasonText
        if case .undeclaredInput = reason { return "\(asset): \(what); not read" }
        guard isAboutPrice else { return "\(asset): \(what); undefined wherever the policy reads it" }
        let rule: String
        let quoted = !isInvalidQuote
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
    /// Per policy asset: the issue with its price, if any.
    var issues: [MarketIssue?]
    /// Market inputs other than the price that lie outside a declared range, each made undefined.
    var inputIssues: [MarketIssue] = []

    /// Every issue, price issues first, for reports.
    var allIssues: [MarketIssue] { issues.compactMap { $0 } + inputIssues }

    init(policy: CompiledPolicy, market: MarketSnapshot) {
        var price = [Double](), quoted = [Double](), vol = [Double](), utilization = [Double](), supplied = [Double](), borrowed = [Double]()
        var rate = [Double](), yield = [Double](), status = [Double]()
        var unbacked = [Double](), mark = [Double](), funding = [Double](), openInterest = [Double](), volume = [Double](), close = [Double]()
        var issues = [MarketIssue?]()
        for (a, asset) in policy.assets.enumerated() {
            let quote = market[asset]
            let issue = Self.issue(asset, quote, market: market, oracle: policy.oracle, maxPriceAge: policy.oracle.maxPriceAge(asset: a),
                                   priceRanges: policy.inputRanges.filter { $0.applies(to: .price, asset: asset) })
            var p = quote?.price ?? .nan
            if let issue, issue.outcome != .keep { p = issue.outcome == .zero ? 0 : .nan }
            price.append(p)
            // The quote debts and derivatives are valued at: a stale one stands (a stale feed never
            // writes down what is owed); a zero, negative or non-numeric one is no quote at all.
            quoted.append(issue?.outcome == .reject || issue?.isInvalidQuote == true ? .nan : (quote?.price ?? .nan))
            vol.append(quote?.vol ?? .nan)
            utilization.append(quote?.utilization(emptyPool: policy.oracle.emptyPoolUtilization) ?? 0)
            supplied.append(quote?.supplied ?? 0)
            borrowed.append(quote?.borrowed ?? 0)
            unbacked.append(quote?.unbacked ?? 0)
            status.append(issue?.reason.statusCode ?? 0)
            // A perpetual is marked at its own price when the feed gives one, else at the quote.
            mark.append(quote?.perp.markPrice ?? quoted.last ?? .nan)
            funding.append(quote?.perp.fundingRate ?? .nan)
            openInterest.append(quote?.perp.openInterest ?? .nan)
            volume.append(quote?.perp.volume ?? .nan)
            close.append(quote?.perp.previousClose ?? .nan)
            let carry = market.carry(quote)
            rate.append(carry.rate)
            yield.append(carry.dividendYield)
            issues.append(issue)
        }
        var inputs: [AssetInput: [Double]] = [
            .price: price, .quotedPrice: quoted, .vol: vol, .utilization: utilization, .supplied: supplied,
            .borrowed: borrowed, .riskFreeRate: rate, .dividendYield: yield, .priceStatus: status,
            .markPrice: mark, .fundingRate: funding, .openInterest: openInterest, .volume: volume, .previousClose: close, .unbacked: unbacked,
        ]
        // Declared inputs: each asset's value from its `inputs`, undefined where absent.
        let declared = policy.declaredMarketInputs
        for input in declared {
            inputs[input] = policy.assets.map { market[$0]?.inputs[input.rawValue] ?? .nan }
        }
        let names = declared.map(\.rawValue)
        for asset in policy.assets {
            guard let given = market[asset]?.inputs else { continue }
            for name in given.keys.sorted() where !names.contains(name) {
                inputIssues.append(MarketIssue(asset: asset, reason: .undeclaredInput(name: name, suggestion: Suggestion.closest(to: name, in: names)),
                                               outcome: policy.oracle.stalePrice))
            }
        }
        inputIssues += Self.enforce(policy.inputRanges, on: &inputs, assets: policy.assets, rule: policy.oracle.stalePrice)
        inputIssues += Self.enforceAges(policy.oracle, on: &inputs, declared: declared, assets: policy.assets, market: market)
        columns = ProgramMarket(assetCount: policy.assets.count, inputs: inputs)
        self.issues = issues
    }

    /// Makes every market input other than the price that lies outside a range the policy
    /// declares for it undefined, and says so. (A price out of range is an issue of the quote,
    /// found with the others in `issue`, so the oracle rule applies to it.)
    static func enforce(_ ranges: [DeclaredInputRange], on inputs: inout [AssetInput: [Double]], assets: [String],
                        rule: OracleSettings.StalePrice) -> [MarketIssue] {
        var found: [MarketIssue] = []
        for range in ranges {
            guard case .market(let input, _) = range.target, input != .price, var column = inputs[input] else { continue }
            for (a, asset) in assets.enumerated() where range.applies(to: input, asset: asset) && range.excludes(column[a]) {
                found.append(MarketIssue(asset: asset, reason: .outsideDeclaredRange(
                    input: input, value: column[a], why: range.reason(column[a], name: input.rawValue)), outcome: rule))
                column[a] = .nan
            }
            inputs[input] = column
        }
        return found
    }

    /// The market inputs other than the price whose age the oracle's `max_input_age` holds:
    /// the perpetual fields (a given mark; one that falls back to the quote follows the price's
    /// rules) and the declared ones. `previous_close` is old by definition and is not held.
    static let agedInputs: [AssetInput] = [.markPrice, .fundingRate, .openInterest, .volume]

    /// Makes every market input observed longer ago than `max_input_age`, or further after
    /// `as_of` than `max_clock_skew`, undefined, and says so. Without `as_of`, or a time for the
    /// input, its age cannot be judged and it is used.
    static func enforceAges(_ oracle: OracleSettings, on inputs: inout [AssetInput: [Double]], declared: [AssetInput],
                            assets: [String], market: MarketSnapshot) -> [MarketIssue] {
        guard let asOf = market.asOf else { return [] }
        let limit = oracle.maxInputAge * 31_536_000, skew = oracle.maxClockSkew * 31_536_000
        var found: [MarketIssue] = []
        for input in agedInputs + declared {
            guard var column = inputs[input] else { continue }
            for (a, asset) in assets.enumerated() {
                guard let quote = market[asset], let time = quote.observed(input.rawValue), !column[a].isNaN,
                      input != .markPrice || quote.perp.markPrice != nil else { continue }
                let age = asOf.secondsSinceEpoch - time.secondsSinceEpoch
                let reason: MarketIssue.Reason
                if -age > skew {
                    reason = .futureInput(input: input, aheadSeconds: -age, toleranceSeconds: skew)
                } else if limit.isFinite, age > limit {
                    reason = .staleInput(input: input, ageSeconds: age, maxSeconds: limit)
                } else { continue }
                found.append(MarketIssue(asset: asset, reason: reason, outcome: oracle.stalePrice))
                column[a] = .nan
            }
            inputs[input] = column
        }
        return found
    }

    static func issue(_ asset: String, _ quote: AssetQuote?, market: MarketSnapshot,
                      oracle: OracleSettings, maxPriceAge: Double, priceRanges: [DeclaredInputRange] = []) -> MarketIssue? {
        let rule = oracle.stalePrice
        guard let quote else { return MarketIssue(asset: asset, reason: .missingAsset, outcome: rule == .keep ? .reject : rule) }
        guard let price = quote.price else {
            return MarketIssue(asset: asset, reason: .missingPrice, outcome: rule == .keep ? .reject : rule)
        }
        if !(price > 0) || !price.isFinite {
            return MarketIssue(asset: asset, reason: .invalidPrice(price), outcome: rule == .keep ? .reject : rule)
        }
        if let range = priceRanges.first(where: { $0.excludes(price) }) {
            // Not a price the policy was checked for: like an invalid one, `keep` cannot keep it.
            return MarketIssue(asset: asset, reason: .outsideDeclaredRange(input: .price, value: price, why: range.reason(price, name: "price")),
                               outcome: rule == .keep ? .reject : rule)
        }
        // Without `as_of` (or a price time) neither staleness nor a future time can be judged.
        guard let asOf = market.asOf, let time = quote.priceTime else { return nil }
        let age = asOf.secondsSinceEpoch - time.secondsSinceEpoch
        // Checked before staleness: a price from the future is never merely old. `keep` cannot
        // keep it: it is no price at all, like a missing one.
        let skew = oracle.maxClockSkew * 31_536_000
        if -age > skew {
            return MarketIssue(asset: asset, reason: .future(aheadSeconds: -age, toleranceSeconds: skew),
                               outcome: rule == .keep ? .reject : rule)
        }
        let limit = maxPriceAge * 31_536_000
        if limit.isFinite, age > limit {
            return MarketIssue(asset: asset, reason: .stale(ageSeconds: age, maxSeconds: limit), outcome: rule)
        }
        return nil
    }
}
