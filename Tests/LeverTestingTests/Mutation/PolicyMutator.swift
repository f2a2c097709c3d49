import Foundation
import Lever

/// One systematic edit of a policy's text: what it did, where (the byte offset it touched, to
/// find the declaration it belongs to), and the edited text.
struct Mutant {
    var description: String
    var offset: Int
    var source: String
}

/// Generates mutants of a policy, the way a careless or a malicious edit would change it:
/// every number nudged, every assignment operator and arithmetic or comparison operator
/// swapped, `min` for `max`, every property rule deleted and moved past its neighbour, every
/// table row removed and duplicated, every curve point removed and a point added inside every
/// segment. Many mutants do not check (a gap in a tier table, a unit mismatch); the test
/// skips those, since `lever diff` only compares valid policies.
struct PolicyMutator {
    let bytes: [UInt8]
    let checked: CheckResult
    let tokens: [Token]

    init(source: String, path: String) {
        self.bytes = Array(source.utf8)
        self.checked = Checker.check(source: source, path: path)
        let file = SourceFile(id: 0, path: path, text: source)
        self.tokens = Lexer.lex(file).tokens
    }

    func mutants() -> [Mutant] {
        numbers() + operators() + propertyEdits() + rowEdits() + pointEdits()
    }

    // MARK: - Edits

    func replacing(_ start: Int, _ end: Int, with text: String, _ description: String) -> Mutant {
        let edited = Array(bytes[..<start]) + Array(text.utf8) + Array(bytes[end...])
        return Mutant(description: description, offset: start, source: String(decoding: edited, as: UTF8.self))
    }

    func text(_ span: Span) -> String {
        String(decoding: bytes[span.start..<span.end], as: UTF8.self)
    }

    /// `2.33` → `2.563`, `5M` → `5.5M`, `3` → `4`, `0` → `1`.
    func numbers() -> [Mutant] {
        tokens.filter { $0.kind == .number }.compactMap { token in
            let digits = token.text.prefix { $0.isNumber || $0 == "." || $0 == "_" }
            let suffix = token.text.dropFirst(digits.count)
            guard let v = Double(digits.replacingOccurrences(of: "_", with: "")) else { return nil }
            let nudged = v == 0 ? "1" : digits.contains(".") ? String(format: "%.6g", v * 1.1) : String(Int(v) + 1)
            return replacing(token.span.start, token.span.end, with: nudged + suffix,
                             "number \(token.text) → \(nudged)\(suffix)")
        }
    }

    /// Each assignment operator replaced by each other one; `+` ↔ `-`, `*` ↔ `/`, `<` ↔ `<=`,
    /// `>` ↔ `>=`; `min` ↔ `max`.
    func operators() -> [Mutant] {
        let assignments: [TokenKind: String] = [.equal: "=", .plusEqual: "+=", .minusEqual: "-=", .starEqual: "*="]
        let swaps: [TokenKind: String] = [.plus: "-", .minus: "+", .star: "/", .slash: "*",
                                          .less: "<=", .lessEqual: "<", .greater: ">=", .greaterEqual: ">"]
        return tokens.flatMap { token -> [Mutant] in
            if let own = assignments[token.kind] {
                return assignments.values.sorted().filter { $0 != own }.map {
                    replacing(token.span.start, token.span.end, with: $0, "operator \(own) → \($0)")
                }
            }
            if let other = swaps[token.kind] {
                return [replacing(token.span.start, token.span.end, with: other, "operator \(token.text) → \(other)")]
            }
            if token.kind == .identifier, token.text == "min" || token.text == "max" {
                let other = token.text == "min" ? "max" : "min"
                return [replacing(token.span.start, token.span.end, with: other, "\(token.text) → \(other)")]
            }
            return []
        }
    }

    /// Every property body of the root file (classes, assets, venues, settings, table rows).
    func bodies() -> [[Property]] {
        guard let root = checked.root else { return [] }
        return root.policy.declarations.flatMap { declaration -> [[Property]] in
            switch declaration.kind {
            case .classDecl(_, _, let body), .asset(_, _, let body), .venue(_, let body), .chain(_, let body), .settings(_, let body): [body]
            case .table(let table): table.rows.map(\.body)
            case .param, .input, .curve, .scenario, .assertion, .measure, .guardrail, .flag, .remedy: []
            }
        }
    }

    /// Each rule deleted; each rule moved after the next one in its block.
    func propertyEdits() -> [Mutant] {
        bodies().flatMap { body -> [Mutant] in
            let deletions = body.map { p in
                replacing(p.span.start, p.span.end, with: "", "delete `\(text(p.span))`")
            }
            let moves = zip(body, body.dropFirst()).map { a, b in
                // One edit covering both rules: b's text, what lay between, then a's text.
                let between = String(decoding: bytes[a.span.end..<b.span.start], as: UTF8.self)
                return replacing(a.span.start, b.span.end, with: text(b.span) + between + text(a.span),
                                 "move `\(text(a.span))` after `\(text(b.span))`")
            }
            return deletions + moves
        }
    }

    /// Each table row removed, and each duplicated above itself under another label.
    func rowEdits() -> [Mutant] {
        guard let root = checked.root else { return [] }
        return root.policy.declarations.flatMap { declaration -> [Mutant] in
            guard case .table(let table) = declaration.kind else { return [] }
            return table.rows.flatMap { row -> [Mutant] in
                let copy = text(row.span).replacingOccurrences(of: row.label.text, with: row.label.text + "Copy")
                return [
                    replacing(row.span.start, row.span.end, with: "", "remove row \(row.label.text)"),
                    replacing(row.span.start, row.span.start, with: copy + "\n", "duplicate row \(row.label.text)"),
                ]
            }
        }
    }

    /// Each point of a points or steps curve removed (with its comma), and a point added in
    /// the middle of each segment, 1 percentage point above the segment's midpoint.
    func pointEdits() -> [Mutant] {
        guard let root = checked.root else { return [] }
        let folder = ConstantFolder(symbols: checked.symbols)
        return root.policy.declarations.flatMap { declaration -> [Mutant] in
            guard case .curve(let curve) = declaration.kind else { return [] }
            let points: [CurvePoint]
            switch curve.body {
            case .points(let p, _), .steps(let p, _): points = p
            case .expression: return []
            }
            let removals = points.indices.map { k -> Mutant in
                let start = k == 0 ? points[k].span.start : points[k - 1].span.end
                let end = k == 0 && points.count > 1 ? points[1].span.start : points[k].span.end
                return replacing(start, end, with: "", "remove point `\(text(points[k].span))` of \(curve.name.text)")
            }
            let additions = zip(points, points.dropFirst()).compactMap { a, b -> Mutant? in
                guard let x0 = folder.fold(a.x), let x1 = folder.fold(b.x),
                      let y0 = folder.fold(a.y), let y1 = folder.fold(b.y) else { return nil }
                let point = ", \((x0 + x1) / 2) -> \((y0 + y1) / 2 + 0.01)"
                return replacing(a.span.end, a.span.end, with: point, "add point\(point.dropFirst()) to \(curve.name.text)")
            }
            return removals + additions
        }
    }
}
