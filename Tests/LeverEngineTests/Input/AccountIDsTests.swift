import LeverSyntax
import Testing
@testable import LeverEngine

/// Repeated account ids are found with the place of the first, whether both were read in order
/// or one came in a part of the book decoded on another thread and adopted whole.
@Suite struct AccountIDsTests {
    static func span(_ at: Int) -> Span { Span(file: 0, start: at, end: at + 1) }

    @Test func aRepeatedIdGivesTheFirstPlace() {
        var ids = AccountIDs()
        #expect(ids.insert("a", at: Self.span(1)) == nil)
        #expect(ids.insert("b", at: Self.span(2)) == nil)
        #expect(ids.insert("a", at: Self.span(3)) == Self.span(1))
        // The first place is kept.
        #expect(ids.insert("a", at: Self.span(4)) == Self.span(1))
    }

    @Test func partsAreAdoptedOnlyWhenDisjoint() {
        var main = AccountIDs()
        for i in 0..<1_000 { _ = main.insert("acct-\(i)", at: Self.span(i)) }
        var part = AccountIDs(recordingHashes: true)
        for i in 1_000..<3_000 { _ = part.insert("acct-\(i)", at: Self.span(i)) }
        #expect(main.adopt(ifDisjoint: part) == true)
        // An id of the adopted part, read again in order, is a repeat with the part's place.
        #expect(main.insert("acct-2500", at: Self.span(9_999)) == Self.span(2_500))
        #expect(main.insert("acct-3000", at: Self.span(3_000)) == nil)
        // A later part sharing one id with an earlier part, or with the ids read in order, is not.
        var clash = AccountIDs(recordingHashes: true)
        for i in 5_000..<6_000 { _ = clash.insert("acct-\(i)", at: Self.span(i)) }
        _ = clash.insert("acct-1999", at: Self.span(7_000))
        #expect(main.adopt(ifDisjoint: clash) == false)
        var clashOwn = AccountIDs(recordingHashes: true)
        _ = clashOwn.insert("acct-7", at: Self.span(1))
        #expect(main.adopt(ifDisjoint: clashOwn) == false)
        #expect(main.adopt(ifDisjoint: AccountIDs()) == true)
        // A part left out changed nothing: its ids are still new.
        #expect(main.insert("acct-5500", at: Self.span(8_000)) == nil)
    }

    /// A part's table stays one when the part makes room for its share of the book.
    @Test func aPartKeepsRecordingHashesWhenItReserves() {
        var state = BookState(names: nil, market: nil)
        state.accountIDs = AccountIDs(recordingHashes: true)
        state.reserve(forBytes: 1 << 20)
        #expect(state.accountIDs.recordsHashes)
        var whole = BookState(names: nil, market: nil)
        whole.reserve(forBytes: 1 << 20)
        #expect(!whole.accountIDs.recordsHashes)
    }

    @Test func theHashSetHoldsEveryHashItIsGiven() {
        var set = IDHashes()
        var state: UInt64 = 42
        var given: [UInt32] = [0, 1, .max]
        for _ in 0..<10_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            given.append(UInt32(truncatingIfNeeded: state >> 29))
        }
        for hash in given { set.insert(hash) }
        #expect(given.allSatisfy(set.contains))
        #expect(set.count <= given.count)
    }
}
