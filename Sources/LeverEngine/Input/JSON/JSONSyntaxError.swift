/// Why a document is not valid JSON, and the byte offset where reading stopped.
public struct JSONSyntaxError: Sendable, Hashable, Error {
    /// The kinds of syntax error, each with a fixed message.
    public enum Kind: Sendable, Hashable {
        case unexpectedEnd
        case expectedValue
        case expectedColon
        case expectedCommaOrBrace
        case expectedCommaOrBracket
        case expectedKey
        case invalidNumber
        case invalidEscape
        case invalidUnicodeEscape
        case controlCharacterInString
        case invalidUTF8
        case trailingCharacters
        case nestingTooDeep(limit: Int)

        /// Lowercase, one sentence, no trailing period (the project's message style).
        public var message: String {
            switch self {
            case .unexpectedEnd: "unexpected end of file"
            case .expectedValue: "expected a JSON value"
            case .expectedColon: "expected `:` after an object key"
            case .expectedCommaOrBrace: "expected `,` or `}` after an object member"
            case .expectedCommaOrBracket: "expected `,` or `]` after an array element"
            case .expectedKey: "expected a string key"
            case .invalidNumber: "malformed number"
            case .invalidEscape: "invalid escape sequence in string"
            case .invalidUnicodeEscape: "invalid `\\u` escape (four hex digits; surrogates must pair)"
            case .controlCharacterInString: "control character in string (escape it, e.g. `\\n`)"
            case .invalidUTF8: "string is not valid UTF-8"
            case .trailingCharacters: "unexpected text after the JSON value"
            case .nestingTooDeep(let limit): "nesting deeper than \(limit) levels"
            }
        }
    }

    /// What went wrong.
    public var kind: Kind
    /// Byte offset of the offending byte.
    public var offset: Int

    /// An error of `kind` at byte `offset`.
    public init(kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
    }
}
