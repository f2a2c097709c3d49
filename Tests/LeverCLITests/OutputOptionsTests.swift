import Foundation
@testable import LeverCLI
import LeverSyntax
import LeverTestSupport
import Testing

@Suite struct OutputOptionsTests {
    func console(terminal: Bool, environment: [String: String] = [:]) -> Console {
        Console(out: { _ in }, err: { _ in }, environment: environment, isTerminal: terminal)
    }

    func style(_ arguments: [String], _ console: Console) throws -> DiagnosticRenderer.Style {
        try OutputOptions.parse(arguments).style(for: console)
    }

    @Test func defaultIsHumanInColourOnATerminal() throws {
        #expect(try style([], console(terminal: true)) == .human(color: true))
    }

    @Test func defaultIsPlainOnAPipeOrWithNoColor() throws {
        #expect(try style([], console(terminal: false)) == .plain)
        #expect(try style([], console(terminal: true, environment: ["NO_COLOR": "1"])) == .plain)
        #expect(try style([], console(terminal: true, environment: ["NO_COLOR": ""])) == .human(color: true))
    }

    @Test func explicitFormatsAndColour() throws {
        #expect(try style(["--format", "json"], console(terminal: true)) == .json)
        #expect(try style(["--format", "github"], console(terminal: false)) == .github)
        #expect(try style(["--format", "human"], console(terminal: false)) == .human(color: false))
        #expect(try style(["--format", "human", "--color", "always"], console(terminal: false)) == .human(color: true))
        #expect(try style(["--color", "never"], console(terminal: true)) == .plain)
    }
}

@Suite struct CombinedDiagnosticsTests {
    func map(_ paths: String...) -> SourceMap {
        var map = SourceMap()
        for path in paths { map.add(path: path, text: "param a = 1\n") }
        return map
    }

    @Test func renumbersFilesByPathAndDropsRepeats() {
        let shared = Diagnostic.warning("L0402", "row can never fire", at: Span(file: 1, start: 0, end: 5))
        var combined = CombinedDiagnostics()
        combined.add([shared], from: map("a.lever", "base.lever"))
        combined.add([Diagnostic.warning("L0402", "row can never fire", at: Span(file: 0, start: 0, end: 5))],
                     from: map("base.lever"))
        #expect(combined.sources.files.map(\.path) == ["a.lever", "base.lever"])
        #expect(combined.diagnostics.count == 1)
        #expect(combined.diagnostics[0].primary.span.file == 1)
    }

    @Test func warningsAsErrors() {
        var combined = CombinedDiagnostics()
        combined.add([.warning("L0402", "row can never fire", at: .synthetic)], from: SourceMap())
        #expect(!combined.diagnostics.hasErrors)
        combined.promoteWarnings()
        #expect(combined.diagnostics.hasErrors)
    }
}
