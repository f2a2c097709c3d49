import Lever

extension DocumentBuilder {
    // MARK: - Decision tables

    /// Credit tiers and other decision tables, each as a table: one column per key, the row's
    /// label, one column per field any row sets, and the row's comment.
    func tables() -> [DocumentBlock] {
        let blocks = declarations(.table).flatMap { decl -> [DocumentBlock] in
            guard case .table(let table) = decl.kind else { return [] }
            return tableBlocks(table, decl: decl)
        }
        return section("Decision tables", blocks)
    }

    func tableBlocks(_ table: TableDecl, decl: Declaration) -> [DocumentBlock] {
        let keys = table.keys.map { text.source($0) }
        let title = table.isTiers ? "Credit tiers" : "Table " + Self.code(table.name.text)
        let hit = switch table.hit ?? .unique {
        case .unique: "unique: every value matches exactly one row, which the checker proves"
        case .first: "first: the first row that matches wins"
        }
        var fields: [String] = []
        for row in table.rows { for p in row.body where !fields.contains(p.name.text) { fields.append(p.name.text) } }
        let rows = table.rows.map { row in
            row.patterns.map { Self.code(text.source($0.span)) } + [Self.code(row.label.text)]
                + fields.map { field in row.body.first { $0.name.text == field }.map { valueOrRule($0.value) } ?? "" }
                + [note(row.span)]
        }
        let header = keys.map { "when " + $0 } + [table.isTiers ? "tier" : "row"] + fields + ["note"]
        return [
            .heading(level: 3, text: title + " by " + keys.map(Self.code).joined(separator: ", ")),
            .paragraph("Hit policy " + hit + " (" + declared(decl) + ")." + sentence(note(decl.span))
                       + (table.isTiers && !fields.isEmpty ? " A field a tier leaves empty is zero." : "")),
            .table(header: header, rows: rows),
        ]
    }
}
