/// Turns a source file into tokens and comments. Never fails: problems become diagnostics and
/// `.invalid` tokens, and the stream always ends with `.endOfFile`.
public struct Lexer {
    public struct Output: Sendable {
        public var tokens: [Token]
        public var comments: [Comment]
        public var diagnostics: [Diagnostic]
    }

    private let file: SourceFile
    private let bytes: [UInt8]
    private let limits: PolicyLimits
    private var pos = 0
    private var tokens: [Token] = []
    private var comments: [Comment] = []
    private var diagnostics: [Diagnostic] = []
    private var spaceBefore = false
    private var newlineBefore = true

    private init(file: SourceFile, limits: PolicyLimits) {
        self.file = file
        self.bytes = file.bytes
        self.limits = limits
    }

    /// Lexes a whole file; a name or a string longer than `limits` allows is an error (L0122,
    /// L0123) but still one token, so parsing goes on.
    public static func lex(_ file: SourceFile, limits: PolicyLimits = .standard) -> Output {
        var lexer = Lexer(file: file, limits: limits)
        lexer.run()
        return Output(tokens: lexer.tokens, comments: lexer.comments, diagnostics: lexer.diagnostics)
    }

    private mutating func run() {
        if let bad = Self.firstNonText(bytes) {
            diagnostics.append(.notText(at: Span(file: file.id, start: bad, end: bad + 1)))
        } else {
            while skipTrivia() { lexToken() }
        }
        let end = Span(file: file.id, start: bytes.count, end: bytes.count)
        tokens.append(Token(kind: .endOfFile, span: end, text: "", spaceBefore: spaceBefore, newlineBefore: true))
    }

    /// Offset of a NUL byte or of invalid UTF-8, which mark a file as binary rather than a policy.
    static func firstNonText(_ bytes: [UInt8]) -> Int? {
        if let nul = bytes.firstIndex(of: 0) { return nul }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += String(s).utf8.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    // MARK: - Trivia

    /// Skips blanks and comments; returns false at end of input.
    private mutating func skipTrivia() -> Bool {
        while pos < bytes.count {
            switch bytes[pos] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                pos += 1; spaceBefore = true
            case UInt8(ascii: "\n"):
                pos += 1; spaceBefore = true; newlineBefore = true
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                lexComment()
            default:
                return true
            }
        }
        return false
    }

    private mutating func lexComment() {
        let start = pos
        while pos < bytes.count, bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
        var end = pos
        while end > start, bytes[end - 1] == UInt8(ascii: "\r") || bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        let span = Span(file: file.id, start: start, end: end)
        comments.append(Comment(span: span, text: file.text(of: span), isTrailing: !newlineBefore))
        spaceBefore = true
    }

    private func peek(_ ahead: Int) -> UInt8? {
        pos + ahead < bytes.count ? bytes[pos + ahead] : nil
    }

    // MARK: - Tokens

    private mutating func lexToken() {
        let start = pos
        let c = bytes[pos]
        let kind: TokenKind
        if Self.isIdentStart(c) {
            while pos < bytes.count, Self.isIdentContinue(bytes[pos]) { pos += 1 }
            let word = String(decoding: bytes[start..<pos], as: UTF8.self)
            kind = Keyword(rawValue: word).map { .keyword($0) } ?? .identifier
        } else if Self.isDigit(c) {
            kind = lexNumber()
        } else if c == UInt8(ascii: "\"") {
            kind = lexString()
        } else {
            kind = lexPunctuation()
        }
        let span = Span(file: file.id, start: start, end: pos)
        checkLength(kind, span)
        tokens.append(Token(kind: kind, span: span, text: file.text(of: span),
                            spaceBefore: spaceBefore, newlineBefore: newlineBefore))
        spaceBefore = false
        newlineBefore = false
    }

    /// Reports a name or a string longer than the limits allow.
    private mutating func checkLength(_ kind: TokenKind, _ span: Span) {
        let length = span.end - span.start
        switch kind {
        case .identifier where length > limits.maxNameLength:
            let shown = file.text(of: Span(file: file.id, start: span.start, end: min(span.end, span.start + 24)))
            diagnostics.append(.nameTooLong(shown, length: length, limit: limits.maxNameLength,
                                            at: past(limits.maxNameLength, in: span)))
        case .string where length - 2 > limits.maxStringLength:
            diagnostics.append(.stringTooLong(length: length - 2, limit: limits.maxStringLength,
                                              at: past(limits.maxStringLength + 1, in: span)))
        default:
            break
        }
    }

    /// The character at `offset` into a token: where it goes past a limit (the caret points there
    /// rather than underlining 60,000 characters).
    private func past(_ offset: Int, in span: Span) -> Span {
        let at = min(span.start + offset, span.end - 1)
        return Span(file: file.id, start: at, end: at + 1)
    }

