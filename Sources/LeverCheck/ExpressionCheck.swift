import LeverSyntax

/// A free expression (typed at the REPL, asked about by a tool) checked in the context of a
/// checked policy, as if the policy declared `measure NAME per LEVEL = EXPR`.
///
/// The expression lives in a file of its own (`<input>`), so its diagnostics point into the text
/// the user typed rather than into the policy, and `checked` is the policy with the measure
/// added: compiling it is how the expression is evaluated, with exactly the policy's rules.
public struct ExpressionCheck: Sendable {
    /// The parsed expression (its spans are in `file`).
    public var expression: Expr
    /// The measure name the expression was checked under.
    public var name: String
    /// Account level when that types; position level for values that need a position (`z * vol`).
    public var level: MeasureLevel
    /// The expression's type (`nil` when it does not check).
    public var type: LeverType?
    /// The diagnostics that point into the expression, rendered against `checked.sources`.
    public var diagnostics: [Diagnostic]
    /// The id of the expression's file in `checked.sources`.
    public var file: Int
    /// The policy plus the measure (valid when the policy and the expression are).
    public var checked: CheckResult

    /// True when the expression has no errors of its own.
    public var isValid: Bool { !diagnostics.hasErrors }
}

extension Checker {
    /// The measure name free expressions are checked under by default.
    public static let probeName = "<input>"

    /// Checks `text` as an expression of the checked policy `base`, declared as a measure called
    /// `name`. The default cannot be written in Lever, so it never clashes with a policy's names.
    ///
    /// Account level is tried first; if the only trouble is a per-position value outside an
    /// aggregate (L0311), the expression is checked again per position. The policy's own tables,
    /// curves and proofs were analysed when `base` was checked and are not analysed again.
    public static func check(expression text: String, in base: CheckResult, named name: String = probeName,
                             path: String = "<input>") -> ExpressionCheck {
        let account = check(expression: text, in: base, named: name, path: path, level: .account)
        guard account.diagnostics.contains(where: { $0.code == "L0311" }) else { return account }
        let position = check(expression: text, in: base, named: name, path: path, level: .position)
        return position.isValid ? position : account
    }

    /// Checks `text` at one level.
    public static func check(expression text: String, in base: CheckResult, named name: String = probeName,
                             path: String = "<input>", level: MeasureLevel) -> ExpressionCheck {
        var sources = base.sources
        let source = sources.add(path: path, text: text)
        let (expr, parseDiagnostics) = Parser.parseExpression(source)
        var files = base.files
        if !files.isEmpty {
            let span = Span(file: source.id, start: 0, end: source.bytes.count)
            // Ids count from 1 within a parse, so 0 is free for the synthetic declaration.
            let measure = Declaration(id: NodeID(0), span: span, isOverride: false,
                                      kind: .measure(Name(name, span: span), level: level, expr))
            files[files.count - 1].policy.declarations.append(measure)
        }
        let checked = check(files: files, sources: sources, loadDiagnostics: parseDiagnostics, stopAfter: .units)
        let own = checked.diagnostics.filter { $0.primary.span.file == source.id }
        return ExpressionCheck(expression: expr, name: name, level: level, type: own.hasErrors ? nil : checked.types[expr],
                               diagnostics: own, file: source.id, checked: checked)
    }
}
