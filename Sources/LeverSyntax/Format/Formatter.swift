/// The canonical layout of a policy file, behind `lever fmt`.
///
/// The layout is a function of the tree and the comments only, so formatting is idempotent
/// (`format(parse(format(x))) == format(x)`) and never changes meaning: parentheses and number
/// digits are printed as written, and the tree of the output equals the tree of the input apart
/// from spans and ids (`ASTDump` of both is the same). The rules:
/// - header first, then imports, then one declaration per line;
/// - a single blank line where the source had one or more between two items, never two, and
///   none at the start or end of a block or file;
/// - blocks of properties: one property per line at two spaces of indent, `;` dropped; a block
///   with a single property stays on one line (`class stable { haircut = 2% }`) when it fits in
///   ``maxWidth`` columns and holds no comment;
/// - table rows one per line with the `->` column and the row labels aligned, row blocks inline
///   (`{ credit_line = 5M USD; haircut_discount = 20% }`) unless they hold a comment or the row
///   would pass ``maxWidth``, in which case the row's properties go one per line below it;
/// - curve points and scenario shocks on one line when they fit and hold no comment, otherwise
///   one per line with a trailing comma;
/// - expression spacing as documented on `ExpressionPrinter` (`a + b`, `x ^ 2`, `5M USD`, `2%`);
/// - comments kept: own-line comments above the node that follows them, at its indent; trailing
///   comments at the end of the line of the code before them, aligned across consecutive lines;
/// - no trailing spaces, and a final newline.
public enum Formatter {
    /// Lines longer than this are not made by joining a block onto one line.
    public static let maxWidth = 100

    /// The canonical text of a parsed file.
    ///
    /// Callers must refuse to format a file whose `diagnostics` contain an error: the tree then
    /// holds `.missing` nodes and recovered guesses, and printing it would silently drop the text
    /// the parser could not read. `lever fmt` prints the diagnostics instead and leaves the file alone.
    public static func format(_ file: ParsedFile) -> String {
        var writer = LineWriter(source: file.source, comments: file.comments)
        let policy = file.policy
        if let header = policy.header {
            writer.line(headerText(header), span: header.span, indent: 0)
        }
        for item in policy.imports {
            writer.line("import " + ExpressionPrinter.quoted(item.path), span: item.span, indent: 0)
        }
        for declaration in policy.declarations {
            layout(declaration, into: &writer)
        }
        writer.finish()
        return writer.render()
    }

    static func headerText(_ header: Header) -> String {
        var text = "policy " + ExpressionPrinter.quoted(header.name)
        if let version = header.version { text += " version " + ExpressionPrinter.quoted(version) }
        return text
    }

    // MARK: - Declarations

    /// Lays out one top-level declaration (always at indent 0).
    static func layout(_ declaration: Declaration, into writer: inout LineWriter) {
        let prefix = declaration.isOverride ? "override " : ""
        let span = declaration.span
        switch declaration.kind {
        case .param(let name, let value):
            writer.line("\(prefix)param \(name.text) = \(text(value))", span: span, indent: 0)
        case .input(let name, let range):
            writer.line("\(prefix)input \(name.text) in \(ExpressionPrinter.interval(range))", span: span, indent: 0)
        case .classDecl(let name, let parent, let body):
            let head = "\(prefix)class \(name.text)" + (parent.map { " : " + $0.text } ?? "")
            propertyBlock(head, body, span: span, braceless: true, into: &writer)
        case .asset(let name, let cls, let body):
            propertyBlock("\(prefix)asset \(name.text) : \(cls.text)", body, span: span, braceless: true, into: &writer)
        case .venue(let name, let body):
            propertyBlock("\(prefix)venue \(name.text)", body, span: span, braceless: true, into: &writer)
        case .chain(let name, let body):
            propertyBlock("\(prefix)chain \(name.text)", body, span: span, braceless: true, into: &writer)
        case .settings(let keyword, let body):
            propertyBlock(prefix + keyword.rawValue, body, span: span, braceless: false, into: &writer)
        case .table(let table):
            layoutTable(table, prefix: prefix, span: span, into: &writer)
        case .curve(let curve):
            layoutCurve(curve, prefix: prefix, span: span, into: &writer)
        case .scenario(let name, let shocks):
            layoutScenario(name, shocks, prefix: prefix, span: span, into: &writer)
        case .assertion(let assertion):
            let every = assertion.quantifier.map { "every \($0.text): " } ?? ""
            let consequence = assertion.consequence.map { " else \($0.text)" } ?? ""
            writer.line("\(prefix)assert \(every)\(text(assertion.condition))\(consequence)", span: span, indent: 0)
        case .measure(let name, let level, let value):
            writer.line("\(prefix)measure \(name.text) per \(level.rawValue) = \(text(value))", span: span, indent: 0)
        case .guardrail(let guardDecl):
            writer.line(prefix + guardDecl.text { text($0) }, span: span, indent: 0)
        case .flag(let flag):
            writer.line("\(prefix)flag \(FlagDecl.quoted(flag.text.text)) when \(text(flag.condition))", span: span, indent: 0)
        case .remedy(let remedy):
            writer.line(prefix + remedy.text, span: span, indent: 0)
        }
    }

    static func text(_ expr: Expr) -> String { ExpressionPrinter.text(expr) }

    static func fits(_ text: String, indent: Int) -> Bool {
        indent * LineWriter.indentWidth + text.count <= maxWidth
    }
}
