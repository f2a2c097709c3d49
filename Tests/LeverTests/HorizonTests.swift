import Testing
import Lever

@Suite struct HorizonTests {
    @Test func readsDurationsLikeTheLanguage() {
        #expect(Horizon.parse("30d") == 30.0 / 365)
        #expect(Horizon.parse("2 days") == 2.0 / 365)
        #expect(Horizon.parse("12h") == 12.0 / 8760)
        #expect(Horizon.parse("1y") == 1)
        #expect(Horizon.parse("0.5years") == 0.5)
        #expect(Horizon.parse("3600s") == 3600.0 / 31_536_000)
    }

    @Test(arguments: ["", "30", "d", "30q", "30USD", "30%", "-1d", "1..2d", "nan d"])
    func rejectsOthers(_ text: String) {
        #expect(Horizon.parse(text) == nil)
    }
}
