import Foundation
import Testing
@testable import LeverSyntax

/// Keeps `Grammar/lever.ebnf` and the parser in step: each production is the first doc line of
/// the function that parses it, and each production's example parses cleanly.
struct GrammarTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Production: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let examples: [String]
        var testDescription: String { name }
    }

    static func productions() -> [Production] {
        let grammar = (try? String(contentsOf: root.appendingPathComponent("Grammar/lever.ebnf"), encoding: .utf8)) ?? ""
        var result: [Production] = []
        for line in grammar.split(separator: "\n", omittingEmptySubsequences: false) {
            if let eq = line.range(of: " = "), line.hasSuffix(";"), !line.hasPrefix("(*") {
                result.append(Production(name: String(line[..<eq.lowerBound]), text: String(line), examples: []))
            } else if line.hasPrefix("(* example: "), line.hasSuffix(" *)"), var last = result.popLast() {
                let example = String(line.dropFirst("(* example: ".count).dropLast(3))
                last = Production(name: last.name, text: last.text, examples: last.examples + [example])
                result.append(last)
            }
        }
        return result
    }

    static func parserSource() -> String {
        let dir = root.appendingPathComponent("Sources/LeverSyntax/Parser")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return files.sorted().compactMap { try? String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: "\n")
    }

    @Test func grammarHasProductions() {
        #expect(Self.productions().count >= 30)
    }

    @Test(arguments: productions())
    func productionIsDocumentedOnItsParseFunction(_ production: Production) {
        let documented = Self.parserSource().contains("/// " + production.text)
        #expect(documented, "no parse function documents: \(production.text)")
    }

    @Test(arguments: productions())
    func productionExampleParses(_ production: Production) {
        #expect(!production.examples.isEmpty, "production \(production.name) has no example")
        for example in production.examples {
            let parsed = Parser.parse(SourceFile(id: 0, path: "example.lever", text: example))
            #expect(parsed.diagnostics.isEmpty, "\(example): \(parsed.diagnostics.map(\.message))")
        }
    }
}
