import Testing
@testable import LeverREPL

@Suite struct CompletionTests {
    let completion = Completion(policyNames: ["BTC", "borrow_rate", "borrowing_power", "crash", "major"],
                                accountIDs: ["fund-aurora", "fund-borealis"])

    @Test func commandsAfterColon() {
        #expect(completion.candidates(":re", cursor: 3) == [":reload", ":remedy", ":reset"])
        #expect(completion.candidates(":", cursor: 1).count == ReplCommandParser.names.count)
    }

    @Test func policyNamesAndFieldsArePrefixFilteredAndSorted() {
        #expect(completion.candidates("2 * borrow", cursor: 10) == ["borrow_rate", "borrowed", "borrowing_power"])
        #expect(completion.candidates("ma", cursor: 2) == ["maintenance", "maintenance_requirement", "maintenance_weight", "major", "margin_ratio", "market_value", "max_price_age"])
    }

    @Test func accountIdsAfterACommand() {
        #expect(completion.candidates(":explain fund-b", cursor: 15) == ["fund-borealis"])
        #expect(completion.candidates(":eval fund", cursor: 10) == ["fund-aurora", "fund-borealis"])
        #expect(completion.candidates(":remedy fund-b", cursor: 14) == ["fund-borealis"])
    }

    @Test func cursorLimitsTheWord() {
        #expect(completion.candidates("BT + crash", cursor: 2) == ["BTC"])
    }

    @Test func sessionOffersPolicyNamesAndAccounts() {
        let session = ReplSession(policyPath: "Rules/prime.lever")
        #expect(session.handle(.complete("house", cursor: 5)) == .completions(["house_rate"]))
        #expect(session.handle(.complete("cra", cursor: 3)) == .completions(["crash"]))
        _ = session.handle(.input(":book Rules/sample/book.json"))
        #expect(session.handle(.complete(":eval fund-au", cursor: 13)) == .completions(["fund-aurora"]))
    }
}

@Suite struct CompletionCursorTests {
    @Test func cursorIsAUTF8Offset() {
        let completion = Completion(policyNames: ["crash"], accountIDs: [])
        // "é" is two UTF-8 bytes: the word before offset 7 is "cr".
        #expect(completion.candidates("é + cr", cursor: 7) == ["crash"])
    }

    @Test func memberCompletesTheFieldAfterTheDot() {
        var completion = Completion(policyNames: ["BTC"], accountIDs: ["BTC.pool-elm"])
        completion.entities = ["BTC", "major"]
        completion.entityMembers = ["price", "pool_share", "vol", "haircut"]
        #expect(completion.candidates("BTC.pr", cursor: 6) == ["BTC.price"])
        // Only what follows an asset: never an account id that starts with its name.
        #expect(completion.candidates("BTC.p", cursor: 5) == ["BTC.pool_share", "BTC.price"])
        #expect(completion.candidates("major.v", cursor: 7) == ["major.vol"])
    }
}

/// Completion by context: a table's fields after its name, a command's own arguments.
@Suite struct CompletionContextTests {
    static var completion: Completion {
        var c = Completion(policyNames: ["tier", "crash", "squeeze", "house_rate"], accountIDs: ["citadel-1", "cobalt"])
        c.tableFields = ["tier": ["credit_line", "haircut_discount"], "leverage_limit": ["max_leverage"]]
        c.scenarios = ["crash", "squeeze"]
        c.curves = ["house_rate"]
        return c
    }

    @Test func aTablesFieldsAfterItsName() {
        #expect(Self.completion.candidates("tier.credit", cursor: 11) == ["tier.credit_line"])
        #expect(Self.completion.candidates("2 * tier.", cursor: 9) == ["tier.credit_line", "tier.haircut_discount"])
        #expect(Self.completion.candidates("leverage_limit.m", cursor: 16) == ["leverage_limit.max_leverage"])
        #expect(Self.completion.candidates("nothing.c", cursor: 9).isEmpty)
    }

    @Test func aCommandsOwnArguments() {
        #expect(Self.completion.candidates(":shock c", cursor: 8) == ["crash"])
        #expect(Self.completion.candidates(":account c", cursor: 10) == ["citadel-1", "cobalt"])
        #expect(Self.completion.candidates(":plot h", cursor: 7) == ["house_rate"])
        #expect(Self.completion.candidates(":market R", cursor: 9).isEmpty)
    }

    @Test func accountIdsOnlyWhereAnAccountIsMeant() {
        #expect(Self.completion.candidates("c", cursor: 1).contains("crash"))
        #expect(!Self.completion.candidates("c", cursor: 1).contains("cobalt"))
    }

    @Test func theSessionKnowsThePolicysTablesAndAssets() {
        let session = ReplSession(policyPath: "Rules/prime.lever")
        #expect(session.handle(.complete("tier.credit", cursor: 11)) == .completions(["tier.credit_line"]))
        #expect(session.handle(.complete(":shock cr", cursor: 9)) == .completions(["crash"]))
        guard case .completions(let members) = session.handle(.complete("BTC.", cursor: 4)) else {
            Issue.record("no completions"); return
        }
        #expect(members.contains("BTC.price") && members.contains("BTC.haircut") && !members.contains("BTC.tier"))
    }
}

/// A misspelt command or scenario is answered with the closest one.
@Suite struct ReplSuggestionTests {
    @Test func aMisspeltCommandGetsTheClosestOne() {
        guard case .failure(let e) = ReplCommandParser.parse(":quti") else { Issue.record("parsed"); return }
        #expect(e.message == "unknown command `:quti` (did you mean `:quit`?); type :help for the list")
    }

    @Test func aMisspeltScenarioGetsTheClosestOne() {
        let session = ReplSession(policyPath: "Rules/prime.lever")
        _ = session.handle(.input(":market Rules/sample/market.json"))
        guard case .diagnostics(let message) = session.handle(.input(":shock crsh")) else { Issue.record("no error"); return }
        #expect(message.contains("no scenario `crsh` in the policy (did you mean `crash`?)"), "\(message)")
    }
}
