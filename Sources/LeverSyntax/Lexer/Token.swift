/// Reserved words. Words that only matter in one position (`version`, `by`, `hit`, `per`,
/// `of`, `above`, `every`, `points`, `steps`, `unique`, `first`) stay identifiers, so that
/// policies may use them as names; the parser checks their text where they are expected.
public enum Keyword: String, Sendable, Hashable, CaseIterable {
    case policy, `import`, param, input, `class`, asset, venue, margin, oracle, arithmetic, table, tiers
    case curve, scenario, assert, measure, flag, override, `guard`, remedy, reputation, chain, bridge
    case `if`, then, `else`, and, or, not, `in`, `true`, `false`, `where`

    /// The keywords that open a settings block of `name = value` rules (`oracle { … }`).
    public static let settingsBlocks: Set<Keyword> = [.margin, .oracle, .arithmetic, .reputation, .bridge]
}

public enum TokenKind: Sendable, Hashable {
    case identifier, number, string
    case keyword(Keyword)
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, colon, semicolon, dot, arrow, pipe
    case plus, minus, star, slash, caret, percent
    case equal, plusEqual, minusEqual, starEqual
    case equalEqual, bangEqual, less, lessEqual, greater, greaterEqual
    case endOfFile
    /// A character the lexer could not make sense of; it has already reported it.
    case invalid

    /// How the kind reads in a message: `'{'`, `identifier`, `end of file`.
    public var display: String {
        switch self {
        case .identifier: "identifier"
        case .number: "number"
        case .string: "string"
        case .keyword(let k): "`\(k.rawValue)`"
        case .endOfFile: "end of file"
        case .invalid: "invalid character"
        default: "`\(spelling)`"
        }
    }

    /// The fixed text of punctuation kinds (empty for kinds whose text varies).
    public var spelling: String {
        switch self {
        case .leftParen: "("
        case .rightParen: ")"
        case .leftBracket: "["
        case .rightBracket: "]"
        case .leftBrace: "{"
        case .rightBrace: "}"
        case .comma: ","
        case .colon: ":"
        case .semicolon: ";"
        case .dot: "."
        case .arrow: "->"
        case .pipe: "|"
        case .plus: "+"
        case .minus: "-"
        case .star: "*"
        case .slash: "/"
        case .caret: "^"
        case .percent: "%"
        case .equal: "="
        case .plusEqual: "+="
        case .minusEqual: "-="
        case .starEqual: "*="
        case .equalEqual: "=="
        case .bangEqual: "!="
        case .less: "<"
        case .lessEqual: "<="
        case .greater: ">"
        case .greaterEqual: ">="
        case .keyword(let k): k.rawValue
        case .identifier, .number, .string, .endOfFile, .invalid: ""
        }
    }
}

/// One token. Whitespace is not a token; whether some came before is recorded, because units
/// must sit on the same line as their number and `5M` differs from `5 M`.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    public var span: Span
    /// The exact source text.
    public var text: String
    /// Whitespace or a comment separates this token from the previous one.
    public var spaceBefore: Bool
    /// A line break separates this token from the previous one.
    public var newlineBefore: Bool

    public init(kind: TokenKind, span: Span, text: String, spaceBefore: Bool = false, newlineBefore: Bool = false) {
        self.kind = kind
        self.span = span
        self.text = text
        self.spaceBefore = spaceBefore
        self.newlineBefore = newlineBefore
    }

    public func `is`(_ word: String) -> Bool { kind == .identifier && text == word }
}

/// A `//` comment, kept apart from the tokens so the formatter can put it back.
public struct Comment: Sendable, Hashable {
    public var span: Span
    /// The text including the leading `//`, without the line break.
    public var text: String
    /// Code precedes it on the same line (`x = 1  // why`).
    public var isTrailing: Bool
}
