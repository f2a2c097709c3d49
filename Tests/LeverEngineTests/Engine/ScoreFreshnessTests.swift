import Testing
import LeverCheck
import LeverCompile
import LeverSyntax
@testable import LeverEngine

/// Reputation with provenance: a score (and an attribute the tiers read) carries its as-of time
/// and source; the policy's `reputation` block says how old it may be and what a stale, undated
/// or missing one means. Every case is worked by hand against the market's as_of,
/// 2026-11-25T12:00:00Z, and `max_score_age = 30 days`.
struct ScoreFreshnessTests {
    /// Two scores combined in a unique-hit table (the checker proves it has no gap or overlap
    /// over the declared ranges), and a downgrade to Watch for a stale one.
    static func policy(stale: String = "Watch", age: String = "max_score_age = 30 days") -> String {
        """
        policy "Credit" version "1"
        input account.score in [0, 1000]
        input account.rating in [0, 100]
        class stable { haircut = 2%; liquidation_threshold = 90% }
        asset USDC : stable
        margin { liquidate when health < 1 }
        tiers by account.score, account.rating {
          [800, 1000], [60, 100] -> Prime { credit_line = 1M USD }
          [800, 1000], [0, 60)   -> Core  { credit_line = 250k USD }
          [500, 800),  [0, 100]  -> Basic { credit_line = 50k USD }
          [0, 500),    [0, 100]  -> Watch { credit_line = 0 USD }
        }
        reputation {
          \(age)
          stale_score = \(stale)
        }
        measure line per account = tier.credit_line
        """
    }

    static let market = """
    {"as_of": "2026-11-25T12:00:00Z", "assets": {"USDC": {"price": 1, "vol": 0.01}}}
    """

