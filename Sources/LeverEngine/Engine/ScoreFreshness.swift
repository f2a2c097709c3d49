import LeverCompile

/// Holds an account's scores to the policy's `reputation` rules (`ReputationRules`): which are
/// stale, undated or missing at the market's `as_of`, and why, in words that name the score's
/// as-of time and source, so a downgraded or unvalued account says what its tier rests on.
///
/// The book adapter reads a stale score as undefined and, when the rules name a tier, puts the
/// account in it; the account's notes say why, and so does the cause of any value left undefined.
struct ScoreFreshness {
    let rules: ReputationRules
    let asOf: Timestamp?
    /// How far after `as_of` a score may be dated (the oracle's `max_clock_skew`), in seconds.
    let skewSeconds: Double

    init(policy: CompiledPolicy, asOf: Timestamp?) {
        rules = policy.reputation
        self.asOf = asOf
        skewSeconds = policy.oracle.maxClockSkew * Self.secondsPerYear
    }

    private static let secondsPerYear = 31_536_000.0

    /// Whether any account can have a stale score (a policy without a `reputation` block
    /// leaves a missing score to the rule for any undefined input).
    var isActive: Bool { rules.isDeclared }

    /// The account's scores that may not be used, each with why (in the order the rules list
    /// them); empty for the usual account.
    func stale(score: Double, attributes: [String: AttributeValue], provenance: [String: ValueProvenance])
        -> [(score: ReputationRules.Score, why: String)] {
        guard isActive else { return [] }
        var found: [(ReputationRules.Score, String)] = []
        for s in rules.scores {
            let value: String?
            switch s.input {
            case .score: value = score.isNaN ? nil : Self.plain(score)
            case .attribute(let name):
                switch attributes[name] {
                case .number(let x)?: value = Self.plain(x)
                case .string(let text)?: value = "\"\(text)\""
                case nil: value = nil
                }
            case .staleTier: continue
            }
            if let why = problem(s, value: value, provenance: provenance[s.key]) { found.append((s, why)) }
        }
        return found
    }

    /// Why one score may not be used, or nil when it may.
    func problem(_ score: ReputationRules.Score, value: String?, provenance: ValueProvenance?) -> String? {
        guard let value else { return "\(score.path) is missing: \(rules.consequence)" }
        let from = provenance?.source.map { ", from \($0)" } ?? ""
        let subject = "\(score.path) (\(value)\(from))"
        // A score from the future is no observation, whatever the age limit.
        if let time = provenance?.time, let asOf, time.secondsSinceEpoch - asOf.secondsSinceEpoch > skewSeconds {
            return "\(subject) is as of \(time), \(Self.duration(time.secondsSinceEpoch - asOf.secondsSinceEpoch)) after the market's as_of \(asOf): "
                + "a score from the future is no observation; \(rules.consequence)"
        }
        // Whole milliseconds: `7 h` in years and back is a hair under 25,200 s, and a score
        // exactly at the limit is fresh.
        let limit = (score.maxAge * Self.secondsPerYear * 1_000).rounded() / 1_000
        guard limit.isFinite else { return nil }
        let rule = "`\(score.ageProperty)` (\(Self.duration(limit)), \(score.ageLocation.isEmpty ? rules.location : score.ageLocation))"
        guard let asOf else {
            return "the market snapshot has no `as_of`, so the age of \(subject) cannot be held to \(rule): \(rules.consequence)"
        }
        guard let time = provenance?.time else {
            return "\(subject) has no as-of time, so its age cannot be held to \(rule): \(rules.consequence)"
        }
        let age = asOf.secondsSinceEpoch - time.secondsSinceEpoch
        guard age > limit else { return nil }
        // Just past the limit, the rounded age would read as the limit itself: say it in seconds.
        let ageText = Self.duration(age) == Self.duration(limit) ? "\(Self.plain(age)) s (the limit is \(Self.plain(limit)) s)" : Self.duration(age)
        return "\(subject) is as of \(time), \(ageText) before the market's as_of \(asOf), older than \(rule): \(rules.consequence)"
    }

    /// `905`, `72.5`: a whole number without a decimal point.
    static func plain(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : NumberText.shortest(x)
    }

    /// `30 days`, `36 h`, `90 s`: the largest unit that reads as a whole or near-whole number.
    static func duration(_ seconds: Double) -> String {
        let days = seconds / 86_400
        if days >= 1, (days - days.rounded()).magnitude < 1e-9 { return Self.plain(days.rounded()) + (days.rounded() == 1 ? " day" : " days") }
        if seconds >= 2 * 86_400 { return Self.plain((seconds / 86_400 * 10).rounded() / 10) + " days" }
        if seconds >= 2 * 3_600 { return Self.plain((seconds / 3_600 * 10).rounded() / 10) + " h" }
        return Self.plain(seconds.rounded()) + " s"
    }
}
