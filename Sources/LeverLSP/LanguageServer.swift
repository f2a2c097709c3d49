import Foundation
import Lever

/// A Language Server Protocol server for policies, over the parser and checker.
///
/// Transport-free: `handle` takes one JSON-RPC message and returns what to send back (the
/// response to a request, and `textDocument/publishDiagnostics` after a document changes), so
/// tests drive it with messages and `LSPConnection` frames it over stdio. Each open document is
/// checked in full on every change (imports are read from disk relative to its path); the
/// server keeps the last check to answer hover, definition, symbols, completion, formatting and
/// code actions (the diagnostics' fix-its).
public final class LanguageServer {
    /// An open document and its last check.
    struct Document {
        var uri: String
        var text: String
        var checked: CheckResult
        /// The document's tokens, lexed once per change for hover, definition and references.
        var tokens: [Token]
        /// The document's own file in the check (imports come before it).
        var file: SourceFile? { checked.root?.source }
    }

    var documents: [String: Document] = [:]
    /// `shutdown` was received: the next `exit` ends the session cleanly.
    public private(set) var isShutDown = false
    /// `exit` was received.
    public private(set) var hasExited = false

    public init() {}

    /// The messages to send in reply to `message` (a request's response, notifications).
    public func handle(_ message: JSONValue) -> [JSONOutput] {
        let method = message["method"]?.stringValue ?? ""
        let id = message["id"].map(Self.id)
        let params = message["params"] ?? .null
        var out: [JSONOutput] = []
        func reply(_ result: JSONOutput) { if let id { out.append(.object(["jsonrpc": .string("2.0"), "id": id, "result": result])) } }
        switch method {
        case "initialize": reply(Self.capabilities)
        case "initialized", "$/cancelRequest", "workspace/didChangeConfiguration": break
        case "shutdown":
            isShutDown = true
            reply(.null)
        case "exit": hasExited = true
        case "textDocument/didOpen":
            if let uri = params["textDocument"]?["uri"]?.stringValue, let text = params["textDocument"]?["text"]?.stringValue {
                out.append(open(uri: uri, text: text))
            }
        case "textDocument/didChange":
            // Full synchronisation: the last change holds the whole text.
            if let uri = params["textDocument"]?["uri"]?.stringValue,
               let text = params["contentChanges"]?.arrayValue?.last?["text"]?.stringValue {
                out.append(open(uri: uri, text: text))
            }
        case "textDocument/didSave": break
        case "textDocument/didClose":
            if let uri = params["textDocument"]?["uri"]?.stringValue {
                documents[uri] = nil
                out.append(Self.publish(uri: uri, diagnostics: []))
            }
        case "textDocument/hover": reply(at(params) { hover($0, $1) } ?? .null)
        case "textDocument/definition": reply(at(params) { definition($0, $1) } ?? .null)
        case "textDocument/references": reply(at(params) { references($0, $1) } ?? .array([]))
        case "textDocument/completion": reply(at(params) { completion($0, $1) } ?? .array([]))
        case "textDocument/documentSymbol": reply(document(params).map(symbols) ?? .array([]))
        case "textDocument/formatting": reply(document(params).map(formatting) ?? .null)
        case "textDocument/codeAction": reply(document(params).map { codeActions($0, params) } ?? .array([]))
        default:
            // A request the server does not know gets MethodNotFound; a notification is ignored.
            if let id, !method.hasPrefix("$/") {
                out.append(.object(["jsonrpc": .string("2.0"), "id": id,
                                    "error": .object(["code": .int(-32601), "message": .string("unknown method \(method)")])]))
            }
        }
        return out
    }

    static let capabilities: JSONOutput = .object([
        "capabilities": .object([
            "textDocumentSync": .int(1),
            "hoverProvider": .bool(true),
            "definitionProvider": .bool(true),
            "referencesProvider": .bool(true),
            "documentSymbolProvider": .bool(true),
            "documentFormattingProvider": .bool(true),
            "codeActionProvider": .bool(true),
            "completionProvider": .object(["triggerCharacters": .array([.string(".")])]),
        ]),
        "serverInfo": .object(["name": .string("lever"), "version": .string(EngineVersion.number)]),
    ])

    // MARK: - Documents

    /// Checks the text and returns its diagnostics notification.
    func open(uri: String, text: String) -> JSONOutput {
        let checked = Checker.check(source: text, path: Self.path(of: uri))
        let tokens = checked.root.map { Lexer.lex($0.source).tokens } ?? []
        let document = Document(uri: uri, text: text, checked: checked, tokens: tokens)
        documents[uri] = document
        return Self.publish(uri: uri, diagnostics: diagnostics(document))
    }