    /// `digits [ "." digits ] [ ("e"|"E") [sign] digits ]`, with `_` allowed between digits.
    private mutating func lexNumber() -> TokenKind {
        let start = pos
        skipDigits()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "."), let next = peek(1), Self.isDigit(next) {
            pos += 1
            skipDigits()
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            var ahead = 1
            if let s = peek(1), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { ahead = 2 }
            if let d = peek(ahead), Self.isDigit(d) {
                pos += ahead
                skipDigits()
            }
        }
        if bytes[pos - 1] == UInt8(ascii: "_") {
            diagnostics.append(.malformedNumber(at: Span(file: file.id, start: start, end: pos)))
            return .invalid
        }
        return .number
    }

    private mutating func skipDigits() {
        while pos < bytes.count, Self.isDigit(bytes[pos]) || bytes[pos] == UInt8(ascii: "_") { pos += 1 }
    }

    private mutating func lexString() -> TokenKind {
        let start = pos
        pos += 1
        while pos < bytes.count {
            switch bytes[pos] {
            case UInt8(ascii: "\""):
                pos += 1
                return .string
            case UInt8(ascii: "\\") where pos + 1 < bytes.count && bytes[pos + 1] != UInt8(ascii: "\n"):
                pos += 2
            case UInt8(ascii: "\n"):
                diagnostics.append(.unterminatedString(at: Span(file: file.id, start: start, end: pos)))
                return .invalid
            default:
                pos += 1
            }
        }
        diagnostics.append(.unterminatedString(at: Span(file: file.id, start: start, end: pos)))
        return .invalid
    }

    private mutating func lexPunctuation() -> TokenKind {
        let c = bytes[pos]
        let next = peek(1)
        func two(_ kind: TokenKind) -> TokenKind { pos += 2; return kind }
        func one(_ kind: TokenKind) -> TokenKind { pos += 1; return kind }
        switch c {
        case UInt8(ascii: "("): return one(.leftParen)
        case UInt8(ascii: ")"): return one(.rightParen)
        case UInt8(ascii: "["): return one(.leftBracket)
        case UInt8(ascii: "]"): return one(.rightBracket)
        case UInt8(ascii: "{"): return one(.leftBrace)
        case UInt8(ascii: "}"): return one(.rightBrace)
        case UInt8(ascii: ","): return one(.comma)
        case UInt8(ascii: ":"): return one(.colon)
        case UInt8(ascii: ";"): return one(.semicolon)
        case UInt8(ascii: "."): return one(.dot)
        case UInt8(ascii: "|"): return one(.pipe)
        case UInt8(ascii: "^"): return one(.caret)
        case UInt8(ascii: "%"): return one(.percent)
        case UInt8(ascii: "/"): return one(.slash)
        case UInt8(ascii: "+"): return next == UInt8(ascii: "=") ? two(.plusEqual) : one(.plus)
        case UInt8(ascii: "*"): return next == UInt8(ascii: "=") ? two(.starEqual) : one(.star)
        case UInt8(ascii: "-"):
            if next == UInt8(ascii: ">") { return two(.arrow) }
            return next == UInt8(ascii: "=") ? two(.minusEqual) : one(.minus)
        case UInt8(ascii: "="): return next == UInt8(ascii: "=") ? two(.equalEqual) : one(.equal)
        case UInt8(ascii: "!") where next == UInt8(ascii: "="): return two(.bangEqual)
        case UInt8(ascii: "<"): return next == UInt8(ascii: "=") ? two(.lessEqual) : one(.less)
        case UInt8(ascii: ">"): return next == UInt8(ascii: "=") ? two(.greaterEqual) : one(.greater)
        default:
            return lexInvalid()
        }
    }

    /// Consumes one whole (possibly multi-byte) character and reports it.
    private mutating func lexInvalid() -> TokenKind {
        let start = pos
        pos += 1
        while pos < bytes.count, bytes[pos] & 0xC0 == 0x80 { pos += 1 }
        let span = Span(file: file.id, start: start, end: pos)
        diagnostics.append(.invalidCharacter(file.text(of: span), at: span))
        return .invalid
    }

    static func isIdentStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || c == UInt8(ascii: "_")
    }

    static func isIdentContinue(_ c: UInt8) -> Bool { isIdentStart(c) || isDigit(c) }
    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
}

// MARK: - Lexer diagnostics (L010x)

extension Diagnostic {
    static func notText(at span: Span) -> Diagnostic {
        .error("L0100", "file is not UTF-8 text", at: span, label: "binary or invalid UTF-8 byte here",
               notes: ["policy files are UTF-8 text; this looks like a binary file"],
               help: "check the path: pass a `.lever` policy file")
    }

    static func invalidCharacter(_ text: String, at span: Span) -> Diagnostic {
        let shown = text.unicodeScalars.first.map { "U+" + String($0.value, radix: 16, uppercase: true) } ?? "?"
        return .error("L0101", "unexpected character `\(text)` (\(shown))", at: span,
                      help: "remove it, or put it inside a string or a `//` comment")
    }

    static func unterminatedString(at span: Span) -> Diagnostic {
        .error("L0102", "unterminated string", at: span, label: "string starts here",
               help: "close the string with `\"` on the same line")
    }

    static func nameTooLong(_ start: String, length: Int, limit: Int, at span: Span) -> Diagnostic {
        .error("L0122", "name `\(start)…` is \(ByteCount.grouped(length)) characters long, more than the \(limit) a name may have",
               at: span, label: "past the limit here", help: "shorten the name")
    }

    static func stringTooLong(length: Int, limit: Int, at span: Span) -> Diagnostic {
        .error("L0123", "string is \(ByteCount.grouped(length)) bytes long, more than the \(ByteCount.grouped(limit)) a string may have",
               at: span, label: "past the limit here", help: "shorten the string")
    }

    static func malformedNumber(at span: Span) -> Diagnostic {
        .error("L0103", "malformed number", at: span, help: "digit separators `_` go between digits, as in `1_000_000`")
    }
}
