import Testing
@testable import LeverREPL

@Suite struct CompletionTests {
    let completion = Completion(policyNames: ["BTC", "borrow_rate", "borrowing_power", "crash", "major"],
                                accountIDs: ["fund-aurora", "fund-borealis"])

    @Test func commandsAfterColon() {
        #expect(completion.candidates(":re", cursor: 3) == [":reload", ":reset"])
        #expect(completion.candidates(":", cursor: 1).count == ReplCommandParser.names.count)
    }

    @Test func policyNamesAndFieldsArePrefixFilteredAndSorted() {
        #expect(completion.candidates("2 * borrow", cursor: 10) == ["borrow_rate", "borrowed", "borrowing_power"])
        #expect(completion.candidates("ma", cursor: 2) == ["maintenance", "maintenance_requirement", "maintenance_weight", "major", "margin_ratio", "market_value", "max_price_age"])
    }

    @Test func accountIdsAfterACommand() {
        #expect(completion.candidates(":explain fund-b", cursor: 15) == ["fund-borealis"])
        #expect(completion.candidates(":eval fund", cursor: 10) == ["fund-aurora", "fund-borealis"])
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
        let completion = Completion(policyNames: ["BTC"], accountIDs: [])
        #expect(completion.candidates("BTC.pr", cursor: 6) == ["price"])
    }
}
