import LeverSyntax

// MARK: - Input data diagnostics (L07xx)
//
// Every message starts with the JSON path of the value it is about, so a one-line rendering
// reads `accounts[3].positions[1].size: expected a number, found a string (book.json:57:21)`;
// the span points at the value itself, so the renderer's caret shows it.

extension Diagnostic {
    static func jsonSyntax(_ kind: JSONSyntaxError.Kind, at span: Span) -> Diagnostic {
        .error("L0700", kind.message, at: span, notes: ["the file must be strict JSON (RFC 8259): no comments, no trailing commas, no NaN"])
    }

    static func typeMismatch(_ path: String, expected: String, found: JSONKind, at span: Span) -> Diagnostic {
        .error("L0701", "\(path)expected \(expected), found \(found.phrase)", at: span)
    }

    static func missingField(_ path: String, _ field: String, help: String?, at span: Span) -> Diagnostic {
        .error("L0702", "\(path)missing required field `\(field)`", at: span, label: "in this object", help: help)
    }

    static func unknownField(_ path: String, _ key: String, suggestion: String?, at span: Span) -> Diagnostic {
        guard let suggestion else {
            return .warning("L0703", "\(path)unknown field `\(key)` is ignored", at: span,
                            help: "remove it, or prefix it with `$` to mark it as a comment")
        }
        return .error("L0703", "\(path)unknown field `\(key)`", at: span, label: "looks like a misspelling",
                      help: "use `\(suggestion)`",
                      fixIts: [FixIt("rename to `\(suggestion)`", [Edit(span, "\"\(suggestion)\"")])])
    }

    static func duplicateField(_ path: String, _ key: String, at span: Span) -> Diagnostic {
        .error("L0704", "\(path)field `\(key)` appears twice", at: span, help: "keep one of the two")
    }

    static func numberOutOfRange(_ path: String, at span: Span) -> Diagnostic {
        .error("L0705", "\(path)number is too large for a 64-bit float", at: span,
               help: "numbers must be below about 1.8e308; check the value's units or exponent")
    }

    static func valueOutOfRange(_ path: String, _ requirement: String, at span: Span) -> Diagnostic {
        .error("L0706", "\(path)\(requirement)", at: span)
    }

    static func duplicateAccount(_ path: String, _ id: String, first: Span, at span: Span) -> Diagnostic {
        .error("L0707", "\(path)account id `\(id)` is used twice", at: span,
               secondary: [Label(first, "first used here")], help: "give each account a unique id")
    }

    static func unknownAsset(_ path: String, _ symbol: String, suggestion: String?, at span: Span) -> Diagnostic {
        .error("L0708", "\(path)asset `\(symbol)` is not in the market snapshot", at: span,
               notes: ["checked against the market because the book was loaded without a policy; with one (as every "
                       + "`lever` command loads it), names are checked against the policy's declarations and an asset "
                       + "missing from the snapshot is left to its oracle rule (`stale_price`)"],
               help: suggestion.map { "use `\($0)`" } ?? "fix the symbol, or add a quote for the asset to the market snapshot")
    }

    static func unknownWord(_ path: String, _ word: String, expected: [String], suggestion: String?,
                            at span: Span) -> Diagnostic {
        let list = expected.map { "`\($0)`" }.joined(separator: ", ")
        let help = suggestion.map { "use `\($0)`" } ?? "use one of \(list)"
        return .error("L0709", "\(path)unknown value `\(word)`", at: span, notes: ["expected one of \(list)"], help: help)
    }

    static func invalidTimestamp(_ path: String, at span: Span) -> Diagnostic {
        .error("L0710", "\(path)not an RFC 3339 time", at: span,
               help: "write it as `2026-12-25T08:00:00Z` (a time zone is required) or a date `2026-12-25`")
    }

    static func conflictingFields(_ path: String, _ a: String, _ b: String, at span: Span) -> Diagnostic {
        .error("L0711", "\(path)`\(a)` and `\(b)` give the same value twice", at: span, help: "keep one of the two")
    }

    static func missingPrice(_ path: String, at span: Span) -> Diagnostic {
        .warning("L0712", "\(path)no price", at: span,
                 notes: ["the policy's oracle rule (`stale_price`) decides how positions on this asset count"],
                 help: "write `\"price\": null` to mark a missing price on purpose")
    }

    static func tooManyAccounts(limit: Int, at span: Span) -> Diagnostic {
        .error("L0720", "accounts[\(limit)]: the book has more than \(ByteCount.grouped(limit)) accounts", at: span,
               label: "reading stops here",
               help: "split the book, or raise the limit (`LEVER_MAX_ACCOUNTS` for the `lever` commands)")
    }

    static func tooManyPositions(_ path: String, limit: Int, at span: Span) -> Diagnostic {
        .error("L0721", "\(path)the account has more than \(ByteCount.grouped(limit)) positions", at: span,
               label: "reading stops here",
               help: "net or split the positions, or raise the limit (`LEVER_MAX_POSITIONS` for the `lever` commands)")
    }

    static func stringTooLong(_ path: String, length: Int, limit: Int, at span: Span) -> Diagnostic {
        .error("L0722", "\(path)string is \(ByteCount.grouped(length)) bytes long, more than the \(ByteCount.grouped(limit)) a string may have",
               at: span, label: "string starts here", help: "shorten it; names, ids and attribute values are short")
    }

    static func fieldNotForKind(_ path: String, _ key: String, kind: PositionKind, at span: Span) -> Diagnostic {
        .error("L0714", "\(path)`\(key)` does not apply to a \(kind.word) position", at: span,
               help: "remove it, or set `kind` to the position's real kind")
    }
}

extension Diagnostic {
    /// One line: `error[L0701]: accounts[3].positions[1].size: expected a number, found a string (book.json:57:21)`.
    ///
    /// For logs and tests; terminals use the project's full renderer.
    public func inputSummary(in sources: SourceMap) -> String {
        "\(severity.rawValue)[\(code)]: \(message) (\(sources.location(primary.span)))"
    }
}
