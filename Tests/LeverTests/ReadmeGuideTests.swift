import Foundation
import LeverCheck
import Testing

// Every example of Lever policy text in the README's language guide is checked (issue 11).
//
// Which blocks: the fenced blocks between the `## Language guide` heading and the next `## `
// heading whose fence has no language label (a labelled fence, ```json or ```sh, is never policy
// text), less the blocks that are plainly not policy text: those whose first non-blank line
// starts with `$`, `{`, `[` or `lever ` (a shell session, JSON, a command) or that contain a
// rendered diagnostic (`error[`, `warning[`).
//
// How a block is checked: most blocks are fragments that use names declared elsewhere, so they
// are checked after `GuideSnippet.preamble`, a small policy declaring what they assume, less
// whatever the block declares itself (a block that declares `class major` replaces the
// preamble's). A block that starts with its own `policy` header is a whole file and is checked
// alone; a block that imports a file gets the preamble as that file. The check must give no
// error and no warning except those a line announces in a comment, `// error L0304: …`, which
// that line must give, with exactly that code; comment lines under it (`//   fix: …`) belong to
// it. Notes ("kept as a runtime check") are not findings.

/// One fenced block of the guide.
struct GuideSnippet: Sendable, CustomTestStringConvertible {
    /// The `### ` heading the block sits under.
    var section: String
    /// README line of the block's first line (the one after the opening fence).
    var line: Int
    var text: String

    var testDescription: String { "README.md:\(line) (\(section)): \(firstLine)" }
    var firstLine: String { text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? "" }

    /// Blocks that cannot be checked, keyed by their first line, each with the reason. Keep it short.
    static let skipped: [String: String] = [:]

    /// What the fragments assume, one declaration per entry. An entry is left out when the snippet
    /// declares the same name (or block) itself; each entry uses only `=` so that it still
    /// checks when the snippet's declaration of a class it builds on replaces the preamble's.
    static let preamble: [String] = [
        "param z = 2.33",
        "param major_horizon = 1 day",
        "input account.score in [0, 1000]",
        "class crypto { haircut = 10%; ltv = 70%; liquidation_threshold = 80%; liquidation_bonus = 5% }",
        "class major : crypto { initial_weight = 10% }",
        "class alt : crypto { haircut = 25% }",
        "class meme : crypto { haircut = 50% }",
        "class stable { haircut = 2%; ltv = 85%; liquidation_threshold = 90%; liquidation_bonus = 4% }",
        "class stablecoin : stable { reserve_factor = 10% }",
        "asset BTC : major",
        "asset WETH : major",
        "asset SOL : alt",
        "asset USDC : stable",
        "asset USDT : stablecoin",
        "asset USDE : stablecoin",
        "venue Binance",
        "venue OKX",
        "margin { initial = 10%; maintenance = 5%; bonus = 5% }",
        "tiers by account.score {\n  [0, 1000] -> Standard { credit_line = 1M USD }\n}",
        "table leverage_limit by account.score {\n  [0, 1000] -> Any { max_leverage = 5 }\n}",
        "curve borrow_rate(utilization) = kinked(base: 0%, slope1: 4%, kink: 80%, slope2: 75%)",
        "curve eth_rate(utilization) = kinked(base: 0%, slope1: 3%, kink: 90%, slope2: 80%)",
        "curve house_rate(utilization) = points { 0% -> 2%, 80% -> 6%, 100% -> 50% }",
        "scenario crash { major: -30%, alt: -50% }",
        "measure leverage per account = sum(notional) / equity",
    ]
    static let header = "policy \"guide\" version \"1\""

