import Foundation

extension ReplSession {
    /// `:market FILE`: loads a snapshot; what-ifs start again from it.
    func loadMarket(_ path: String) -> ReplResponse {
        var sources = SourceMap()
        let loaded: Loaded<MarketSnapshot>
        do {
            loaded = try MarketLoader.load(path: path, into: &sources, options: LoadOptions(limits: inputLimits))
        } catch {
            return self.error(Self.cannotRead(path, error))
        }
        guard let value = loaded.value, !loaded.diagnostics.hasErrors else { return .diagnostics(render(loaded.diagnostics, sources)) }
        (baseMarket, market) = (value, value)
        return .output("loaded market \(path) (\(value.assets.count) asset\(value.assets.count == 1 ? "" : "s"))\n")
    }

    /// `:book FILE`: loads accounts, their names checked against the policy when one is loaded.
    /// Without one nothing is checked here: a market's gaps are the oracle rule's business, and
    /// `:eval` reports names the policy does not declare when there is a policy to ask.
    func loadBook(_ path: String) -> ReplResponse {
        var sources = SourceMap()
        let names = policy.engine.map { PolicyNames(policy: $0.policy) }
        let loaded: Loaded<Book>
        do {
            loaded = try BookLoader.load(path: path, into: &sources, policy: names, options: LoadOptions(limits: inputLimits))
        } catch {
            return self.error(Self.cannotRead(path, error))
        }
        guard let value = loaded.value, !loaded.diagnostics.hasErrors else { return .diagnostics(render(loaded.diagnostics, sources)) }
        book = value
        if let id = focus, !value.accounts.contains(where: { $0.id == id }) { focus = nil }
        return .output("loaded book \(path) (\(value.accounts.count) account\(value.accounts.count == 1 ? "" : "s"))\n")
    }

    /// The engine, market and book that `:eval` and `:explain` need, or what is missing.
    func inputs() -> Result<(MarginEngine, MarketSnapshot, Book), ReplCommandError> {
        guard let engine = policy.engine else { return .failure(ReplCommandError("no policy loaded; use :load FILE")) }
        guard let market else { return .failure(ReplCommandError("no market loaded; use :market FILE")) }
        guard let book else { return .failure(ReplCommandError("no book loaded; use :book FILE")) }
        return .success((engine, market, book))
    }

    /// `:eval [ACCOUNT]`: the report as a table.
    func eval(_ account: String?) -> ReplResponse {
        switch inputs() {
        case .failure(let e): return error(e.message)
        case .success(let (engine, market, book)):
            var selected = book
            if let account {
                selected = Book(accounts: book.accounts.filter { $0.id == account })
                if selected.count == 0 { return error("no account `\(account)` in the book") }
            }
            // The summary columns `lever eval` shows by default; `:explain` gives the rest.
            let renderer = ReportRenderer(style: .table(color: color))
            let report = Lever.evaluate(engine, book: selected, market: market)
            let shown = (try? report.selecting(outputs: renderer.defaultFields(engine.policy.outputs.map(\.name))).get()) ?? report
            return .output(renderer.render(shown))
        }
    }

    /// `:remedy ACCOUNT`: the least single action that makes the account healthy, each verified,
    /// in the market as it now is (after any `:set` and `:shock`).
    func remedy(_ account: String) -> ReplResponse {
        switch inputs() {
        case .failure(let e): return error(e.message)
        case .success(let (engine, market, book)):
            guard let holder = book.account(id: account) else {
                let suggestion = Suggestion.closest(to: account, in: book.ids).map { "; did you mean `\($0)`?" } ?? ""
                return error("no account `\(account)` in the book\(suggestion)")
            }
            let found = RemedyFinder(engine: engine, market: market).remedy(for: holder)
            return .output(ReportRenderer.text(found).joined(separator: "\n") + "\n")
        }
    }

