import Testing
@testable import LeverREPL

@Suite struct InputKindTests {
    @Test func fieldsNamedLikeKeywordsAreExpressions() {
        #expect(InputKind("asset == BTC") == .expression)
        #expect(InputKind("class != meme") == .expression)
        #expect(InputKind("asset BTC : major") == .declaration)
        #expect(InputKind("margin { initial = 5% }") == .declaration)
        #expect(InputKind("param") == .declaration)
        #expect(InputKind("  :eval") == .command)
        #expect(InputKind(" \n ") == .empty)
    }
}
