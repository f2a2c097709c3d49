import Foundation
import Lever
import LeverLSP
import Testing

/// `lever lsp`, driven with LSP messages: every feature the server announces answers from the
/// checker, and positions are the protocol's (zero-based lines, UTF-16 characters).
struct LanguageServerTests {
    static let uri = "file:///tmp/lever-lsp-test/policy.lever"
    static let policy = """
        policy "LSP" version "1"

        param z = 2.33
        param horizon_days = 2 days
        class crypto {
          haircut = clamp(z * vol * sqrt(horizon_days), 10%, 40%)
          liquidation_threshold = 80%
        }
        asset BTC : crypto
        measure exposure = sum(notional where side == long)
        """

    /// The replies to one message, parsed back.
    static func send(_ server: LanguageServer, _ method: String, id: Int? = nil, _ params: JSONOutput) -> [JSONValue] {
        var message: [String: JSONOutput] = ["jsonrpc": .string("2.0"), "method": .string(method), "params": params]
        if let id { message["id"] = .int(id) }
        let bytes = Array(JSONOutput.object(message).line.utf8)
        guard case .success(let value) = JSONValue.parse(bytes) else { return [] }
        return server.handle(value).compactMap { reply in
            guard case .success(let parsed) = JSONValue.parse(Array(reply.line.utf8)) else { return nil }
            return parsed
        }
    }

