import LeverSyntax

// MARK: - Names in the data that the policy does not know (L0715–L0718)
//
// A book is checked against the policy it is evaluated with (`PolicyNames`): an undeclared
// asset or venue is an error, because valuing the position without the rules written for it
// would be a silent default; attribute values are free-form, so their checks only warn.

extension Diagnostic {
    /// The names quoted in a note, at most eight of them, so a policy with a long asset list does
    /// not fill the screen.
    static func nameList(_ names: [String], quote: (String) -> String) -> String {
        let shown = names.prefix(8).map(quote).joined(separator: ", ")
        return names.count > 8 ? shown + " and \(names.count - 8) more" : shown
    }

    /// `name` when a policy can spell it (a letter or `_`, then letters, digits and `_`), else
    /// `placeholder`: `self-custody` cannot be declared under that name.
    static func spelled(_ name: String, else placeholder: String) -> String {
        let letter = { (c: Character) in c.isASCII && (c.isLetter || c == "_") }
        guard let first = name.first, letter(first), name.allSatisfy({ letter($0) || ($0.isASCII && $0.isNumber) }) else {
            return placeholder
        }
        return name
    }

    static func undeclaredVenue(_ path: String, _ venue: String, declared: [String], suggestion: String?,
                                at span: Span) -> Diagnostic {
        undeclaredPlace("L0715", "venue", path, venue, declared: declared, suggestion: suggestion, at: span,
                        risk: "a position on a venue the policy does not know would be valued without that venue's rules",
                        absent: "a spot balance held on no venue leaves `venue` out")
    }

    static func undeclaredChain(_ path: String, _ chain: String, declared: [String], suggestion: String?,
                                at span: Span) -> Diagnostic {
        undeclaredPlace("L0724", "chain", path, chain, declared: declared, suggestion: suggestion, at: span,
                        risk: "collateral on a chain the policy does not know would be valued without its bridge rules",
                        absent: "a position on the home chain may leave `chain` out")
    }

    /// A venue or chain the policy does not declare: the names it does, and the closest one.
    private static func undeclaredPlace(_ code: String, _ kind: String, _ path: String, _ name: String, declared: [String],
                                        suggestion: String?, at span: Span, risk: String, absent: String) -> Diagnostic {
        let known = declared.isEmpty ? "the policy declares no \(kind)s" : "the policy declares \(nameList(declared) { "`\($0)`" })"
        let message = "\(path)\(kind) `\(name)` is not declared in the policy"
        guard let suggestion else {
            return .error(code, message, at: span, notes: [known, risk],
                          help: "fix the name, or declare the \(kind) in the policy (`\(kind) \(spelled(name, else: "NAME"))`); \(absent)")
        }
        return .error(code, message, at: span, label: "looks like a misspelling", notes: [known, risk], help: "use `\(suggestion)`",
                      fixIts: [FixIt("use `\(suggestion)`", [Edit(span, "\"\(suggestion)\"")])])
    }

    static func undeclaredAsset(_ path: String, _ symbol: String, suggestion: String?, at span: Span) -> Diagnostic {
        let notes = ["the policy has no rules (class, haircut) for it, so the position cannot be valued"]
        guard let suggestion else {
            return .error("L0716", "\(path)asset `\(symbol)` is not declared in the policy", at: span, notes: notes,
                          help: "fix the symbol, or declare the asset in the policy (`asset \(spelled(symbol, else: "SYMBOL")) : CLASS`)")
        }
        return .error("L0716", "\(path)asset `\(symbol)` is not declared in the policy", at: span, label: "looks like a misspelling",
                      notes: notes, help: "use `\(suggestion)`",
                      fixIts: [FixIt("use `\(suggestion)`", [Edit(span, "\"\(suggestion)\"")])])
    }

    /// L0723: `"jurisdiction": 1` where the policy compares `account.jurisdiction` with strings.
    static func numberForStringAttribute(_ path: String, _ attribute: String, _ value: Double, named: [String],
                                         at span: Span) -> Diagnostic {
        let shown = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        return .error("L0723", "\(path)a number where the policy compares `account.\(attribute)` with strings", at: span,
                      label: "a number", notes: ["it compares it with \(nameList(named) { "\"\($0)\"" })"],
                      help: "write the value as a string (\"\(shown)\") if that is what it is, or fix the data",
                      fixIts: [FixIt("write it as a string", [Edit(span, "\"\(shown)\"")])])
    }

    static func unnamedAttributeValue(_ path: String, _ attribute: String, _ value: String, named: [String],
                                      suggestion: String?, at span: Span) -> Diagnostic {
        let message = "\(path)the policy never compares `account.\(attribute)` with \"\(value)\""
        let compared = named.isEmpty ? "it compares it only with numbers" : "it compares it with \(nameList(named) { "\"\($0)\"" })"
        let notes = [compared + "; only `else` rows and `!=` accept another value"]
        guard let suggestion else {
            return .warning("L0717", message, at: span, notes: notes,
                            help: "if the value is right there is nothing to do; otherwise use one of the values above")
        }
        return .warning("L0717", message, at: span, label: "looks like a misspelling", notes: notes,
                        help: "use \"\(suggestion)\"", fixIts: [FixIt("use \"\(suggestion)\"", [Edit(span, "\"\(suggestion)\"")])])
    }

    static func unreadAttribute(_ path: String, _ attribute: String, suggestion: String, at span: Span) -> Diagnostic {
        .warning("L0718", "\(path)the policy does not read `account.\(attribute)`", at: span, label: "looks like a misspelling",
                 notes: ["it reads `account.\(suggestion)`, which this account does not set"],
                 help: "use `\(suggestion)`", fixIts: [FixIt("rename to `\(suggestion)`", [Edit(span, "\"\(suggestion)\"")])])
    }
}
