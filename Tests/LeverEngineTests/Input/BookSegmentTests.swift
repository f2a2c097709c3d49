import Testing
import LeverSyntax
@testable import LeverEngine

/// A large book read on several threads (`LoadOptions.threads`, `BookSegments`) is the book
/// read on one: the same accounts, rejected accounts, diagnostics (messages, paths, places) and
/// verdict, in both forms, clean or with errors anywhere, including errors only the reading in
/// order can see (an id repeated across the parts) and guesses that are not account starts.
@Suite struct BookSegmentTests {
    /// About 2.6 MB: `accounts` accounts of three spot positions, some with a venue and
    /// attributes, one perpetual now and then.
    static func accounts(_ count: Int, edit: (Int, String) -> String = { $1 }) -> [String] {
        let assets = ["BTC", "ETH", "USDC", "SOL", "DOGECOINLONGNAME"]
        return (0..<count).map { i in
            var positions = (0..<3).map { k in
                let venue = (i + k) % 4 == 0 ? ", \"venue\": \"Binance\"" : ""
                return "{\"asset\": \"\(assets[(i + k) % assets.count])\", \"qty\": \(Double(i * 7 + k) * 0.125 - 40)\(venue)}"
            }
            if i % 97 == 0 { positions.append("{\"kind\": \"perp\", \"asset\": \"BTC\", \"size\": -0.5, \"entry_price\": 60000, \"venue\": \"Binance\"}") }
            let attributes = i % 5 == 0 ? ", \"attributes\": {\"region\": \"EU\"}" : ""
            return edit(i, "{\"id\": \"acct-\(i)\", \"score\": \(300 + i % 600)\(attributes), \"positions\": [\(positions.joined(separator: ", "))]}")
        }
    }

    static func load(_ lines: [String], jsonl: Bool, threads: Int, keepGoing: Bool = false,
                     policy: PolicyNames? = nil) -> Loaded<Book> {
        let text = jsonl ? lines.joined(separator: "\n") + "\n" : "{\"$schema\": \"x\", \"accounts\": [\n" + lines.joined(separator: ",\n") + "\n], \"$note\": 1}"
        let file = SourceFile(id: 3, path: jsonl ? "book.jsonl" : "book.json", text: text)
        return BookLoader.load(file, policy: policy, options: LoadOptions(keepGoing: keepGoing, threads: threads))
    }

    static func expectSame(_ lines: [String], keepGoing: Bool = false, policy: PolicyNames? = nil, _ comment: String) {
        for jsonl in [false, true] {
            let one = load(lines, jsonl: jsonl, threads: 1, keepGoing: keepGoing, policy: policy)
            for threads in [2, 3, 8] {
                let many = load(lines, jsonl: jsonl, threads: threads, keepGoing: keepGoing, policy: policy)
                #expect(many.value == one.value, "\(comment) jsonl: \(jsonl), threads: \(threads)")
                #expect(many.diagnostics == one.diagnostics, "\(comment) jsonl: \(jsonl), threads: \(threads)")
            }
        }
    }

    @Test func aCleanBookIsTheSameOnAnyThreadCount() throws {
        let lines = Self.accounts(20_000)
        Self.expectSame(lines, "clean")
        let book = try #require(Self.load(lines, jsonl: false, threads: 2).value)
        #expect(book.count == 20_000)
        #expect(book.accounts[19_999].id == "acct-19999")
    }

    @Test func theLaterPartsOfACleanBookDecodeCleanly() {
        // The parts are taken, not only proved harmless: each decodes cleanly and they cover the
        // book after the first part without gaps.
        for jsonl in [false, true] {
            let lines = Self.accounts(20_000)
            let text = jsonl ? lines.joined(separator: "\n") + "\n" : "{\"accounts\": [\n" + lines.joined(separator: ",\n") + "\n]}"
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let template = BookState(names: nil, market: nil)
                let segments = BookSegments(buffer, lines: jsonl, threads: 4, template: template, fileID: 0, options: LoadOptions())
                segments.finish()
                #expect(segments.parts.count == 3)
                #expect(segments.parts.allSatisfy { $0.clean }, "jsonl: \(jsonl)")
                for (part, next) in zip(segments.parts, segments.parts.dropFirst()) {
                    var r = JSONReader(buffer)
                    r.position = part.end
                    if !jsonl { #expect(buffer[part.end] == UInt8(ascii: ",")); r.position += 1 }
                    r.skipWhitespace()
                    #expect(r.position == next.start)
                }
                #expect(segments.parts.reduce(0) { $0 + $1.count } > 10_000)
            }
        }
    }

