import LeverTestSupport
import Testing

@Suite struct TxtarTests {
    @Test func parsesCommentAndFiles() {
        let archive = Txtar(parsing: "a comment\n-- args --\ncheck a.lever\n-- a.lever --\nparam a = 1\n\n-- empty --\n")
        #expect(archive.comment == "a comment\n")
        #expect(archive.files.map(\.name) == ["args", "a.lever", "empty"])
        #expect(archive["a.lever"] == "param a = 1\n\n")
        #expect(archive["empty"] == "")
    }

    @Test func roundTrips() {
        let text = "c\n-- x --\n1\n-- y --\n-- z --\n2\n3\n"
        #expect(Txtar(parsing: text).serialized == text)
    }

    @Test func writerAddsFinalNewlines() {
        var archive = Txtar(comment: "c")
        archive["want/exit"] = "0"
        #expect(archive.serialized == "c\n-- want/exit --\n0\n")
    }

    @Test func markersNeedBothDashes() {
        #expect(Txtar(parsing: "-- x\n-- --\n").files.isEmpty)
    }
}

@Suite struct GoldenModeTests {
    @Test func ciWinsOverBless() {
        #expect(GoldenMode.from(environment: ["CI": "true", "LEVER_BLESS": "1"]) == .ci)
        #expect(GoldenMode.from(environment: ["LEVER_BLESS": "1"]) == .bless)
        #expect(GoldenMode.from(environment: ["LEVER_BLESS": "0"]) == .compare)
        #expect(GoldenMode.from(environment: [:]) == .compare)
    }
}
