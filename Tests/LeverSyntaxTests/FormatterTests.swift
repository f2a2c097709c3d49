import Foundation
import Testing
@testable import LeverSyntax
import LeverTestSupport

/// Golden pairs `Golden/fmt/<case>.lever` → `<case>.lever.formatted`, plus the two properties
/// every formatted file must have: idempotence and an unchanged tree (same `ASTDump`), checked on
/// the golden inputs, on every policy under `Rules/`, and on generated programs.
struct FormatterTests {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let goldenDirectory = testsDirectory.appendingPathComponent("Golden/fmt")
    static let rulesDirectory = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Rules")

    /// Names of the golden inputs (`design.lever`, …), sorted.
    static let goldenCases: [String] = leverFiles(in: goldenDirectory)

    static func leverFiles(in directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".lever") }.sorted()
    }

    // MARK: - Golden files

    @Test(arguments: goldenCases)
    func golden(_ name: String) throws {
        let input = Self.goldenDirectory.appendingPathComponent(name)
        let text = try String(contentsOf: input, encoding: .utf8)
        let formatted = try #require(FormatCheck.formatStable(text, path: name))
        assertGolden(actual: formatted, path: input.path + ".formatted")
    }

    // MARK: - Properties on real policies and generated programs

    @Test func everyRulesFileIsStable() throws {
        for name in Self.leverFiles(in: Self.rulesDirectory) {
            let text = try String(contentsOf: Self.rulesDirectory.appendingPathComponent(name), encoding: .utf8)
            _ = FormatCheck.formatStable(text, path: "Rules/" + name)
        }
    }

    /// Every worked example of `Grammar/lever.ebnf` (one or more per production).
    @Test func everyGrammarExampleIsStable() {
        for production in GrammarTests.productions() {
            for example in production.examples {
                _ = FormatCheck.formatStable(example, path: "grammar example of \(production.name)")
            }
        }
    }

    @Test func generatedProgramsAreStable() {
        for seed in UInt64(1)...200 {
            var generator = PolicyGenerator(seed: seed)
            let text = generator.policy()
            guard FormatCheck.formatStable(text, path: "generated seed \(seed)") != nil else { return }
        }
    }

    // MARK: - Rules in isolation

    @Test func formattedTextHasNoTrailingSpacesAndEndsWithNewline() throws {
        let out = try #require(FormatCheck.formatStable("param a=1   \n\n\n\nparam b=2   // x   \n", path: "t"))
        #expect(out == "param a = 1\n\nparam b = 2  // x\n")
    }

    @Test func emptyFileStaysEmpty() throws {
        #expect(try #require(FormatCheck.formatStable("", path: "empty")) == "")
        #expect(try #require(FormatCheck.formatStable("\n\n  \n", path: "blank")) == "")
    }

    @Test func singleShortPropertyStaysOnOneLineAndTwoAreBroken() throws {
        let out = try #require(FormatCheck.formatStable("class a {\n haircut = 2%\n}\nclass b { x = 1; y = 2 }", path: "t"))
        #expect(out == "class a { haircut = 2% }\nclass b {\n  x = 1\n  y = 2\n}\n")
    }

    @Test func tableArrowsAndLabelsAlign() throws {
        let out = try #require(FormatCheck.formatStable(
            "tiers by s { [0, 10) -> A { x = 1 }; [10, 1000] -> Long { x = 2 }; else -> R }", path: "t"))
        #expect(out == """
            tiers by s {
              [0, 10)    -> A    { x = 1 }
              [10, 1000] -> Long { x = 2 }
              else       -> R
            }

            """)
    }
}

/// The checks shared by every formatter test.
enum FormatCheck {
    static func parse(_ text: String, path: String) -> ParsedFile {
        Parser.parse(SourceFile(id: 0, path: path, text: text))
    }

    /// Formats `text` and checks that it parses cleanly, that formatting again changes nothing,
    /// and that the tree is unchanged. Returns the formatted text, or nil after recording an issue.
    static func formatStable(_ text: String, path: String,
                             sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let parsed = parse(text, path: path)
        guard parsed.diagnostics.isEmpty else {
            Issue.record(Testing.Comment(rawValue: "\(path) has parse errors: \(parsed.diagnostics.map(\.message))\n\(text)"),
                         sourceLocation: sourceLocation)
            return nil
        }
        let once = LeverSyntax.Formatter.format(parsed)
        let reparsed = parse(once, path: path)
        #expect(reparsed.diagnostics.isEmpty,
                "\(path): formatted text does not parse: \(reparsed.diagnostics.map(\.message))\n\(once)",
                sourceLocation: sourceLocation)
        #expect(ASTDump.dump(reparsed.policy) == ASTDump.dump(parsed.policy),
                "\(path): formatting changed the tree\n--- input\n\(text)\n--- output\n\(once)",
                sourceLocation: sourceLocation)
        let badLine = once.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .first { $0.last?.isWhitespace == true }
        #expect(badLine == nil, "\(path): trailing blank on \(String(describing: badLine))", sourceLocation: sourceLocation)
        #expect(once.isEmpty || (once.hasSuffix("\n") && !once.hasSuffix("\n\n")),
                "\(path): must end in exactly one newline", sourceLocation: sourceLocation)
        let twice = LeverSyntax.Formatter.format(reparsed)
        #expect(twice == once, "\(path): not idempotent\n--- once\n\(once)\n--- twice\n\(twice)",
                sourceLocation: sourceLocation)
        #expect(comments(of: parsed) == comments(of: reparsed),
                "\(path): comments changed", sourceLocation: sourceLocation)
        return once
    }

    /// The comment texts in order, trailing blanks aside (a comment joined onto a line with
    /// another compares as both).
    static func comments(of file: ParsedFile) -> String {
        file.comments.map { $0.text.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}

extension FormatterTests {
    /// A large file (about 40,000 lines, a comment on every other one) formats in well under
    /// a few seconds: nothing in the formatter is quadratic in the number of comments.
    @Test func largeFileFormatsQuickly() throws {
        var text = ""
        for index in 0..<10_000 {
            text += "// comment \(index)\nclass c\(index) { haircut = \(index)%; ltv = 1% }  // trailing\n"
        }
        let clock = ContinuousClock()
        let start = clock.now
        let out = LeverSyntax.Formatter.format(FormatCheck.parse(text, path: "large"))
        #expect(clock.now - start < .seconds(20))
        #expect(out.split(separator: "\n").count == 50_000)
    }
}
