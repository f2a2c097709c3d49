import Lever

/// Hover, go-to-definition, references, completion and document symbols: what a name under
/// the cursor is, read from the last check.
extension LanguageServer {
    /// The name under the cursor: its token, and the name before a `.` in front of it
    /// (`BTC` for `BTC.price`), if any.
    struct Word {
        var text: String
        var span: Span
        var qualifier: String?
    }

    /// The identifier (or keyword) token at a byte offset, with its qualifier.
    func word(in document: Document, at offset: Int) -> Word? {
        let tokens = document.tokens
        guard let i = tokens.firstIndex(where: { $0.span.start <= offset && offset <= $0.span.end && Self.isWord($0) }) else { return nil }
        var qualifier: String?
        if i >= 2, tokens[i - 1].kind == .dot, Self.isWord(tokens[i - 2]) { qualifier = tokens[i - 2].text }
        return Word(text: tokens[i].text, span: tokens[i].span, qualifier: qualifier)
    }

    static func isWord(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .keyword: true
        default: false
        }
    }

    /// The declaration a bare name refers to, in the order the resolver tries them.
    static func symbol(_ name: String, in symbols: SymbolTable) -> Symbol? {
        for kind in [SymbolKind.param, .measure, .curve, .table, .scenario, .asset, .class, .venue, .input] {
            if let symbol = symbols.lookup(kind, name) { return symbol }
        }
        return nil
    }

    // MARK: - Hover

    func hover(_ document: Document, _ offset: Int) -> JSONOutput? {
        guard let word = word(in: document, at: offset), let file = document.file else { return nil }
        let symbols = document.checked.symbols
        var lines: [String] = []
        if let chain = ruleChain(word, document, offset: offset) {
            lines = chain
        } else if word.qualifier == nil || word.qualifier.map({ symbols.lookup(.asset, $0) == nil && symbols.lookup(.class, $0) == nil }) == true,
           let symbol = Self.symbol(word.text, in: symbols) {
            lines = describe(symbol, document)
        } else if let known = Self.vocabulary(word.text, qualifier: word.qualifier) {
            lines = ["```lever\n\(word.qualifier.map { "\($0)." } ?? "")\(word.text): \(known.type.phrase)\n```", known.doc]
        } else if let builtin = Builtins.all.first(where: { $0.name == word.text }) {
            lines = ["```lever\n\(builtin.name)(…)\n```", builtin.doc, "e.g. `\(builtin.example)`"]
        } else if let set = WordSet.containing(word.text) {
            lines = ["`\(word.text)`: one of the `\(set.rawValue)` words (\(set.words.map { "`\($0)`" }.joined(separator: ", ")))"]
        } else {
            return nil
        }
        return .object([
            "contents": .object(["kind": .string("markdown"), "value": .string(lines.joined(separator: "\n\n"))]),
            "range": TextPosition(file: file).range(word.span),
        ])
    }

    /// A declaration as hover shows it: its text, its folded value with its unit (a param), its
    /// type (a measure), its class chain (an asset) and where it is declared.
    func describe(_ symbol: Symbol, _ document: Document) -> [String] {
        let checked = document.checked
        guard let file = checked.sources.file(symbol.declaration.span.file) else { return [] }
        var text = file.text(of: symbol.declaration.span)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > 12 { text = lines.prefix(12).joined(separator: "\n") + "\n…" }
        var out = ["```lever\n\(text)\n```"]
        switch symbol.kind {
        case .param:
            if let expr = checked.symbols.param(symbol.name),
               let quantity = ConstantFolder(symbols: checked.symbols).quantity(expr) {
                let unit = quantity.dimension.isDimensionless ? "a plain number or ratio" : quantity.dimension.description
                out.append("= \(NumberText.shortest(quantity.value)) (\(unit), in base units)")
            }
        case .measure:
            if let info = checked.symbols.measure(symbol.name), let type = checked.types[info.value] {
                out.append("\(type.phrase), per \(info.level)")
            }
        case .asset:
            if let info = checked.symbols.assetInfo(symbol.name) {
                let chain = checked.symbols.classChain(info.cls.text).map(\.name.text)
                out.append("class chain: " + chain.map { "`\($0)`" }.joined(separator: " → "))
            }
        default: break
        }
        out.append("declared at \(file.path):\(file.location(of: symbol.nameSpan.start).line)")
        return out
    }

    /// The effective rule chain of a property for one asset (class root → … → class → asset,
    /// every rule that sets or adjusts it, in the order the engine applies them): for `BTC.haircut`,
    /// or a property named inside an asset's block.
    func ruleChain(_ word: Word, _ document: Document, offset: Int) -> [String]? {
        let symbols = document.checked.symbols
        let asset: String
        if let q = word.qualifier, symbols.lookup(.asset, q) != nil {
            asset = q
        } else if word.qualifier == nil, let symbol = symbols.ordered.first(where: {
            $0.kind == .asset && $0.declaration.span.file == word.span.file
                && $0.declaration.span.start <= offset && offset <= $0.declaration.span.end
        }) {
            asset = symbol.name
        } else {
            return nil
        }
        guard let info = symbols.assetInfo(asset) else { return nil }
        let steps = symbols.classChain(info.cls.text).map { ("class \($0.name.text)", $0.body) } + [("asset \(asset)", info.body)]
        let rules = steps.flatMap { owner, body in
            body.filter { $0.name.text == word.text }.map { "\(owner): \(word.text) \($0.op.rawValue) \(ASTDump.dump($0.value))" }
        }
        guard !rules.isEmpty else { return nil }
        var out = ["```lever\n" + rules.joined(separator: "\n") + "\n```", "`\(word.text)` of `\(asset)`: the rules above, applied in order"]
        if let known = Vocabulary.standardProperties[word.text] { out.append(known.doc + " (\(known.type.phrase))") }
        return out
    }

    /// What the language itself knows of a name (a standard property, a position field, …).
    static func vocabulary(_ name: String, qualifier: String?) -> KnownName? {
        if qualifier == "account" { return Vocabulary.accountAttributes[name] }
        if let q = qualifier, let keyword = Keyword(rawValue: q), Keyword.settingsBlocks.contains(keyword) {
            return Vocabulary.settingsProperties(keyword)[name]
        }
        return Vocabulary.standardProperties[name] ?? Vocabulary.positionFields[name] ?? Vocabulary.accountResults[name]
            ?? Vocabulary.marketInputs[name] ?? Vocabulary.marginProperties[name] ?? Vocabulary.oracleProperties[name]
            ?? Vocabulary.arithmeticProperties[name] ?? Vocabulary.reputationProperties[name]
    }

    // MARK: - Definition and references

    func definition(_ document: Document, _ offset: Int) -> JSONOutput? {
        guard let word = word(in: document, at: offset), let symbol = Self.symbol(word.text, in: document.checked.symbols),
              let file = document.checked.sources.file(symbol.nameSpan.file) else { return nil }
        let uri = file.id == document.file?.id ? document.uri : Self.uri(of: file.path)
        return .object(["uri": .string(uri), "range": TextPosition(file: file).range(symbol.nameSpan)])
    }

    /// Every use of the name in the document and in the files it imports (a declaration in an
    /// import is used there too), in the order the check read the files, each in file order.
    func references(_ document: Document, _ offset: Int) -> JSONOutput? {
        guard let word = word(in: document, at: offset), let root = document.file else { return nil }
        let declared = Self.symbol(word.text, in: document.checked.symbols) != nil
        var locations: [JSONOutput] = []
        for file in document.checked.sources.files {
            let position = TextPosition(file: file)
            let uri = file.id == root.id ? document.uri : Self.uri(of: file.path)
            let tokens = file.id == root.id ? document.tokens : Lexer.lex(file).tokens
            for (i, token) in tokens.enumerated() where token.kind == .identifier && token.text == word.text {
                // A declared name read after a dot (`BTC.z`) is another thing's member.
                if declared, i >= 1, tokens[i - 1].kind == .dot { continue }
                locations.append(.object(["uri": .string(uri), "range": position.range(token.span)]))
            }
        }
        return .array(locations)
    }

    // MARK: - Completion

    func completion(_ document: Document, _ offset: Int) -> JSONOutput? {
        guard let file = document.file else { return nil }
        let symbols = document.checked.symbols
        // The name before a `.` just left of the cursor (`BTC.` or `BTC.pr`).
        let before = String(decoding: file.bytes[max(0, offset - 200)..<min(offset, file.bytes.count)], as: UTF8.self)
        let partial = String(before.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
        let head = before.dropLast(partial.count)
        var items: [(String, Int, String)] = []
        if head.hasSuffix(".") {
            let qualifier = String(head.dropLast().reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }.reversed())
            if symbols.lookup(.asset, qualifier) != nil || symbols.lookup(.class, qualifier) != nil {
                items = Vocabulary.standardProperties.map { ($0.key, 10, $0.value.doc) }
                    + Vocabulary.marketInputs.map { ($0.key, 10, $0.value.doc) }
            } else if let table = symbols.table(qualifier) {
                let fields = Set(table.rows.flatMap { $0.body.map(\.name.text) })
                items = fields.sorted().map { ($0, 5, "a field of `\(qualifier)`") }
            } else if qualifier == "account" {
                items = Vocabulary.accountAttributes.map { ($0.key, 10, $0.value.doc) }
            } else if let keyword = Keyword(rawValue: qualifier), Keyword.settingsBlocks.contains(keyword) {
                items = Vocabulary.settingsProperties(keyword).map { ($0.key, 10, $0.value.doc) }
            }
        } else {
            for kind in [SymbolKind.param, .measure, .curve, .table, .scenario, .asset, .class, .venue] {
                items += symbols.names(kind).map { ($0, Self.completionKind(kind), kind.display) }
            }
            items += Builtins.names.map { name in (name, 3, Builtins.all.first { $0.name == name }?.doc ?? "builtin") }
            items += Vocabulary.standardProperties.map { ($0.key, 10, $0.value.doc) }
            items += Vocabulary.positionFields.map { ($0.key, 5, $0.value.doc) }
            items += Vocabulary.accountResults.map { ($0.key, 5, $0.value.doc) }
            items += Keyword.allCases.map { ($0.rawValue, 14, "keyword") }
        }
        var seen: Set<String> = []
        let matching = items.filter { $0.0.hasPrefix(partial) && seen.insert($0.0).inserted }.sorted { $0.0 < $1.0 }
        return .array(matching.map { .object(["label": .string($0.0), "kind": .int($0.1), "detail": .string($0.2)]) })
    }

    static func completionKind(_ kind: SymbolKind) -> Int {
        switch kind {
        case .param: 21
        case .curve: 3
        case .class: 7
        case .asset, .venue: 12
        case .table: 22
        case .scenario: 23
        default: 6
        }
    }

    // MARK: - Symbols

    /// The document's declarations, in order, as an outline.
    func symbols(_ document: Document) -> JSONOutput {
        guard let file = document.file else { return .array([]) }
        let position = TextPosition(file: file)
        return .array(document.checked.symbols.ordered.filter { $0.nameSpan.file == file.id }.map { symbol in
            .object([
                "name": .string(symbol.name), "detail": .string(symbol.kind.display), "kind": .int(Self.symbolKind(symbol.kind)),
                "range": position.range(symbol.declaration.span), "selectionRange": position.range(symbol.nameSpan),
            ])
        })
    }

    static func symbolKind(_ kind: SymbolKind) -> Int {
        switch kind {
        case .param: 14
        case .input: 13
        case .class: 5
        case .asset, .venue, .chain: 19
        case .settings: 3
        case .table: 23
        case .curve: 12
        case .scenario: 24
        case .measure: 8
        case .assertion, .flag: 17
        case .guard: 7
        case .remedy: 25  // Operator: an action the policy offers
        }
    }
}
