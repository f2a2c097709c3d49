import LeverSyntax
import Testing
@testable import LeverEngine

/// Random mutations of valid files must never crash the loaders, and every diagnostic must point
/// inside the file.
@Suite struct InputFuzzTests {
    static let alphabet: [UInt8] = Array("{}[]:,\"\\-+.eE0123456789 \ntruefalsnul".utf8) + [0x00, 0xC3, 0xA9, 0xFF, 0xED]

    static func mutate(_ bytes: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        var out = bytes
        for _ in 0...rng.below(4) {
            guard !out.isEmpty else { break }
            let i = rng.below(out.count)
            switch rng.below(5) {
            case 0: out[i] = alphabet[rng.below(alphabet.count)]
            case 1: out.remove(at: i)
            case 2: out.insert(alphabet[rng.below(alphabet.count)], at: i)
            case 3: out.removeSubrange(i..<min(out.count, i + rng.below(40)))
            default:
                let j = rng.below(out.count), n = min(rng.below(30), out.count - j)
                out.insert(contentsOf: out[j..<(j + n)], at: i)
            }
        }
        return out
    }

    @Test func mutatedBooksNeverCrash() throws {
        let original = try InputFile.read(MarginFixtures.directory + "/edge_cases.json")
        let market = try #require(MarketLoader.load(SourceFile(id: 1, path: "m", text: testMarketText)).value)
        var rng = SeededRandom(seed: 42)
        for round in 0..<3000 {
            let bytes = Self.mutate(original, &rng)
            let loaded = BookLoader.load(SourceFile(id: 0, path: "f", bytes: bytes), market: market,
                                         options: LoadOptions(keepGoing: round % 2 == 0))
            for d in loaded.diagnostics {
                #expect(d.primary.span.start >= 0 && d.primary.span.end <= bytes.count + 1)
            }
            if loaded.value == nil { #expect(loaded.diagnostics.hasErrors) }
        }
    }

    @Test func mutatedMarketsNeverCrash() throws {
        let original = Array(testMarketText.utf8)
        var rng = SeededRandom(seed: 9)
        for _ in 0..<3000 {
            let bytes = Self.mutate(original, &rng)
            let loaded = MarketLoader.load(SourceFile(id: 0, path: "f", bytes: bytes), options: LoadOptions(keepGoing: true))
            if loaded.value == nil { #expect(loaded.diagnostics.hasErrors) }
            _ = LeverEngine.JSONValue.parse(bytes)
        }
    }

    @Test func randomBytesNeverCrash() {
        var rng = SeededRandom(seed: 1)
        for _ in 0..<2000 {
            let bytes = (0..<rng.below(64)).map { _ in Self.alphabet[rng.below(Self.alphabet.count)] }
            _ = LeverEngine.JSONValue.parse(bytes)
            _ = BookLoader.load(SourceFile(id: 0, path: "f", bytes: bytes))
        }
    }
}