    /// One account holding 100k USDC and owing 95k USDC, with the given score and rating
    /// members: healthy only with its credit line (90k of collateral value against 95k of debt).
    static func book(_ accounts: [(id: String, members: String)]) -> String {
        let positions = #"[{"asset": "USDC", "quantity": 100000}, {"asset": "USDC", "quantity": -95000}]"#
        let rows = accounts.map { #"{"id": "\#($0.id)", \#($0.members), "positions": \#(positions)}"# }
        return #"{"accounts": [\#(rows.joined(separator: ",\n"))]}"#
    }

    static func tier(_ r: Report, _ id: String) -> ReportValue? { r.value("tier", account: id) }

    @Test func theTwoScoresStillProveTheirTable() {
        let checked = Checker.check(source: Self.policy(), path: "credit.lever")
        #expect(!checked.diagnostics.contains { $0.severity != .note }, "\(checked.diagnostics.map(\.message))")
        // A gap (ratings in [60, 70) of a score of 800 or more match no row) and an overlap are
        // still found over the two columns.
        let gap = Self.policy().replacingOccurrences(of: "[800, 1000], [0, 60)", with: "[800, 1000], [0, 50)")
        #expect(Checker.check(source: gap, path: "credit.lever").diagnostics.map(\.code).contains("L0409"))
        let overlap = Self.policy().replacingOccurrences(of: "[500, 800),  [0, 100]", with: "[500, 850),  [0, 100]")
        #expect(Checker.check(source: overlap, path: "credit.lever").diagnostics.contains { $0.severity == .error })
    }

    @Test func aFreshScoreSelectsItsTierWithNothingToSay() throws {
        // Score 905 as of 2026-11-20 (5.5 days old), rating 72 as of 2026-11-01 (24.5 days).
        let r = try InlineEvaluation.report(policy: Self.policy(), market: Self.market, book: Self.book([
            ("fresh", #""score": {"value": 905, "time": "2026-11-20T00:00:00Z", "source": "chainscore"}, "attributes": {"rating": {"value": 72, "time": "2026-11-01T00:00:00Z", "source": "S&P"}}"#),
        ]))
        #expect(Self.tier(r, "fresh") == .label("Prime"))
        #expect(r.value("line", account: "fresh") == .number(1_000_000))
        #expect(r.accounts[0].notes.isEmpty)
    }

    @Test func aStaleScoreDowngradesWithANoteNamingItsAsOfTime() throws {
        // Score as of 2026-10-01T00:00:00Z: 55 days and 12 hours before as_of = 55.5 days > 30.
        let r = try InlineEvaluation.report(policy: Self.policy(), market: Self.market, book: Self.book([
            ("stale", #""score": {"value": 905, "time": "2026-10-01T00:00:00Z", "source": "chainscore"}, "attributes": {"rating": {"value": 72, "time": "2026-11-20T00:00:00Z"}}"#),
        ]), path: "credit.lever")
        #expect(Self.tier(r, "stale") == .label("Watch"))
        #expect(r.value("line", account: "stale") == .number(0))
        let notes = r.accounts[0].notes
        #expect(notes.count == 1)
        #expect(notes.first?.severity == .warning)
        #expect(notes.first?.message == "account.score (905, from chainscore) is as of 2026-10-01T00:00:00Z, 55.5 days before the market's as_of 2026-11-25T12:00:00Z, older than `max_score_age` (30 days, credit.lever:14): the account is put in tier Watch (`stale_score = Watch`)")
    }

    @Test func exactlyAtTheLimitIsStillFresh() throws {
        // 2026-10-26T12:00:00Z is exactly 30 days before as_of: not older than the limit.
        let r = try InlineEvaluation.report(policy: Self.policy(), market: Self.market, book: Self.book([
            ("edge", #""score": {"value": 905, "time": "2026-10-26T12:00:00Z"}, "attributes": {"rating": {"value": 72, "time": "2026-10-26T12:00:00Z"}}"#),
            ("past", #""score": {"value": 905, "time": "2026-10-26T11:59:59Z"}, "attributes": {"rating": {"value": 72, "time": "2026-10-26T12:00:00Z"}}"#),
        ]), path: "credit.lever")
        #expect(Self.tier(r, "edge") == .label("Prime"))
        #expect(Self.tier(r, "past") == .label("Watch"))
    }

    @Test func aStaleAttributeTheTiersReadDowngradesToo() throws {
        // The rating has no time: its age cannot be held to the limit, so it is not trusted.
        let r = try InlineEvaluation.report(policy: Self.policy(), market: Self.market, book: Self.book([
            ("undated", #""score": {"value": 905, "time": "2026-11-20T00:00:00Z"}, "attributes": {"rating": 72}"#),
        ]), path: "credit.lever")
        #expect(Self.tier(r, "undated") == .label("Watch"))
        #expect(r.accounts[0].notes.map(\.message) == [
            "account.rating (72) has no as-of time, so its age cannot be held to `max_score_age` (30 days, credit.lever:14): the account is put in tier Watch (`stale_score = Watch`)",
        ])
    }

    @Test func aMissingOrFutureScoreIsNotTrusted() throws {
        let r = try InlineEvaluation.report(policy: Self.policy(), market: Self.market, book: Self.book([
            ("missing", #""attributes": {"rating": {"value": 72, "time": "2026-11-20T00:00:00Z"}}"#),
            ("null", #""score": null, "attributes": {"rating": {"value": 72, "time": "2026-11-20T00:00:00Z"}}"#),
            // A day after as_of: beyond the default one-minute clock skew.
            ("future", #""score": {"value": 905, "time": "2026-11-26T12:00:00Z"}, "attributes": {"rating": {"value": 72, "time": "2026-11-20T00:00:00Z"}}"#),
        ]), path: "credit.lever")
        for id in ["missing", "null", "future"] { #expect(Self.tier(r, id) == .label("Watch"), "\(id)") }
        #expect(r.accounts[0].notes.first?.message == "account.score is missing: the account is put in tier Watch (`stale_score = Watch`)")
        #expect(r.accounts[2].notes.first?.message.contains("is as of 2026-11-26T12:00:00Z, 1 day after the market's as_of") == true)
    }

    @Test func unvaluedLeavesTheAccountUnvaluedAndSaysWhy() throws {
        let r = try InlineEvaluation.report(policy: Self.policy(stale: "unvalued"), market: Self.market, book: Self.book([
            ("stale", #""score": {"value": 905, "time": "2026-10-01T00:00:00Z", "source": "chainscore"}, "attributes": {"rating": {"value": 72, "time": "2026-11-20T00:00:00Z"}}"#),
            ("fresh", #""score": {"value": 905, "time": "2026-11-20T00:00:00Z"}, "attributes": {"rating": {"value": 72, "time": "2026-11-20T00:00:00Z"}}"#),
        ]), path: "credit.lever")
        // The credit line is part of health: with no tier, the account cannot be valued.
        #expect(r.value("status", account: "stale") == .label("unvalued"))
        #expect(r.value("status", account: "fresh") == .label("healthy"))
        let notes = r.accounts[0].notes.map(\.message)
        #expect(notes.contains { $0.contains("account.score (905, from chainscore) is as of 2026-10-01T00:00:00Z") && $0.contains("not valued") })
    }

    @Test func aScoreMayHaveItsOwnAge() throws {
        // The rating is reviewed quarterly: 90 days for it, 30 for the on-chain score. A rating
        // 55.5 days old is fresh under its own limit; at 91 days it is not.
        let policy = Self.policy(age: "max_score_age = 30 days\n  max_rating_age = 90 days")
        let r = try InlineEvaluation.report(policy: policy, market: Self.market, book: Self.book([
            ("quarterly", #""score": {"value": 905, "time": "2026-11-20T00:00:00Z"}, "attributes": {"rating": {"value": 72, "time": "2026-10-01T00:00:00Z"}}"#),
            ("overdue", #""score": {"value": 905, "time": "2026-11-20T00:00:00Z"}, "attributes": {"rating": {"value": 72, "time": "2026-08-26T12:00:00Z"}}"#),
        ]), path: "credit.lever")
        #expect(Self.tier(r, "quarterly") == .label("Prime"))
        #expect(Self.tier(r, "overdue") == .label("Watch"))
        #expect(r.accounts[1].notes.first?.message == "account.rating (72) is as of 2026-08-26T12:00:00Z, 91 days before the market's as_of 2026-11-25T12:00:00Z, older than `max_rating_age` (90 days, credit.lever:15): the account is put in tier Watch (`stale_score = Watch`)")
    }

    @Test func theChecksOfTheBlock() {
        func codes(_ block: String, tiers: Bool = true) -> [String] {
            var policy = Self.policy().replacingOccurrences(of: "reputation {\n  max_score_age = 30 days\n  stale_score = Watch\n}", with: block)
            if !tiers {
                policy = policy.replacingOccurrences(of: "measure line per account = tier.credit_line", with: "")
                let start = policy.range(of: "tiers by")!.lowerBound, end = policy.range(of: "\n}\n", range: start..<policy.endIndex)!.upperBound
                policy.removeSubrange(start..<end)
            }
            return Checker.check(source: policy, path: "credit.lever").diagnostics.filter { $0.severity != .note }.map(\.code)
        }
        #expect(codes("reputation { max_score_age = 30 days; stale_score = unvalued }") == [])
        #expect(codes("reputation { max_rating_age = 90 days }") == [])
        // A score the tiers do not read has no age of its own to set.
        #expect(!codes("reputation { max_region_age = 90 days }").isEmpty)
        #expect(!codes("reputation { max_score_age = 30 }").isEmpty)  // a duration, not a number
        #expect(!codes("reputation { stale_score = Wtach }").isEmpty)
        #expect(codes("reputation { stale_score = Watch }", tiers: false) == ["L0233"])
        #expect(codes("reputation { stale_score = unvalued }", tiers: false) == [])
    }

    /// Found in review: a score read through a measure is held too; a future-dated score is
    /// refused with no age limit; exactly at a limit of hours is fresh (7 h in years and back is
    /// a hair under 25,200 s); a negative age is an error; a score the tiers do not read is not held.
    @Test func theEdgesAReviewFound() throws {
        let viaMeasure = """
            policy "Credit" version "1"
            input account.score in [0, 1000]
            input account.rating in [0, 100]
            class stable { haircut = 2%; liquidation_threshold = 90% }
            asset USDC : stable
            measure desk_rating per account = clamp(account.rating, 0, 100)
            tiers by account.score, desk_rating hit first {
              >= 800, >= 60 -> Prime { credit_line = 1M USD }
              else, else    -> Watch { credit_line = 0 USD }
            }
            reputation {
              max_score_age = 30 days
              stale_score = Watch
            }
            """
        let r = try InlineEvaluation.report(policy: viaMeasure, market: Self.market, book: Self.book([
            ("old-rating", #""score": {"value": 905, "time": "2026-11-20T00:00:00Z"}, "attributes": {"rating": {"value": 72, "time": "2019-01-01T00:00:00Z"}}"#),
            ("fresh", #""score": {"value": 905, "time": "2026-11-20T00:00:00Z"}, "attributes": {"rating": {"value": 72, "time": "2026-11-20T00:00:00Z"}}"#),
        ]), path: "credit.lever")
        #expect(Self.tier(r, "old-rating") == .label("Watch"))
        #expect(Self.tier(r, "fresh") == .label("Prime"))
        let noAge = try InlineEvaluation.report(policy: Self.policy(age: ""), market: Self.market, book: Self.book([
            ("future", #""score": {"value": 905, "time": "2030-01-01T00:00:00Z"}, "attributes": {"rating": 72}"#),
        ]), path: "credit.lever")
        #expect(Self.tier(noAge, "future") == .label("Watch"))
        let hours = try InlineEvaluation.report(policy: Self.policy(age: "max_score_age = 7 h"), market: Self.market, book: Self.book([
            ("edge", #""score": {"value": 905, "time": "2026-11-25T05:00:00Z"}, "attributes": {"rating": {"value": 72, "time": "2026-11-25T05:00:00Z"}}"#),
            ("past", #""score": {"value": 905, "time": "2026-11-25T04:59:59Z"}, "attributes": {"rating": {"value": 72, "time": "2026-11-25T05:00:00Z"}}"#),
        ]), path: "credit.lever")
        #expect(Self.tier(hours, "edge") == .label("Prime"))
        #expect(Self.tier(hours, "past") == .label("Watch"))
        // One second past 7 h would read "7 h … older than 7 h" rounded: it says the seconds.
        #expect(hours.accounts[1].notes.first?.message.contains("25201 s (the limit is 25200 s) before") == true, "\(hours.accounts[1].notes)")
        let negative = Checker.check(source: Self.policy(age: "max_score_age = -1 day"), path: "credit.lever")
        #expect(negative.diagnostics.map(\.code).contains("L0237"))
        // Tiers by the rating alone: a book without scores is not downgraded for lacking one.
        let ratingOnly = """
            policy "Rating" version "1"
            input account.rating in [0, 100]
            class stable { haircut = 2%; liquidation_threshold = 90% }
            asset USDC : stable
            tiers by account.rating {
              [60, 100] -> Good { credit_line = 1M USD }
              [0, 60)   -> Watch { credit_line = 0 USD }
            }
            reputation { stale_score = Watch }
            """
        let rr = try InlineEvaluation.report(policy: ratingOnly, market: Self.market, book: Self.book([("no-score", #""attributes": {"rating": 72}"#)]))
        #expect(Self.tier(rr, "no-score") == .label("Good"))
    }

    @Test func withoutAnAgeOnlyAMissingScoreIsStale() throws {
        let r = try InlineEvaluation.report(policy: Self.policy(age: ""), market: Self.market, book: Self.book([
            ("old", #""score": {"value": 905, "time": "2020-01-01T00:00:00Z"}, "attributes": {"rating": 72}"#),
            ("missing", #""attributes": {"rating": 72}"#),
        ]), path: "credit.lever")
        #expect(Self.tier(r, "old") == .label("Prime"))
        #expect(Self.tier(r, "missing") == .label("Watch"))
    }

    @Test func aMarketWithoutAsOfCannotJudgeAnAge() throws {
        let market = #"{"assets": {"USDC": {"price": 1, "vol": 0.01}}}"#
        let r = try InlineEvaluation.report(policy: Self.policy(), market: market, book: Self.book([
            ("a", #""score": {"value": 905, "time": "2026-11-20T00:00:00Z"}, "attributes": {"rating": {"value": 72, "time": "2026-11-20T00:00:00Z"}}"#),
        ]), path: "credit.lever")
        #expect(Self.tier(r, "a") == .label("Watch"))
        #expect(r.accounts[0].notes.first?.message.hasPrefix("the market snapshot has no `as_of`, so the age of account.score (905)") == true)
    }

    @Test func aPolicyWithoutTheBlockTreatsAMissingScoreAsUndefined() throws {
        let policy = Self.policy().replacingOccurrences(of: "reputation {\n  max_score_age = 30 days\n  stale_score = Watch\n}\n", with: "")
        #expect(!policy.contains("reputation"))
        let r = try InlineEvaluation.report(policy: policy, market: Self.market, book: Self.book([
            ("missing", #""attributes": {"rating": 72}"#),
        ]))
        #expect(Self.tier(r, "missing") == .undefined)
        #expect(r.value("status", account: "missing") == .label("unvalued"))
    }

    @Test func provenanceIsReadAndKeptWithTheAccount() throws {
        let book = Self.book([("p", #""score": {"value": 905, "time": "2026-11-20T00:00:00Z", "source": "chainscore"}, "attributes": {"desk": {"value": "macro", "source": "crm"}}"#)])
        let loaded = try #require(BookLoader.load(SourceFile(id: 2, path: "book.json", text: book)).value)
        let account = try #require(loaded.account(id: "p"))
        #expect(account.score == 905)
        #expect(account.attributes["desk"] == .string("macro"))
        #expect(account.provenance["score"] == ValueProvenance(time: Timestamp(iso8601: "2026-11-20T00:00:00Z"), source: "chainscore"))
        #expect(account.provenance["desk"] == ValueProvenance(time: nil, source: "crm"))
    }

    @Test func aMalformedScoreIsAnErrorAtItsPath() throws {
        let book = Self.book([("bad", #""score": {"value": 905, "time": "yesterday"}"#), ("nov", #""score": {"time": "2026-11-20T00:00:00Z"}"#)])
        let result = BookLoader.load(SourceFile(id: 2, path: "book.json", text: book))
        let messages = result.diagnostics.map { "\($0.code) \($0.message) \($0.notes)" }
        #expect(messages.contains { $0.contains("accounts[0].score.time") }, "\(messages)")
        #expect(messages.contains { $0.contains("accounts[1].score") && $0.contains("value") }, "\(messages)")
    }
}
