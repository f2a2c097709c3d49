import LeverSyntax
import Testing
@testable import LeverEngine

/// Parses `text` as a generic JSON value.
func parseJSON(_ text: String, maxDepth: Int = 256) -> Result<LeverEngine.JSONValue, JSONSyntaxError> {
    LeverEngine.JSONValue.parse(Array(text.utf8), maxDepth: maxDepth)
}

/// The number `text` reads as, or nil on a syntax error.
func readNumber(_ text: String) -> Double? {
    guard case .success(.number(let v)) = parseJSON(text) else { return nil }
    return v
}

@Suite struct JSONReaderTests {
    @Test func numbersMatchTheCorrectlyRoundedDouble() {
        let cases = ["0", "-0", "1", "-1", "0.1", "0.2", "0.30000000000000004", "1e308", "1.7976931348623157e308",
                     "1e-320", "4.9e-324", "2.2250738585072014e-308", "123456789012345678901234567890",
                     "160001.89643870218", "0.0000198", "97250.5", "9007199254740993", "1E+2", "1e-7",
                     "3.141592653589793238462643383279", "5e-324", "1.00000000000000011102230246251565404236316680908203125"]
        for text in cases {
            #expect(readNumber(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test func negativeZeroKeepsItsSign() {
        #expect(readNumber("-0")?.sign == .minus)
        #expect(readNumber("-0.0e5")?.sign == .minus)
    }

    @Test func pointOneTwoAreExactlyTheDoubleLiterals() {
        // 0.1 + 0.2 must be 0.30000000000000004 exactly as Swift computes it from literals.
        guard let a = readNumber("0.1"), let b = readNumber("0.2") else { Issue.record("unreadable"); return }
        #expect(a + b == 0.1 + 0.2)
        #expect(a + b != 0.3)
    }

    @Test func overflowReadsAsInfinityAndUnderflowAsZero() {
        #expect(readNumber("1e400") == .infinity)
        #expect(readNumber("-1e400") == -.infinity)
        #expect(readNumber("1e-400") == 0)
    }

    @Test func randomDecimalsRoundTripBitForBit() {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<20_000 {
            let v = Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF)
            let text = "\(v)"
            #expect(readNumber(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
            let digits = String(rng.next() % 100_000_000_000_000_000) + "e" + String(Int(rng.next() % 600) - 300)
            #expect(readNumber(digits)?.bitPattern == Double(digits)?.bitPattern, "\(digits)")
        }
    }

