import Testing
@testable import LeverSyntax

/// Line starts, found eight bytes at a time, are every offset after a newline, wherever the
/// newlines fall in a word and however the text ends.
@Suite struct SourceFileTests {
    @Test func lineStartsAreEveryOffsetAfterANewline() {
        var rng = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 100, 1_000] {
            for density in [0.0, 0.05, 0.5, 1.0] {
                let bytes: [UInt8] = (0..<length).map { _ in Double.random(in: 0..<1, using: &rng) < density ? 0x0A : UInt8.random(in: 0x0B...0x7E, using: &rng) }
                let naive = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
                #expect(SourceFile.lineStarts(of: bytes) == naive, "length \(length), density \(density)")
            }
        }
        // Bytes next to a newline's value (0x09, 0x0B, 0x8A) are not newlines.
        let near: [UInt8] = [0x09, 0x0B, 0x8A, 0x0A, 0x0A, 0x00, 0xFF, 0x0A, 0x41]
        #expect(SourceFile.lineStarts(of: near) == [0, 4, 5, 8])
    }
}