    static func opened(_ text: String = policy) -> (LanguageServer, [JSONValue]) {
        let server = LanguageServer()
        _ = send(server, "initialize", id: 1, .object(["capabilities": .object([:])]))
        let published = send(server, "textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string(uri), "languageId": .string("lever"), "version": .int(1), "text": .string(text)])]))
        return (server, published)
    }

    static func at(_ line: Int, _ character: Int) -> JSONOutput {
        .object(["textDocument": .object(["uri": .string(uri)]),
                 "position": .object(["line": .int(line), "character": .int(character)])])
    }

    static func string(_ value: JSONValue?) -> String? { if case .string(let s)? = value { s } else { nil } }
    static func number(_ value: JSONValue?) -> Double? { if case .number(let x)? = value { x } else { nil } }
    static func array(_ value: JSONValue?) -> [JSONValue] { if case .array(let a)? = value { a } else { [] } }

    @Test func initializeAnnouncesWhatTheServerDoes() throws {
        let replies = Self.send(LanguageServer(), "initialize", id: 7, .object([:]))
        let capabilities = try #require(replies.first?["result"]?["capabilities"])
        #expect(Self.number(replies.first?["id"]) == 7)
        for feature in ["hoverProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider",
                        "documentFormattingProvider", "codeActionProvider"] {
            #expect(capabilities[feature] == .bool(true), "\(feature)")
        }
        #expect(Self.number(capabilities["textDocumentSync"]) == 1)
    }

    @Test func diagnosticsArePublishedWithCodesAndPositions() throws {
        let (server, clean) = Self.opened()
        #expect(Self.string(clean.first?["method"]) == "textDocument/publishDiagnostics")
        #expect(Self.array(clean.first?["params"]?["diagnostics"]).count == 0)
        // Line 9 (zero-based): `measure exposure = sum(notional whre side == long)`.
        let broken = Self.policy.replacingOccurrences(of: "exposure = sum(notional", with: "exposure = sum(notionl")
        let published = Self.send(server, "textDocument/didChange", .object([
            "textDocument": .object(["uri": .string(Self.uri), "version": .int(2)]),
            "contentChanges": .array([.object(["text": .string(broken)])])]))
        let found = Self.array(published.first?["params"]?["diagnostics"])
        let diagnostic = try #require(found.first)
        #expect(Self.string(diagnostic["code"]) == "L0210")
        #expect(Self.number(diagnostic["severity"]) == 1)
        #expect(Self.number(diagnostic["range"]?["start"]?["line"]) == 9)
        #expect(Self.number(diagnostic["range"]?["start"]?["character"]) == 23)
        #expect(Self.string(diagnostic["message"])?.contains("notional") == true, "the suggestion")
    }

    @Test func hoverShowsValueUnitTypeAndChain() throws {
        let (server, _) = Self.opened()
        // `z` in the haircut rule, line 5.
        let param = Self.string(Self.send(server, "textDocument/hover", id: 2, Self.at(5, 18)).first?["result"]?["contents"]?["value"])
        #expect(param?.contains("param z = 2.33") == true, "\(param ?? "nil")")
        #expect(param?.contains("= 2.33 (a plain number or ratio") == true)
        let asset = Self.string(Self.send(server, "textDocument/hover", id: 3, Self.at(8, 7)).first?["result"]?["contents"]?["value"])
        #expect(asset?.contains("class chain: `crypto`") == true, "\(asset ?? "nil")")
        let measure = Self.string(Self.send(server, "textDocument/hover", id: 4, Self.at(9, 10)).first?["result"]?["contents"]?["value"])
        #expect(measure?.contains("USD") == true, "\(measure ?? "nil")")
        let builtin = Self.string(Self.send(server, "textDocument/hover", id: 5, Self.at(5, 13)).first?["result"]?["contents"]?["value"])
        #expect(builtin?.contains("clamp") == true, "\(builtin ?? "nil")")
    }

    /// A property of an asset shows its effective rule chain, class root first.
    @Test func hoverShowsTheRuleChainOfAPropertyForAnAsset() throws {
        let text = Self.policy.replacingOccurrences(of: "asset BTC : crypto", with: "asset BTC : crypto { haircut += 5% }")
            + "\nmeasure h = BTC.haircut"
        let (server, _) = Self.opened(text)
        let member = Self.string(Self.send(server, "textDocument/hover", id: 2, Self.at(10, 18)).first?["result"]?["contents"]?["value"])
        #expect(member?.contains("class crypto: haircut = clamp(") == true, "\(member ?? "nil")")
        #expect(member?.contains("asset BTC: haircut += 5%") == true, "\(member ?? "nil")")
        let inside = Self.string(Self.send(server, "textDocument/hover", id: 3, Self.at(8, 22)).first?["result"]?["contents"]?["value"])
        #expect(inside?.contains("asset BTC: haircut += 5%") == true, "\(inside ?? "nil")")
    }

    @Test func definitionAndReferencesFindTheName() throws {
        let (server, _) = Self.opened()
        let definition = try #require(Self.send(server, "textDocument/definition", id: 2, Self.at(5, 18)).first?["result"])
        #expect(Self.string(definition["uri"]) == Self.uri)
        #expect(Self.number(definition["range"]?["start"]?["line"]) == 2)
        #expect(Self.number(definition["range"]?["start"]?["character"]) == 6)
        let references = Self.array(Self.send(server, "textDocument/references", id: 3, Self.at(2, 6)).first?["result"])
        #expect(references.compactMap { Self.number($0["range"]?["start"]?["line"]) } == [2, 5])
    }

    /// An imported declaration: definition jumps into the import, references list its uses there too.
    @Test func definitionAndReferencesFollowImports() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lever-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "param z = 2.33\nparam twice = z * 2\n".write(to: folder.appendingPathComponent("base.lever"), atomically: true, encoding: .utf8)
        let uri = "file://" + folder.appendingPathComponent("main.lever").path
        let server = LanguageServer()
        _ = Self.send(server, "textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string(uri), "languageId": .string("lever"), "version": .int(1),
            "text": .string("import \"base.lever\"\nmeasure m = z + twice\n")])]))
        let at: JSONOutput = .object(["textDocument": .object(["uri": .string(uri)]),
                                      "position": .object(["line": .int(1), "character": .int(12)])])
        let definition = try #require(Self.send(server, "textDocument/definition", id: 2, at).first?["result"])
        #expect(Self.string(definition["uri"])?.hasSuffix("/base.lever") == true)
        #expect(Self.number(definition["range"]?["start"]?["line"]) == 0)
        let references = Self.array(Self.send(server, "textDocument/references", id: 3, at).first?["result"])
        let places = references.compactMap { r -> String? in
            guard let file = Self.string(r["uri"])?.split(separator: "/").last, let line = Self.number(r["range"]?["start"]?["line"]) else { return nil }
            return "\(file):\(Int(line))"
        }
        #expect(Set(places) == ["base.lever:0", "base.lever:1", "main.lever:1"])
    }

    @Test func completionKnowsTheContext() throws {
        let text = Self.policy + "\nmeasure m = BTC.hair"
        let (server, _) = Self.opened(text)
        let members = Self.array(Self.send(server, "textDocument/completion", id: 2, Self.at(10, 20)).first?["result"])
        #expect(members.compactMap { Self.string($0["label"]) } == ["haircut"])
        let (plain, _) = Self.opened(Self.policy + "\nmeasure n = expo")
        let names = Self.array(Self.send(plain, "textDocument/completion", id: 3, Self.at(10, 16)).first?["result"])
        #expect(names.compactMap { Self.string($0["label"]) }.contains("exposure"))
    }

    @Test func symbolsFormattingAndQuickFixes() throws {
        let (server, _) = Self.opened()
        let symbols = Self.array(Self.send(server, "textDocument/documentSymbol", id: 2, .object(["textDocument": .object(["uri": .string(Self.uri)])])).first?["result"])
        #expect(symbols.compactMap { Self.string($0["name"]) } == ["z", "horizon_days", "crypto", "BTC", "exposure"])

        let messy = Self.policy.replacingOccurrences(of: "param z = 2.33", with: "param   z=2.33")
        let (formatter, _) = Self.opened(messy)
        let edits = Self.array(Self.send(formatter, "textDocument/formatting", id: 3, .object(["textDocument": .object(["uri": .string(Self.uri)])])).first?["result"])
        #expect(Self.string(edits.first?["newText"])?.contains("param z = 2.33\n") == true)

        // `haircutt` looks like the standard `haircut` (L0221, with a fix-it).
        let (fixable, published) = Self.opened(Self.policy.replacingOccurrences(of: "haircut = clamp", with: "haircutt = clamp"))
        let found = Self.array(published.first?["params"]?["diagnostics"])
        let diagnostic = try #require(found.first { Self.string($0["code"]) == "L0221" })
        let actions = Self.array(Self.send(fixable, "textDocument/codeAction", id: 4, .object([
            "textDocument": .object(["uri": .string(Self.uri)]),
            "range": JSONOutput.object(["start": .object(["line": .int(5), "character": .int(2)]),
                                        "end": .object(["line": .int(5), "character": .int(10)])]),
            "context": .object(["diagnostics": .array([])])])).first?["result"])
        #expect(Self.number(diagnostic["severity"]) == 2)
        let edits2 = Self.array(actions.first?["edit"]?["changes"]?[Self.uri])
        let edit = try #require(edits2.first)
        #expect(Self.string(edit["newText"]) == "haircut")
    }

    @Test func positionsCountUTF16() throws {
        // `é` is two bytes and one UTF-16 unit; `𝛔` four bytes and two units.
        let (server, published) = Self.opened("// é 𝛔\nparam z = 2.33\nmeasure m = zz")
        let found = Self.array(published.first?["params"]?["diagnostics"])
        let diagnostic = try #require(found.first)
        #expect(Self.number(diagnostic["range"]?["start"]?["line"]) == 2)
        #expect(Self.number(diagnostic["range"]?["start"]?["character"]) == 12)
        _ = server
    }

    @Test func shutdownExitAndUnknownRequests() {
        let server = LanguageServer()
        let unknown = Self.send(server, "textDocument/semanticTokens/full", id: 9, .object([:]))
        #expect(Self.number(unknown.first?["error"]?["code"]) == -32601)
        #expect(Self.send(server, "shutdown", id: 10, .null).count == 1)
        _ = Self.send(server, "exit", .null)
        #expect(server.isShutDown && server.hasExited)
    }

    @Test func framesRoundTrip() {
        var reader = LSPConnection.FrameReader()
        let frame = LSPConnection.frame(.object(["id": .int(1)]))
        reader.feed(Array(frame.prefix(10)))
        #expect(reader.take() == nil, "a partial frame waits")
        reader.feed(Array(frame.dropFirst(10)) + frame)
        #expect(reader.take().map { String(decoding: $0, as: UTF8.self) } == "{\"id\":1}\n")
        #expect(reader.take() != nil)
        #expect(reader.take() == nil)
    }
}
