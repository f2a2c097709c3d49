import Foundation

/// Free expressions typed at the prompt: checked as a measure of the session's policy
/// (`Checker.check(expression:in:)`), then folded when constant, or compiled with the policy and
/// evaluated by the engine for the account in focus or the whole book.
extension ReplSession {
    /// Rows shown for an expression over the whole book before the rest is counted.
    static let valueRows = 20

    /// The expression checked against the session's policy and declarations.
    func check(_ text: String) -> ExpressionCheck {
        Checker.check(expression: text, in: policy.checked)
    }

    /// `:type EXPR`: the type, unit and (for per-position values) the level.
    func type(_ text: String) -> ReplResponse {
        let probe = check(text)
        guard probe.isValid, let type = probe.type else { return .diagnostics(render(probe.diagnostics, probe.checked.sources)) }
        let level = probe.level == .position ? ", per position" : ""
        return .output("\(text) : \(type) (\(type.phrase)\(level))\n")
    }

    /// A bare expression, evaluated by the policy's compiled engine: its value when it depends on
    /// no account; per asset when it is per position but depends only on the asset and no book is
    /// loaded; else for the account in focus or every account of the book (per position when
    /// the expression is).
    func evaluate(_ text: String) -> ReplResponse {
        let expression: CompiledExpression
        switch CompiledExpression.compile(text, in: policy) {
        case .failure(let problem): return .diagnostics(render(problem.diagnostics, problem.sources))
        case .success(let compiled): expression = compiled
        }
        let probe = expression.check
        let format = Self.format(for: probe.type, expr: probe.expression, symbols: probe.checked.symbols)
        let dependence = expression.dependence
        if dependence == .market, market == nil {
            return error("`\(text)` reads market data; load a market (:market FILE)")
        }
        if dependence != .account, !expression.isPerPosition {
            let value = expression.value(market: market)
            let why = value == .undefined ? " (no number comes out: e.g. 0 ÷ 0, or the square root or log of a negative)" : ""
            return .output(Self.text(value, format) + why + "\n")
        }
        if dependence != .account, book == nil {
            let rows = expression.assetValues(market: market).map { [$0.asset, Self.text(.number($0.value), format)] }
            return .output(table(rows, total: rows.count, unit: "asset"))
        }
        switch inputs(for: text, probe) {
        case .failure(let refusal): return refusal.response
        case .success(let (market, accounts)):
            return .output(expression.isPerPosition
                ? positionRows(expression, accounts, market, format)
                : accountRows(expression, accounts, market, format))
        }
    }

    /// `:explain EXPR`: the expression's derivation for the account in focus, the book's only
    /// account, or, for a value that depends on no account, its stand-in (`CompiledExpression.standIn`).
    func explainExpression(_ text: String, book: Book) -> ReplResponse {
        let expression: CompiledExpression
        switch CompiledExpression.compile(text, in: policy) {
        case .failure(let problem):
            let note = text.contains(where: \.isWhitespace) ? "" : "note: `\(text)` is not an account of the book either\n"
            return .diagnostics(render(problem.diagnostics, problem.sources) + note)
        case .success(let compiled): expression = compiled
        }
        let focused = focus.flatMap { id in book.accounts.first { $0.id == id } }
        let standIn = expression.standIn
        guard let account = focused ?? (book.accounts.count == 1 ? book.accounts.first : nil) ?? standIn else {
            return error("`\(text)` depends on the account; choose one with :account ID")
        }
        guard let market, let tree = expression.explain(account, market: market) else {
            return error("cannot explain `\(text)`")
        }
        // A stand-in account is no account the user knows: show the derivation alone.
        return .output(account == standIn ? tree.children.map { $0.rendered() }.joined() : tree.rendered())
    }

    /// The market and the accounts an account-dependent expression runs for, or what is missing.
    func inputs(for text: String, _ probe: ExpressionCheck) -> Result<(MarketSnapshot, [Account]), Refusal> {
        guard let market, let book else {
            let what = probe.type?.phrase ?? "a value"
            let level = probe.level == .position ? "is \(what) per position" : "(\(what)) depends on the account"
            return .failure(Refusal(error("`\(text)` \(level); load a market and a book to see it (:market FILE, :book FILE)")))
        }
        let accounts = focus.flatMap { id in book.accounts.first { $0.id == id } }.map { [$0] } ?? Array(book.accounts)
        return .success((market, accounts))
    }

    /// One line per account (`id  value`), or just the value for the account in focus.
    private func accountRows(_ expression: CompiledExpression, _ accounts: [Account],
                             _ market: MarketSnapshot, _ format: ValueFormat) -> String {
        let shown = Array(accounts.prefix(Self.valueRows))
        let values = expression.values(for: shown, market: market)
        let rows = zip(shown, values).map { [$0.id, Self.text($1, format)] }
        if focus != nil, let only = rows.first?.last { return only + "\n" }
        return table(rows, total: accounts.count, unit: "account")
    }

    /// One line per position (`id  position  value`), the account in focus or the whole book.
    private func positionRows(_ expression: CompiledExpression, _ accounts: [Account],
                              _ market: MarketSnapshot, _ format: ValueFormat) -> String {
        var rows: [[String]] = []
        var total = 0
        for account in accounts {
            // Past the rows shown, positions are only counted: a trace per account is not cheap.
            guard rows.count < Self.valueRows else {
                total += account.positions.count
                continue
            }
            let values = expression.positionValues(account: account, market: market)
            total += values.count
            for (position, value) in values where rows.count < Self.valueRows {
                rows.append((focus == nil ? [account.id] : []) + [position, Self.text(.number(value), format)])
            }
        }
        return table(rows, total: total, unit: "position")
    }

    /// A report value as the REPL writes numbers: never NaN, `undefined` instead.
    static func text(_ value: ReportValue?, _ format: ValueFormat) -> String {
        switch value {
        case .number(let x)?: return x.isNaN ? "undefined" : format.text(x)
        case .decimal(_, let exact)?: return exact
        case .flag(let b)?: return b ? "true" : "false"
        case .label(let word)?: return word
        case .undefined?, nil: return "undefined"
        }
    }

    /// Columns padded to their widest entry (the last, the value, is not); rows past the first
    /// `valueRows` are counted.
    func table(_ rows: [[String]], total: Int, unit: String) -> String {
        guard !rows.isEmpty else { return "no \(unit)s\n" }
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        var text = rows.map { row in
            row.indices.map { c in c == row.count - 1 ? row[c] : row[c].padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ") + "\n"
        }.joined()
        if total > rows.count {
            text += "… \(total - rows.count) more \(unit)s" + (focus == nil ? "; :account ID shows one account\n" : "\n")
        }
        return text
    }
}

/// Why an expression cannot be evaluated yet: the response that says so.
struct Refusal: Error {
    var response: ReplResponse
    init(_ response: ReplResponse) { self.response = response }
}
