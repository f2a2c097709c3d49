import Testing
import LeverCheck
import LeverEngine
import LeverTesting

/// `guard … every 3 days`: a guarded parameter changes at most once in the period, judged
/// against the approved changes the committee's records list, and never unseen.
struct GuardFrequencyTests {
    static func policy(ltv: String, guards: String = "guard ltv moves at most 10% every 3 days") -> CheckResult {
        Checker.check(source: """
            class crypto { ltv = 70%; liquidation_threshold = 80% }
            asset ETH : crypto { ltv = \(ltv) }
            asset BTC : crypto
            \(guards)
            """, path: "Rules/p.lever")
    }

    static func time(_ text: String) -> Timestamp { Timestamp(iso8601: text)! }

    static func history(lastETH: String?, now: String) -> GuardHistory {
        let changes = lastETH.map { [GuardHistory.Change(parameter: "asset ETH: ltv", approvedAt: time($0), source: "approvals/a.json")] } ?? []
        return GuardHistory(changes: changes, now: time(now))
    }

    @Test func theMovedParametersAreNamedForTheRecord() {
        #expect(Guardrails.moves(old: Self.policy(ltv: "70%"), new: Self.policy(ltv: "75%")) == ["asset ETH: ltv"])
        #expect(Guardrails.moves(old: Self.policy(ltv: "70%"), new: Self.policy(ltv: "70%")) == [])
    }

    @Test func aChangeWithinThePeriodIsRefused() throws {
        let found = Guardrails.check(old: Self.policy(ltv: "70%"), new: Self.policy(ltv: "75%"),
                                     history: Self.history(lastETH: "2026-12-05T10:00:00Z", now: "2026-12-07T10:00:00Z"))
        let violation = try #require(found.first)
        #expect(found.count == 1)
        #expect(violation.kind == .tooSoon)
        #expect(violation.message == "asset ETH: ltv last changed at 2026-12-05T10:00:00Z (approvals/a.json); the guard declared at "
                    + "Rules/p.lever:4 allows one change every 3 days: the next from 2026-12-08T10:00:00Z")
    }

    /// Exactly the period later is allowed; a change of another parameter does not count.
    @Test func aChangeAfterThePeriodPasses() {
        let old = Self.policy(ltv: "70%"), new = Self.policy(ltv: "75%")
        #expect(Guardrails.check(old: old, new: new, history: Self.history(lastETH: "2026-12-05T10:00:00Z", now: "2026-12-08T10:00:00Z")).isEmpty)
        #expect(Guardrails.check(old: old, new: new, history: Self.history(lastETH: nil, now: "2026-12-06T10:00:00Z")).isEmpty)
        let other = GuardHistory(changes: [GuardHistory.Change(parameter: "asset BTC: ltv", approvedAt: Self.time("2026-12-06T00:00:00Z"),
                                                               source: "b.json")], now: Self.time("2026-12-06T10:00:00Z"))
        #expect(Guardrails.check(old: old, new: new, history: other).isEmpty)
    }

    /// Fail closed: with no history nobody can tell, so a change of a debounced parameter fails;
    /// an unchanged one needs none.
    @Test func withoutHistoryAChangeIsRefused() throws {
        let found = Guardrails.check(old: Self.policy(ltv: "70%"), new: Self.policy(ltv: "75%"))
        #expect(found.map(\.kind) == [.tooSoon])
        #expect(try #require(found.first).message.contains("without the change history"))
        #expect(Guardrails.check(old: Self.policy(ltv: "70%"), new: Self.policy(ltv: "70%")).isEmpty)
        #expect(Guardrails.check(old: Self.policy(ltv: "70%", guards: "guard ltv moves at most 10%"),
                                 new: Self.policy(ltv: "75%")).isEmpty, "no `every`, no history needed")
    }

    /// The cap still binds: a move beyond it is `exceeded`, whatever the history.
    @Test func theCapStillBinds() {
        let found = Guardrails.check(old: Self.policy(ltv: "70%"), new: Self.policy(ltv: "85%"),
                                     history: Self.history(lastETH: nil, now: "2026-12-07T10:00:00Z"))
        #expect(found.map(\.kind) == [.exceeded])
    }

    @Test func thePeriodIsAPositiveDuration() {
        let refused = Checker.check(source: "class c { ltv = 70% }\nguard ltv moves at most 10% every 3", path: "p.lever")
        #expect(refused.diagnostics.map(\.code) == ["L0339"])
        let negative = Checker.check(source: "class c { ltv = 70% }\nguard ltv moves at most 10% every -1 day", path: "p.lever")
        #expect(negative.diagnostics.map(\.code) == ["L0339"])
        #expect(Checker.check(source: "class c { ltv = 70% }\nguard ltv moves at most 10% every 12 h", path: "p.lever").diagnostics.isEmpty)
    }
}