    func document(_ params: JSONValue) -> Document? {
        params["textDocument"]?["uri"]?.stringValue.flatMap { documents[$0] }
    }

    /// Runs `body` with the document and the byte offset of `params.position`.
    func at(_ params: JSONValue, _ body: (Document, Int) -> JSONOutput?) -> JSONOutput? {
        guard let document = document(params), let file = document.file,
              let line = params["position"]?["line"]?.intValue, let character = params["position"]?["character"]?.intValue
        else { return nil }
        return body(document, TextPosition(file: file).offset(line: line, character: character))
    }

    // MARK: - Diagnostics

    /// The document's own diagnostics (those in an import are reported on the import line).
    func diagnostics(_ document: Document) -> [JSONOutput] {
        guard let file = document.file else { return [] }
        let position = TextPosition(file: file)
        return document.checked.diagnostics.map { d in
            let inFile = d.primary.span.file == file.id
            let span = inFile ? d.primary.span : Span(file: file.id, start: 0, end: 0)
            var message = d.message
            if !inFile, let other = document.checked.sources.file(d.primary.span.file) {
                message = "\(other.path):\(other.location(of: d.primary.span.start).line): " + message
            }
            if let label = d.primary.message, !label.isEmpty { message += " (\(label))" }
            for note in d.notes { message += "\nnote: " + note }
            if let help = d.help { message += "\nhelp: " + help }
            return .object([
                "range": position.range(span),
                "severity": .int(d.severity == .error ? 1 : d.severity == .warning ? 2 : 3),
                "code": .string(d.code),
                "source": .string("lever"),
                "message": .string(message),
            ])
        }
    }

    static func publish(uri: String, diagnostics: [JSONOutput]) -> JSONOutput {
        .object(["jsonrpc": .string("2.0"), "method": .string("textDocument/publishDiagnostics"),
                 "params": .object(["uri": .string(uri), "diagnostics": .array(diagnostics)])])
    }

    /// The fix-its of the diagnostics that touch the requested range, as quick fixes.
    func codeActions(_ document: Document, _ params: JSONValue) -> JSONOutput {
        guard let file = document.file else { return .array([]) }
        let position = TextPosition(file: file)
        let start = params["range"]?["start"], end = params["range"]?["end"]
        let lo = position.offset(line: start?["line"]?.intValue ?? 0, character: start?["character"]?.intValue ?? 0)
        let hi = position.offset(line: end?["line"]?.intValue ?? Int.max, character: end?["character"]?.intValue ?? Int.max)
        var actions: [JSONOutput] = []
        for d in document.checked.diagnostics where d.primary.span.file == file.id
            && d.primary.span.start <= hi && lo <= d.primary.span.end {
            for fix in d.fixIts where fix.edits.allSatisfy({ $0.span.file == file.id }) {
                let edits = fix.edits.map { JSONOutput.object(["range": position.range($0.span), "newText": .string($0.replacement)]) }
                actions.append(.object([
                    "title": .string(fix.message), "kind": .string("quickfix"),
                    "edit": .object(["changes": .object([document.uri: .array(edits)])]),
                ]))
            }
        }
        return .array(actions)
    }

    // MARK: - Formatting

    /// The whole document replaced by `lever fmt`'s text; no edit while it has syntax errors
    /// (formatting a tree the parser recovered would drop what it could not read).
    func formatting(_ document: Document) -> JSONOutput {
        guard let root = document.checked.root, let file = document.file, !root.diagnostics.hasErrors else { return .null }
        let formatted = Formatter.format(root)
        guard formatted != document.text else { return .array([]) }
        let range = TextPosition(file: file).range(Span(file: file.id, start: 0, end: file.bytes.count))
        return .array([.object(["range": range, "newText": .string(formatted)])])
    }

    // MARK: - URIs

    /// The file path of a `file://` URI (percent-escapes decoded); other URIs as given.
    static func path(of uri: String) -> String {
        guard uri.hasPrefix("file://") else { return uri }
        let rest = String(uri.dropFirst("file://".count))
        return rest.removingPercentEncoding ?? rest
    }

    /// The `file://` URI of a path.
    static func uri(of path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return "file://" + (absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute)
    }

    /// A request id, number or string, as sent.
    static func id(_ value: JSONValue) -> JSONOutput {
        switch value {
        case .number(let x): x == x.rounded() && abs(x) < 1e15 ? .int(Int(x)) : .number(x)
        case .string(let s): .string(s)
        default: .null
        }
    }
}

extension JSONValue {
    var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    var intValue: Int? { if case .number(let x) = self, x == x.rounded(), abs(x) < 1e15 { Int(x) } else { nil } }
    var arrayValue: [JSONValue]? { if case .array(let items) = self { items } else { nil } }
}
