import LeverSyntax

// MARK: - Declaration and name diagnostics (L02xx)

extension Diagnostic {
    static func duplicateDeclaration(_ symbol: Symbol, first: Symbol) -> Diagnostic {
        .error("L0201", "\(first.kind.display) `\(symbol.name)` is declared twice", at: symbol.nameSpan,
               label: "declared again here", secondary: [Label(first.nameSpan, "first declared here")],
               help: "rename one of them, or delete the second")
    }

    static func redeclaresImport(_ symbol: Symbol, imported: Symbol) -> Diagnostic {
        .error("L0202", "`\(symbol.name)` is already declared by an imported file", at: symbol.nameSpan,
               secondary: [Label(imported.nameSpan, "imported declaration")],
               help: "write `override` before the declaration to replace the imported one",
               fixIts: [FixIt("add `override`", [Edit(Span(file: symbol.declaration.span.file,
                                                             start: symbol.declaration.span.start,
                                                             end: symbol.declaration.span.start), "override ")])])
    }

    static func overridesNothing(_ symbol: Symbol) -> Diagnostic {
        .error("L0203", "`override` of `\(symbol.name)`, which no imported file declares", at: symbol.nameSpan,
               help: "remove `override`, or import the file that declares `\(symbol.name)`")
    }

    static func classCycle(_ names: [String], at span: Span) -> Diagnostic {
        let path = (names + names.prefix(1)).map { "`\($0)`" }.joined(separator: " → ")
        return .error("L0204", "class inherits from itself", at: span,
                      notes: ["the chain is \(path)"], help: "remove one of the `:` parents to break the cycle")
    }

    static func cannotRead(_ path: String, reason: String) -> Diagnostic {
        .error("L0205", "cannot read file `\(path)`: \(reason)", at: .synthetic,
               help: "check that the path exists and is readable")
    }
}
