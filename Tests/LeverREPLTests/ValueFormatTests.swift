import Testing
@testable import LeverREPL

@Suite struct ValueFormatTests {
    @Test func writesValuesAsTyped() {
        #expect(ValueFormat.percent.text(0.05) == "5%")
        #expect(ValueFormat.plain.text(2.33) == "2.33")
        #expect(ValueFormat.unit(.money).text(1_000_000) == "1,000,000 USD")
        #expect(ValueFormat.unit(.money).text(-1234.5) == "-1,234.5 USD")
        #expect(ValueFormat.unit(.time).text(2.0 / 365) == "2 days")
        #expect(ValueFormat.plain.text(1.0 / 3) == "0.333333")
        #expect(ValueFormat.unit(.volatility).text(0.55) == "55% annualised")
    }

    /// What is not a finite number is written as `:explain` and `lever eval` write it, never as NaN.
    @Test func writesNonFiniteValuesInWords() {
        #expect(ValueFormat.plain.text(.infinity) == "∞")
        #expect(ValueFormat.percent.text(-.infinity) == "−∞")
        #expect(ValueFormat.plain.text(.nan) == "undefined")
        #expect(ValueFormat.unit(.money).text(.nan) == "undefined")
        #expect(ValueFormat.unit(.money).text(.infinity) == "∞")
    }
}
