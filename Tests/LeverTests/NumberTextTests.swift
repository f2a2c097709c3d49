import Testing
import Lever

@Suite struct NumberTextTests {
    @Test func shortestRoundTrips() {
        #expect(NumberText.shortest(0.1) == "0.1")
        #expect(NumberText.shortest(1) == "1.0")
        #expect(NumberText.shortest(-0.0) == "0.0")
        #expect(NumberText.shortest(1e-5) == "1e-05")
        for x in [0.1 + 0.2, 1.0 / 3, 97250.5, 1.98e-05, 6.02e23, -123456.789] {
            #expect(Double(NumberText.shortest(x)) == x)
        }
    }

    @Test func fixedGroupsAndRounds() {
        #expect(NumberText.fixed(1_234_567.891, decimals: 2, grouped: true) == "1,234,567.89")
        #expect(NumberText.fixed(-451_480.045, decimals: 2, grouped: true) == "-451,480.05")
        #expect(NumberText.fixed(999.995, decimals: 2, grouped: true) == "1,000.00")
        #expect(NumberText.fixed(12, decimals: 0, grouped: true) == "12")
        #expect(NumberText.fixed(123, decimals: 2, grouped: true) == "123.00")
        #expect(NumberText.fixed(0.05, decimals: 4, grouped: false) == "0.0500")
    }

    @Test func tinyNegativesLoseTheirSign() {
        #expect(NumberText.fixed(-0.001, decimals: 2, grouped: true) == "0.00")
    }

    @Test func infinitiesAndHugeNumbers() {
        #expect(NumberText.fixed(.infinity, decimals: 2, grouped: true) == "∞")
        #expect(NumberText.fixed(-.infinity, decimals: 2, grouped: true) == "-∞")
        #expect(NumberText.fixed(1e300, decimals: 2, grouped: true) == "1e+300")
    }
}
