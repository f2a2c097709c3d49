import Foundation
import Lever
import LeverLSP
import Testing

/// The acceptance session, over the same framed stdio path `lever lsp` runs (`LSPConnection`):
/// initialize, open a policy with a unit error, hover on a property, go to a definition in an
/// import, complete after `tier.`, shut down and exit; every response checked.
struct LSPSessionTests {
    static func frames(_ bytes: [UInt8]) -> [JSONValue] {
        var reader = LSPConnection.FrameReader()
        reader.feed(bytes)
        var out: [JSONValue] = []
        while let body = reader.take() {
            if case .success(let value) = JSONValue.parse(body) { out.append(value) }
        }
        return out
    }

    static func string(_ value: JSONValue?) -> String? { if case .string(let s)? = value { s } else { nil } }
    static func number(_ value: JSONValue?) -> Double? { if case .number(let x)? = value { x } else { nil } }
    static func array(_ value: JSONValue?) -> [JSONValue] { if case .array(let a)? = value { a } else { [] } }
    static func reply(_ replies: [JSONValue], id: Int) -> JSONValue? { replies.first { number($0["id"]) == Double(id) } }

    @Test func aWholeSessionOverStdio() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lever-lsp-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            param floor_haircut = 10%
            tiers by account.score {
              >= 700 -> Prime { credit_line = 1M USD }
              else -> Rest { credit_line = 0 USD }
            }
            """.write(to: folder.appendingPathComponent("base.lever"), atomically: true, encoding: .utf8)
        // Line 2 adds a ratio to USD: a unit error (L0304).
        let text = """
            import "base.lever"
            class crypto { haircut = floor_haircut; liquidation_threshold = 80% }
            measure wrong = floor_haircut + 1 USD
            measure line = tier.credit_line
            """
        let uri = "file://" + folder.appendingPathComponent("main.lever").path
        func at(_ line: Int, _ character: Int) -> JSONOutput {
            .object(["textDocument": .object(["uri": .string(uri)]), "position": .object(["line": .int(line), "character": .int(character)])])
        }
        func request(_ id: Int, _ method: String, _ params: JSONOutput) -> JSONOutput {
            .object(["jsonrpc": .string("2.0"), "id": .int(id), "method": .string(method), "params": params])
        }
        func notify(_ method: String, _ params: JSONOutput) -> JSONOutput {
            .object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params])
        }
        let messages: [JSONOutput] = [
            request(1, "initialize", .object(["capabilities": .object([:])])),
            notify("initialized", .object([:])),
            notify("textDocument/didOpen", .object(["textDocument": .object([
                "uri": .string(uri), "languageId": .string("lever"), "version": .int(1), "text": .string(text)])])),
            request(2, "textDocument/hover", at(1, 17)),        // `haircut`
            request(3, "textDocument/definition", at(2, 18)),   // `floor_haircut`, declared in base.lever
            request(4, "textDocument/completion", at(3, 20)),   // after `tier.`
            request(5, "shutdown", .null),
            notify("exit", .null),
        ]
        let input = Pipe(), output = Pipe()
        input.fileHandleForWriting.write(Data(messages.flatMap(LSPConnection.frame)))
        try input.fileHandleForWriting.close()
        let status = LSPConnection.run(server: LanguageServer(), input: input.fileHandleForReading, output: output.fileHandleForWriting)
        try output.fileHandleForWriting.close()
        let replies = Self.frames(Array(output.fileHandleForReading.readDataToEndOfFile()))
        #expect(status == 0, "shutdown, then exit")

        #expect(Self.reply(replies, id: 1)?["result"]?["capabilities"]?["hoverProvider"] == .bool(true))
        let published = try #require(replies.first { Self.string($0["method"]) == "textDocument/publishDiagnostics" })
        let diagnostics = Self.array(published["params"]?["diagnostics"])
        let unit = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(Self.string(unit["code"]) == "L0304", "\(diagnostics)")
        #expect(Self.number(unit["range"]?["start"]?["line"]) == 2)

        let hover = Self.string(Self.reply(replies, id: 2)?["result"]?["contents"]?["value"])
        #expect(hover?.contains("haircut") == true && hover?.contains("ratio") == true, "\(hover ?? "nil")")

        let definition = try #require(Self.reply(replies, id: 3)?["result"])
        #expect(Self.string(definition["uri"])?.hasSuffix("/base.lever") == true)
        #expect(Self.number(definition["range"]?["start"]?["line"]) == 0)
        #expect(Self.number(definition["range"]?["start"]?["character"]) == 6)

        let completion = Self.array(Self.reply(replies, id: 4)?["result"]).compactMap { Self.string($0["label"]) }
        #expect(completion == ["credit_line"], "\(completion)")

        #expect(Self.reply(replies, id: 5)?["result"] == .null)
    }
}