    @Test func errorsAnywhereAreTheSameOnAnyThreadCount() {
        // An error in each part, a warning, and an id that repeats one from the first part in the last.
        let broken = Self.accounts(20_000) { i, text in
            switch i {
            case 5: text.replacingOccurrences(of: "\"qty\": ", with: "\"qty\": \"x\", \"quantity\": ")
            case 9_000: text.replacingOccurrences(of: "\"score\"", with: "\"scor\": 1, \"score\"")
            case 15_000: text.replacingOccurrences(of: "acct-15000", with: "acct-7")
            case 19_998: text.replacingOccurrences(of: "\"asset\": \"BTC\"", with: "\"asset\": \"\"")
            default: text
            }
        }
        Self.expectSame(broken, "errors")
        Self.expectSame(broken, keepGoing: true, "errors, keep going")
    }

    @Test func suggestionSearchesAreSpentInTheSameOrder() {
        // Against a policy, an attribute value it does not name is searched for a "did you mean"
        // even when nothing is reported: a part that searched is not taken (the budget is the
        // book's), so the diagnostics are those of reading in order.
        let policy = PolicyNames(assets: ["BTC", "ETH", "USDC", "SOL", "DOGECOINLONGNAME"], venues: ["Binance"],
                                 attributes: ["region"], attributeValues: ["region": ["EMEA", "AMER"]])
        let lines = Self.accounts(20_000) { i, text in
            text.replacingOccurrences(of: "\"region\": \"EU\"", with: "\"region\": \"desk-\(i)\", \"regoin\": \"AMER\"")
        }
        Self.expectSame(lines, policy: policy, "searches")
        // And the parts that searched were the ones left to the reading in order.
        let text = "{\"accounts\": [\n" + lines.joined(separator: ",\n") + "\n]}"
        Array(text.utf8).withUnsafeBufferPointer { buffer in
            let segments = BookSegments(buffer, lines: false, threads: 3, template: BookState(names: BookNameCheck(policy), market: nil),
                                        fileID: 0, options: LoadOptions())
            segments.finish()
            #expect(segments.parts.count == 2 && segments.parts.allSatisfy { !$0.clean })
        }
    }

    @Test func guessesThatAreNotAccountStartsAreNotTaken() {
        // Every position carries an `id` member (an unknown field, so a warning in each account)
        // written first: `{"id"` after a comma inside every account, a guess the order disproves.
        let decoys = Self.accounts(8_000) { _, text in
            text.replacingOccurrences(of: "{\"asset\"", with: "{\"id\": 1, \"asset\"")
        }
        Self.expectSame(decoys, keepGoing: true, "decoys")
        // A syntax error late in the book fails it the same way.
        var truncated = Self.accounts(20_000)
        truncated[18_000] = String(truncated[18_000].dropLast(3))
        Self.expectSame(truncated, "syntax")
    }
}

/// Interned names: one index per distinct spelling, however short and whatever bytes it holds.
@Suite struct NameTableTests {
    @Test func namesDifferingOnlyByANulByteAreTwoNames() {
        var table = NameTable()
        let plain = table.index(of: "BTC"), nul = table.index(of: "BTC\u{0}"), again = table.index(of: "BTC")
        #expect(plain != nul && plain == again)
        #expect(table.names == ["BTC", "BTC\u{0}"])
        // Many short and long names, found again after the tables grow.
        let names = (0..<5_000).map { "A\($0)" } + (0..<500).map { "a-long-asset-name-\($0)" }
        let indexes = names.map { table.index(of: $0) }
        #expect(names.map { table.index(of: $0) } == indexes)
        #expect(Set(indexes).count == names.count)
    }
}
