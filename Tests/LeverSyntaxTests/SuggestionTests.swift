import Testing
@testable import LeverSyntax

/// "Did you mean": the bounded search gives the answers the full edit-distance table gave, and
/// hostile names (60,000 letters, thousands of candidates) cost a bounded amount of work.
@Suite struct SuggestionTests {
    /// The optimal-string-alignment distance by the full table, as the search once computed it.
    static func referenceDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    /// The suggestion as the unbounded search made it: nearest, ties alphabetical, within the limit.
    static func referenceClosest(to name: String, in candidates: [String]) -> String? {
        var best: (String, Int)?
        for c in candidates where c != name {
            let d = referenceDistance(name.lowercased(), c.lowercased())
            if best == nil || d < best!.1 || (d == best!.1 && c < best!.0) { best = (c, d) }
        }
        guard let (word, d) = best else { return nil }
        return d <= max(1, min(3, (name.count + 2) / 3)) ? word : nil
    }

    /// Random words over a small alphabet, so that near misses are common.
    struct Words {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func word(maxLength: Int) -> String {
            let letters = Array("abcAB_é")
            return String((0..<Int(next() % UInt64(maxLength + 1))).map { _ in letters[Int(next() % UInt64(letters.count))] })
        }
    }

    @Test func boundedDistanceAgreesWithTheFullTable() {
        var words = Words(state: 17)
        for _ in 0..<3000 {
            let a = words.word(maxLength: 9), b = words.word(maxLength: 9)
            let expected = Self.referenceDistance(a, b)
            #expect(Suggestion.distance(a, b) == expected, "\(a) / \(b)")
            var codes = CharacterCodes()
            let x = codes.encode(Array(a)), y = codes.encode(Array(b))
            for bound in 0...4 {
                var rows: [Int] = [], work = 0
                let found = x.withUnsafeBufferPointer { x in
                    y.withUnsafeBufferPointer { y in EditDistance.bounded(x, y, bound: bound, rows: &rows, work: &work) }
                }
                #expect(found == (expected <= bound ? expected : nil), "\(a) / \(b) within \(bound)")
            }
        }
    }

    @Test func closestAgreesWithTheUnboundedSearch() {
        var words = Words(state: 99)
        for _ in 0..<600 {
            let name = words.word(maxLength: 10)
            let candidates = (0..<Int(words.next() % 12)).map { _ in words.word(maxLength: 10) }
            #expect(Suggestion.closest(to: name, in: candidates) == Self.referenceClosest(to: name, in: candidates),
                    "\(name) among \(candidates)")
        }
    }

    @Test func familiarSuggestionsAreUnchanged() {
        #expect(Suggestion.closest(to: "Binanse", in: ["Binance", "OKX", "Coinbase"]) == "Binance")
        #expect(Suggestion.closest(to: "credit_limit", in: ["credit_line", "haircut_discount"]) == "credit_line")
        #expect(Suggestion.closest(to: "NOTIONAL", in: ["notional", "quantity"]) == "notional")
        #expect(Suggestion.closest(to: "hiarcut", in: ["haircut"]) == "haircut")
        #expect(Suggestion.closest(to: "ab", in: ["xy"]) == nil)
        // Equally near: the alphabetically first, whatever the order given.
        #expect(Suggestion.closest(to: "cat", in: ["cut", "bat"]) == "bat")
        #expect(Suggestion.closest(to: "cat", in: ["bat", "cut"]) == "bat")
    }

    /// Two 60,000-letter names one letter apart: no suggestion (a name that long is no typo), and
    /// no 60,000 × 60,000 table either.
    @Test func hugeNamesGetNoSuggestionAndAreNeverSuggested() {
        let long = String(repeating: "x", count: 59_999)
        #expect(Suggestion.closest(to: long + "b", in: [long + "a", "value"]) == nil)
        #expect(Suggestion.closest(to: "valeu", in: [long + "a", "value"]) == "value")
        #expect(Suggestion.closest(to: String(repeating: "y", count: 256), in: [String(repeating: "y", count: 255)])
                == String(repeating: "y", count: 255))
    }

    /// Thousands of candidates: the right one is found among the first `maxCandidates`, and a
    /// shared budget stops the searches once spent.
    @Test func manyCandidatesAndASharedBudget() {
        let names = (0..<4000).map { "value_\($0)" }
        #expect(Suggestion.closest(to: "velue_3999", in: names) == "value_3999")
        var budget = SuggestionBudget(work: 200_000)
        var answered = 0
        for i in 0..<4000 where budget.closest(to: "velue_\(i)", in: names) == "value_\(i)" { answered += 1 }
        #expect(answered > 0 && answered < 4000)
        #expect(budget.remaining == 0)
        #expect(budget.closest(to: "velue_1", in: names) == nil)
    }
}