    /// The shape of real quantities (16–19 digits, short fraction) goes through the proven path.
    @Test func longMantissasWithFractionsMatchStrtod() {
        var rng = SeededRandom(seed: 11)
        for _ in 0..<50_000 {
            let digits = 15 + rng.below(5)
            var text = String(1 + rng.below(9))
            for _ in 1..<digits { text += String(rng.below(10)) }
            let point = 1 + rng.below(digits - 1)
            let idx = text.index(text.startIndex, offsetBy: point)
            text = String(text[..<idx]) + "." + String(text[idx...])
            if rng.below(4) == 0 { text = "0.000" + text.replacingOccurrences(".", with: "") }
            #expect(readNumber(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
        // Halfway cases: 2^53 + 1 and friends written with a fraction must round to even.
        for text in ["9007199254740993.0", "9007199254740995.0", "900719925474099.35", "0.30000000000000001665",
                     "2.2250738585072011e-308", "1.7976931348623158e308", "0.1000000000000000055511151231257827"] {
            #expect(readNumber(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    /// Digits are taken up to eight at a time, the run ending at the first byte that is not a
    /// digit: every run length, at every distance from the end of the bytes, followed by every
    /// kind of byte that can end a number (or by bytes that only look like digits once their high
    /// bit is dropped), must read as the digits one at a time would: the scan ends in the same
    /// place with the correctly rounded value.
    @Test func digitRunsOfEveryLengthEndWhereTheDigitsDo() {
        var rng = SeededRandom(seed: 23)
        let enders: [[UInt8]] = [[], Array(",".utf8), Array("}".utf8), Array(" ".utf8), Array("\n".utf8),
                                 Array("]".utf8), [0xB0], [0xB9], [0xC3, 0xA9], [0x2F], [0x3A], [0x00], [0xFF]]
        for integerDigits in 1...21 {
            for fractionDigits in [0, 1, 2, 5, 7, 8, 9, 12, 16, 17, 23] {
                var text = String(1 + rng.below(9))
                for _ in 1..<integerDigits { text += String(rng.below(10)) }
                if fractionDigits > 0 {
                    text += "."
                    for _ in 0..<fractionDigits { text += String(rng.below(10)) }
                }
                if rng.below(3) == 0 { text += "e" + String(rng.below(40) - 20) }
                let want = Double(text)
                for ender in enders {
                    for padding in [0, 1, 3, 7, 8, 9] {
                        let bytes = Array(text.utf8) + ender + Array(repeating: UInt8(ascii: " "), count: padding)
                        var scan = NumberScan()
                        let end = bytes.withUnsafeBufferPointer { scan.run($0, from: 0) }
                        #expect(end == text.utf8.count, "\(text) then \(ender)")
                        let value = bytes.withUnsafeBufferPointer { scan.value(of: $0, 0..<text.utf8.count) }
                        #expect(value?.bitPattern == want?.bitPattern, "\(text) then \(ender)")
                    }
                }
            }
        }
        // A fraction's leading zeros are not significant digits: nineteen of them still leave
        // room for nineteen that are.
        for text in ["0.0000000000000000001234567890123456789", "0.00000000123456789012345678901", "0.000000001"] {
            #expect(readNumber(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test func provenPathTakesTypicalQuantities() {
        for text in ["160001.89643870218", "0.04040101551271478", "5998200.539838049", "3400811.4202812864"] {
            var scan = NumberScan()
            let bytes = Array(text.utf8)
            let end = bytes.withUnsafeBufferPointer { scan.run($0, from: 0) }
            #expect(end == bytes.count)
            #expect(scan.provenValue?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test func malformedNumbersAreSyntaxErrors() {
        for text in ["01", "1.", ".5", "+1", "1e", "1e+", "-", "--1", "0x10", "NaN", "Infinity", "1.5.2"] {
            guard case .failure = parseJSON(text) else {
                Issue.record("\(text) parsed")
                continue
            }
        }
    }

    @Test func stringEscapesAndSurrogatePairs() throws {
        #expect(try parseJSON(#""a\"b\\c\/d\b\f\n\r\t""#).get() == .string("a\"b\\c/d\u{8}\u{c}\n\r\t"))
        #expect(try parseJSON(#""\u00e9\u20AC""#).get() == .string("é€"))
        #expect(try parseJSON(#""\ud83d\ude00""#).get() == .string("😀"))
        #expect(try parseJSON("\"héllo 😀\"").get() == .string("héllo 😀"))
    }

    @Test func badStringsAreSyntaxErrors() {
        let bad = [#""\ud83d""#, #""\ude00""#, #""\ud83dx""#, #""\x""#, #""\u12G4""#, "\"a\nb\"", "\"abc", #""\u12""#]
        for text in bad {
            guard case .failure = parseJSON(text) else {
                Issue.record("\(text) parsed")
                continue
            }
        }
        guard case .failure(let e) = LeverEngine.JSONValue.parse([0x22, 0xFF, 0x22]) else { Issue.record("invalid UTF-8 parsed"); return }
        #expect(e.kind == .invalidUTF8)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        guard case .failure(let e) = parseJSON(deep) else { Issue.record("parsed"); return }
        #expect(e.kind == .nestingTooDeep(limit: 256))
        #expect(e.offset == 256)
        // Skipping (the loaders' path for unknown fields) is bounded the same way.
        let book = "{\"accounts\": [], \"$x\": " + deep + "}"
        let loaded = BookLoader.load(SourceFile(id: 0, path: "deep.json", text: book))
        #expect(loaded.value == nil)
        #expect(loaded.diagnostics.map(\.code) == ["L0700"])
    }

    @Test func syntaxErrorsCarryTheirOffset() throws {
        let cases: [(String, JSONSyntaxError.Kind, Int)] = [
            ("{\"a\": 1,}", .expectedKey, 8), ("[1 2]", .expectedCommaOrBracket, 3), ("{\"a\" 1}", .expectedColon, 5),
            ("[1, 2", .unexpectedEnd, 5), ("{} x", .trailingCharacters, 3), ("", .unexpectedEnd, 0),
            ("[tru]", .expectedValue, 1), ("{\"a\": 1 \"b\": 2}", .expectedCommaOrBrace, 8),
        ]
        for (text, kind, offset) in cases {
            guard case .failure(let e) = parseJSON(text) else { Issue.record("\(text) parsed"); continue }
            #expect(e.kind == kind, "\(text)")
            #expect(e.offset == offset, "\(text)")
        }
    }

    @Test func objectsKeepOrderAndWhitespaceIsAllowedEverywhere() throws {
        let v = try parseJSON("\t{ \"b\" : [ true , false , null ] ,\r\n \"a\" : { } }\n").get()
        #expect(v == .object([.init("b", .array([.bool(true), .bool(false), .null])), .init("a", .object([]))]))
        #expect(v["a"] == .object([]))
    }
}

extension String {
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