    /// The names and blocks a text declares at the start of a line: `BTC` for `asset BTC …`,
    /// `input account.score` for an input range, `margin` for the margin block. `override`
    /// declares nothing new.
    static func declared(in text: String) -> Set<String> {
        var names = Set<String>()
        for line in text.split(separator: "\n") {
            let words = line.split(whereSeparator: { " \t(:{".contains($0) })
            guard let first = words.first, line.first == first.first else { continue }
            switch first {
            case "param", "class", "asset", "venue", "curve", "scenario", "measure", "table":
                if words.count > 1 { names.insert(String(words[1])) }
            case "input":
                if words.count > 1 { names.insert("input \(words[1])") }
            case "tiers", "margin", "oracle", "policy":
                names.insert(String(first))
            default: break
            }
        }
        return names
    }

    /// The preamble this snippet is checked after: the header and the entries it does not declare itself.
    var preambleText: String {
        let own = Self.declared(in: text)
        let kept = Self.preamble.filter { Self.declared(in: $0).isDisjoint(with: own) }
        return ([Self.header] + kept).joined(separator: "\n") + "\n"
    }

    /// The file a snippet imports (`import "base.lever"`), if any.
    var importedFile: String? {
        for line in text.split(separator: "\n") where line.hasPrefix("import \"") {
            return line.split(separator: "\"").dropFirst().first.map(String.init)
        }
        return nil
    }

    /// Checks the snippet (with the preamble before it, as the file it imports, or alone). Returns
    /// the result and the number of lines put before the snippet's first line in `guide.lever`.
    func check() -> (result: CheckResult, linesBefore: Int) {
        if firstLine.hasPrefix("policy ") {
            return (Checker.check(source: text, path: "guide.lever"), 0)
        }
        if let imported = importedFile {
            let result = Checker.check(files: ["guide.lever": text, imported: preambleText], root: "guide.lever")
            return (result, 0)
        }
        let prefix = preambleText
        let lines = prefix.filter { $0 == "\n" }.count
        return (Checker.check(source: prefix + text, path: "guide.lever"), lines)
    }

    /// `[(snippet line, code)]` the snippet announces: `// error L0304: …` or `// warning L0403: …`.
    var announced: [Expected] {
        var expected: [Expected] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let comment = line.range(of: "//") else { continue }
            let words = line[comment.upperBound...].split(whereSeparator: { $0 == " " || $0 == ":" })
            if words.count >= 2, words[0] == "error" || words[0] == "warning", words[1].hasPrefix("L") {
                expected.append(Expected(line: index + 1, code: String(words[1])))
            }
        }
        return expected
    }

    struct Expected: Hashable, Comparable, CustomStringConvertible {
        var line: Int
        var code: String
        var description: String { "\(code) at snippet line \(line)" }
        static func < (a: Expected, b: Expected) -> Bool { (a.line, a.code) < (b.line, b.code) }
    }
}

enum ReadmeGuide {
    static let readmePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md").path

    /// Whether a block's text is policy text (see the rule at the top of this file).
    static func isPolicyText(_ text: String) -> Bool {
        let first = text.split(separator: "\n").first { !$0.allSatisfy(\.isWhitespace) }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        if first.isEmpty { return false }
        if ["$", "{", "[", "lever "].contains(where: { first.hasPrefix($0) }) { return false }
        return !text.contains("error[") && !text.contains("warning[")
    }

    /// The policy-text blocks of the README's language guide, in order.
    static func snippets(in readme: String) -> [GuideSnippet] {
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var snippets: [GuideSnippet] = []
        var inGuide = false, section = "", index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("## ") {
                if inGuide { break }
                inGuide = line == "## Language guide"
            } else if inGuide, line.hasPrefix("### ") {
                section = String(line.dropFirst(4))
            } else if inGuide, line.hasPrefix("```") {
                let label = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
                let start = index + 1
                index = start
                while index < lines.count, !lines[index].hasPrefix("```") { index += 1 }
                let body = lines[start..<min(index, lines.count)].joined(separator: "\n")
                if label.isEmpty, isPolicyText(body) {
                    snippets.append(GuideSnippet(section: section, line: start + 1, text: body))
                }
            }
            index += 1
        }
        return snippets
    }

    static let snippets: [GuideSnippet] = {
        guard let readme = try? String(contentsOfFile: readmePath, encoding: .utf8) else { return [] }
        return snippets(in: readme)
    }()
}

