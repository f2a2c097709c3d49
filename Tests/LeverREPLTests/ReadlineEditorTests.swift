import Foundation
import Testing
@testable import LeverREPL

/// The parts of the line editors that need no terminal: completion word mapping, history path,
/// plain line reading.
@Suite struct ReadlineEditorTests {
    @Test func candidatesKeepThoseThatExtendTheWord() {
        #expect(ReadlineState.candidates(for: ":ty", from: [":type", ":set"]) == [":type"])
        #expect(ReadlineState.candidates(for: "", from: ["BTC", "SOL"]) == ["BTC", "SOL"])
    }

    @Test func fieldCandidatesKeepTheTextBeforeTheDot() {
        #expect(ReadlineState.candidates(for: "BTC.pr", from: ["price"]) == ["BTC.price"])
        #expect(ReadlineState.candidates(for: "BTC.pr", from: ["BTC.price", "price"]) == ["BTC.price"])
        #expect(ReadlineState.candidates(for: "BTC.pr", from: ["vol"]) == [])
    }

    @Test func historyPathComesFromTheEnvironment() {
        #expect(ReadlineEditor.historyPath(environment: ["LEVER_HISTORY": "/tmp/h", "HOME": "/home/q"]) == "/tmp/h")
        #expect(ReadlineEditor.historyPath(environment: ["HOME": "/home/q"]) == "/home/q/.lever_history")
        #expect(ReadlineEditor.historyPath(environment: ["LEVER_HISTORY": "", "HOME": "/home/q"]) == "/home/q/.lever_history")
    }

    @Test func plainEditorIgnoresThePromptAndEnds() {
        var editor = PlainEditor(lines: ["1 + 1", ":quit"])
        #expect(editor.readLine(prompt: "lever> ") == "1 + 1")
        #expect(editor.readLine(prompt: "lever> ") == ":quit")
        #expect(editor.readLine(prompt: "lever> ") == nil)
        #expect(!editor.interrupted)
    }
}
