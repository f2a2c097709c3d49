import Lever
import LeverTesting

/// Builds a `PolicyDocument` from a checked policy, one section per kind of declaration, in the
/// order a committee reads a policy: what it is, its numbers, what it applies them to, how it
/// acts, and what it promises.
///
/// Declarations are taken from `SymbolTable.ordered` (declaration order, imports first, an
/// `override` in place of what it replaces), so the document shows the rules the engine runs.
struct DocumentBuilder {
    let checked: CheckResult
    let text: ValueText
    let comments: CommentIndex
    let curves: CurveValues
    /// The engine version to name in the header, if any.
    let engine: String?

    init(_ checked: CheckResult, engine: String? = nil) {
        self.checked = checked
        self.engine = engine
        self.text = ValueText(checked)
        self.comments = CommentIndex(checked)
        self.curves = CurveValues(checked)
    }

    /// The policy's name from its header, else the root file's name.
    var title: String {
        let identity = Lever.identity(of: checked)
        if !identity.name.isEmpty { return identity.name }
        return checked.root.map { String($0.source.path.split(separator: "/").last ?? "") } ?? "policy"
    }

    /// Every section, empty ones left out.
    func blocks() -> [DocumentBlock] {
        header() + parameters() + inputs() + assets() + venues() + chains() + tables() + curveSections()
            + settings() + measures() + flags() + remedies() + scenarios() + assertions() + guardrails()
    }

    // MARK: - Shared pieces

    /// The declarations of one kind, in order.
    func declarations(_ kind: SymbolKind) -> [Declaration] {
        checked.symbols.ordered.filter { $0.kind == kind }.map(\.declaration)
    }

    /// `Rules/lending.lever:31`: where a span starts.
    func location(_ span: Span) -> String {
        guard let file = checked.sources.file(span.file) else { return "" }
        return "\(file.path):\(file.location(of: span.start).line)"
    }

    /// Where a declaration is written; for an `override`, also where the declaration it replaces is.
    func declared(_ decl: Declaration) -> String {
        guard decl.isOverride, let name = decl.name?.text else { return location(decl.span) }
        let kind = SymbolKind(decl.kind)
        let replaced = checked.files.lazy.flatMap(\.policy.declarations)
            .first { $0.span.file != decl.span.file && !$0.isOverride && $0.name?.text == name && SymbolKind($0.kind) == kind }
        return location(decl.span) + (replaced.map { ", overrides " + location($0.span) } ?? ", override")
    }

    /// The author's comment on a span, or empty.
    func note(_ span: Span) -> String { comments.note(for: span) ?? "" }

    /// Source text as inline code.
    func code(_ expr: Expr) -> String { Self.code(text.source(expr)) }

    /// `text` as inline code.
    static func code(_ text: String) -> String { "`\(text)`" }

    /// The folded value of an expression in the unit it is written in, or empty when it depends
    /// on the market, a position or an account.
    func value(_ expr: Expr) -> String {
        guard let folded = text.entry(expr).value else { return "" }
        return ValueText.format(folded, unit: unit(of: expr, depth: 0))
    }

    /// Builtins whose result has the unit of their arguments (`sqrt` and `exp` do not).
    static let unitPreserving: Set<String> = ["min", "max", "clamp", "abs"]

    /// The unit an expression is written in, as `ValueText.unit(in:)` finds it, reading through
    /// params (`protocol_fee`, `a * 3` where `a = 1%`).
    func unit(of expr: Expr, depth: Int) -> String? {
        guard depth < 16 else { return nil }
        switch expr.kind {
        case .name(let name): return checked.symbols.param(name).flatMap { unit(of: $0, depth: depth + 1) }
        case .unary(_, let e), .paren(let e): return unit(of: e, depth: depth + 1)
        case .binary(let op, _, _) where op == .add || op == .subtract || op == .multiply:
            // Operands in written order, a chain of operators in a loop (`BinaryChain`).
            guard let chain = BinaryChain(expr, where: { $0 == .add || $0 == .subtract || $0 == .multiply })
            else { return nil }
            return ([chain.first] + chain.links.map(\.rhs)).lazy.compactMap { self.unit(of: $0, depth: depth + 1) }.first
        case .call(let name, let args, nil) where Self.unitPreserving.contains(name.text):
            return args.lazy.compactMap { self.unit(of: $0.value, depth: depth + 1) }.first
        case .conditional(_, let then, let otherwise):
            return unit(of: then, depth: depth + 1) ?? unit(of: otherwise, depth: depth + 1)
        default: return ValueText.unit(in: expr, depth: 0)
        }
    }

    /// A heading and its content, or nothing when there is no content.
    func section(_ title: String, _ content: [DocumentBlock]) -> [DocumentBlock] {
        content.isEmpty ? [] : [.heading(level: 2, text: title)] + content
    }
}