@Suite struct ReadmeGuideTests {
    @Test(arguments: ReadmeGuide.snippets.filter { GuideSnippet.skipped[$0.firstLine] == nil })
    func guideSnippetChecks(_ snippet: GuideSnippet) {
        let (result, before) = snippet.check()
        let snippetLines = snippet.text.split(separator: "\n", omittingEmptySubsequences: false).count
        var got: [GuideSnippet.Expected] = []
        var report: [String] = []
        for d in result.diagnostics where d.severity != .note {
            let file = result.sources.file(d.primary.span.file)
            let (line, column) = file?.location(of: d.primary.span.start) ?? (0, 0)
            // A diagnostic in the snippet is placed at its README line; one in the preamble, at the
            // preamble's line (and never matches an announced one).
            let inSnippet = file?.path == "guide.lever" && line > before && line <= before + snippetLines
            let place = inSnippet ? "README.md:\(snippet.line + line - before - 1):\(column)"
                                  : "preamble \(file?.path ?? "?"):\(line):\(column)"
            report.append("\(place) \(d.severity) \(d.code): \(d.message)")
            got.append(GuideSnippet.Expected(line: inSnippet ? line - before : -line, code: d.code))
        }
        let expected = snippet.announced.sorted()
        let announced = expected.map { "\($0.code) on README.md:\(snippet.line + $0.line - 1)" }
        #expect(got.sorted() == expected, """
            README.md:\(snippet.line) (\(snippet.section)): the guide's example does not check as it says.
            expected: \(announced.isEmpty ? "no errors or warnings" : announced.joined(separator: ", "))
            got:
            \(report.isEmpty ? "  nothing" : report.map { "  " + $0 }.joined(separator: "\n"))
            """)
    }

    /// The preamble is itself a valid policy, so that a failure is the snippet's.
    @Test func preambleChecksCleanly() {
        let text = ([GuideSnippet.header] + GuideSnippet.preamble).joined(separator: "\n") + "\n"
        let result = Checker.check(source: text, path: "preamble.lever")
        let findings = result.diagnostics.filter { $0.severity != .note }
        #expect(findings.isEmpty, "the guide preamble gives \(findings.map { "\($0.code) \($0.message)" })")
    }

    /// The extraction finds the guide's blocks, including the grouped aggregates and the flags,
    /// and every skip names a block that still exists.
    @Test func everyGuideSectionIsFound() {
        let snippets = ReadmeGuide.snippets
        #expect(snippets.count >= 25, "found only \(snippets.count) policy blocks in README.md's language guide")
        for needle in ["sum(quantity * price, by: asset)", "flag \"stale_price:{asset}\"", "policy \"", "import \""] {
            let holding = snippets.filter { $0.text.contains(needle) }
            #expect(!holding.isEmpty, "no guide block contains \(needle)")
            #expect(holding.allSatisfy { GuideSnippet.skipped[$0.firstLine] == nil }, "the block with \(needle) is skipped")
        }
        for first in GuideSnippet.skipped.keys {
            #expect(snippets.contains { $0.firstLine == first }, "skipped block `\(first)` is no longer in the guide")
        }
    }

    @Test func ruleForPolicyText() {
        #expect(ReadmeGuide.isPolicyText("param z = 2.33"))
        #expect(!ReadmeGuide.isPolicyText("$ lever check Rules/prime.lever"))
        #expect(!ReadmeGuide.isPolicyText("lever check Rules/prime.lever"))
        #expect(!ReadmeGuide.isPolicyText("{\n  \"accounts\": []\n}"))
        #expect(!ReadmeGuide.isPolicyText("error[L0601]: `haircut` of `PEPE` is 150%"))
    }
}
