import Testing
@testable import LeverEngine
import LeverSyntax

/// The report writer's buffer writes numbers and strings in place, byte for byte as the tree
/// writer (`JSONOutput`) does: the shortest text, whole numbers with `.0`, negative zero as
/// `0.0`, the infinities as strings, NaN as `null`, and escapes.
@Suite struct TextBufferTests {
    static func written(_ body: (inout TextBuffer) -> Void) -> String {
        var buffer = TextBuffer(capacity: 8)
        body(&buffer)
        return buffer.text
    }

    @Test func numbersAreWrittenAsJSONOutputWritesThem() {
        var cases: [Double] = [0, -0.0, 1, -1, 0.5, 0.1, 1e-5, 1e-4, 2.5e20, 1e16, 1e15, 123_456_789_012_345,
                               9_007_199_254_740_991, 9_007_199_254_740_992, 9_007_199_254_740_993, -9_007_199_254_740_991,
                               4_503_599_627_370_496.5, 7_747_058.624900101, .ulpOfOne, .leastNonzeroMagnitude,
                               .leastNormalMagnitude, -.greatestFiniteMagnitude, .greatestFiniteMagnitude,
                               .infinity, -.infinity, .nan, 1_000_000, 27.02029346713107, -3.25]
        // Seeded, so a failure reproduces: whole numbers of every size, and any bits at all.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        for _ in 0..<20_000 {
            cases.append(Double(bitPattern: next()))
            cases.append(Double(Int64(bitPattern: next()) >> Int64(next() % 64)))
            cases.append(Double(next() % 1_000_000_000) / 1_000)
        }
        for x in cases {
            #expect(Self.written { $0.number(x) } == JSONOutput.numberText(x), "\(x.bitPattern)")
        }
    }

    @Test func stringsAreEscapedAsJSONOutputEscapesThem() {
        for s in ["", "acct-000001", "a\"b", "back\\slash", "line\nbreak", "\u{01}", "tab\there", "naïve €", "\r\n"] {
            var expected = ""
            JSONOutput.writeString(s, to: &expected)
            #expect(Self.written { $0.jsonString(s) } == expected)
        }
    }

    @Test func theBufferGrowsPastItsCapacity() {
        let text = Self.written { buffer in
            for i in 0..<1_000 { buffer.append("piece "); buffer.number(Double(i)) }
        }
        #expect(text.hasPrefix("piece 0.0piece 1.0"))
        #expect(text.hasSuffix("piece 999.0"))
    }
}

/// A streamed report's chunks: every account in exactly one, in order, as many as a multiple of
/// the threads where the book allows, and one empty chunk for an empty book.
@Suite struct ReportChunkTests {
    @Test func chunksCoverTheBookEvenly() {
        for count in [0, 1, 2, 7, 100, 16_384, 16_385, 100_000] {
            for (size, threads) in [(1, 1), (3, 2), (16_384, 1), (16_384, 2), (5, 8), (16_384, 3)] {
                let chunks = MarginEngine.chunks(count: count, size: size, threads: threads)
                if count == 0 { #expect(chunks == [0..<0]); continue }
                #expect(chunks.first?.lowerBound == 0 && chunks.last?.upperBound == count)
                #expect(zip(chunks, chunks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
                #expect(chunks.allSatisfy { !$0.isEmpty && $0.count <= size })
                // Even: no chunk more than one account longer than another but the last.
                let longest = chunks.map(\.count).max() ?? 0
                #expect(chunks.dropLast().allSatisfy { $0.count == longest })
            }
        }
        // 100,000 accounts on two threads: sixteen chunks a thread of 3,125, not seven and a
        // short one; 20,000 on two threads: twenty of 1,000 (chunks of a thousand at the least),
        // rather than two of 16,384 and 3,616; a million: 62 of 16,130 (size is the limit).
        #expect(MarginEngine.chunks(count: 100_000, size: 16_384, threads: 2).map(\.count) == Array(repeating: 3_125, count: 32))
        #expect(MarginEngine.chunks(count: 20_000, size: 16_384, threads: 2).map(\.count) == Array(repeating: 1_000, count: 20))
        #expect(MarginEngine.chunks(count: 1_000_000, size: 16_384, threads: 2).count == 62)
        #expect(MarginEngine.chunks(count: 20_000, size: 16_384, threads: 1).count == 2)
        // "One chunk", asked for with the largest size there is.
        #expect(MarginEngine.chunks(count: 20_000, size: .max, threads: 1) == [0..<20_000])
    }
}