    /// `:explain TARGET`: an account's results when `TARGET` is an account id, one of them for
    /// `ACCOUNT.MEASURE`, else the derivation of `TARGET` read as an expression.
    func explain(_ target: String) -> ReplResponse {
        switch inputs() {
        case .failure(let e): return error(e.message)
        case .success(let (engine, market, book)):
            let explainer = Explainer(engine: engine, sources: policy.sources)
            // An account id may itself contain a dot: the whole text as an id comes first.
            if let tree = explainer.explain(account: target, book: book, market: market) { return .output(tree.rendered()) }
            if let dot = target.lastIndex(of: "."), book.accounts.contains(where: { $0.id == target[..<dot] }) {
                let measure = String(target[target.index(after: dot)...])
                guard !measure.isEmpty else { return error("name a result after `\(target)`; :explain \(target[..<dot]) lists them") }
                guard let tree = explainer.explain(account: String(target[..<dot]), book: book, market: market, measure: measure) else {
                    return error("no output `\(measure)` in the policy; :explain \(target[..<dot]) lists them")
                }
                return .output(tree.rendered())
            }
            return explainExpression(target, book: book)
        }
    }

    /// `:account [ID]`: focuses expressions on one account of the book, or on the whole book.
    func setFocus(_ id: String?) -> ReplResponse {
        guard let id else {
            focus = nil
            return .output("expressions now run over the whole book\n")
        }
        guard let book else { return error("no book loaded; use :book FILE") }
        guard book.accounts.contains(where: { $0.id == id }) else {
            let suggestion = Suggestion.closest(to: id, in: book.ids).map { "; did you mean `\($0)`?" } ?? ""
            return error("no account `\(id)` in the book\(suggestion)")
        }
        focus = id
        return .output("expressions now run for account \(id)\n")
    }
    /// `:set ASSET.FIELD = VALUE`: a what-if on one market input.
    func set(_ asset: String, _ field: MarketField, _ value: Double) -> ReplResponse {
        guard let current = market else { return error("no market loaded; use :market FILE") }
        switch current.setting(asset, field, to: value) {
        case .failure(let problem): return error(problem.message)
        case .success(let moved): market = moved
        }
        let shown = field == .price ? ValueFormat.plain.text(value) : ValueFormat.percent.text(value)
        return .output("\(asset).\(field.rawValue) = \(shown)\n")
    }

    /// `:shock SCENARIO`: the market the scenario's shocks make (`MarketSnapshot.shocked`, as
    /// the compiled scenario moves it).
    func shock(_ name: String) -> ReplResponse {
        guard let current = market else { return error("no market loaded; use :market FILE") }
        let symbols = policy.checked.symbols
        guard let symbol = symbols.lookup(.scenario, name), case .scenario(_, let shocks) = symbol.declaration.kind else {
            let names = symbols.names(.scenario)
            let hint = Suggestion.hint(for: name, in: names)
            return error("no scenario `\(name)` in the policy\(hint)" + (names.isEmpty ? "; it declares none" : ""))
        }
        market = current.shocked(by: shocks, symbols: symbols)
        return .output("applied scenario \(name) (\(shocks.count) shock\(shocks.count == 1 ? "" : "s")); :reset undoes it\n")
    }

    /// `:reset`: back to the market as loaded.
    func reset() -> ReplResponse {
        guard let baseMarket else { return error("no market loaded; use :market FILE") }
        market = baseMarket
        return .output("market reset to the loaded snapshot\n")
    }
}

extension MarketSnapshot {
    /// The snapshot with one asset's price, vol or utilization set (a what-if: the REPL's `:set`,
    /// `lever eval --set`), held to the market file's own rules; the reason when it cannot be.
    public func setting(_ asset: String, _ field: MarketField, to value: Double) -> Result<MarketSnapshot, ReplCommandError> {
        guard let i = index(of: asset) else {
            return .failure(ReplCommandError("no asset `\(asset)` in the market" + Suggestion.hint(for: asset, in: assets.map(\.symbol))))
        }
        if let problem = Self.problem(with: value, for: field) {
            return .failure(ReplCommandError("\(asset).\(field.rawValue) \(problem)"))
        }
        var out = self
        switch field {
        case .price: out.assets[i].price = value
        case .vol: out.assets[i].vol = value
        case .utilization: out.assets[i].utilizationGiven = value
        }
        return .success(out)
    }

    /// Why `value` cannot be `field` of an asset (the market file's own rules), or nil.
    static func problem(with value: Double, for field: MarketField) -> String? {
        guard value.isFinite else { return "must be a finite number" }
        switch field {
        case .price, .vol: return value < 0 ? "cannot be negative" : nil
        case .utilization: return (0...1).contains(value) ? nil : "must be within [0%, 100%]"
        }
    }
}
