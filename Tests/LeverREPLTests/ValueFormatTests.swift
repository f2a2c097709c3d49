import Testing
@testable import LeverREPL
import LeverSyntax

@Suite struct ValueFormatTests {
    @Test func writesValuesAsTyped() {
        #expect(ValueFormat.percent.text(0.05) == "5%")
        #expect(ValueFormat.plain.text(2.33) == "2.33")
        #expect(ValueFormat.unit(.money).text(1_000_000) == "1,000,000 USD")
        #expect(ValueFormat.unit(.money).text(-1234.5) == "-1,234.5 USD")
        #expect(ValueFormat.unit(.time).text(2.0 / 365) == "2 days")
        #expect(ValueFormat.plain.text(1.0 / 3) == "0.3333333333333333")
        #expect(ValueFormat.unit(.volatility).text(0.55) == "55% annualised")
    }

    /// Every digit of the shortest round-trip form, as `lever eval --format json` writes it: the
    /// REPL is a calculator to check a report against. A percentage moves the decimal point of
    /// the ratio's digits instead of multiplying (0.07 × 100 is 7.000000000000001).
    @Test func writesEveryDigitOfTheShortestForm() {
        #expect(ValueFormat.plain.text(8.745 / 0.67) == "13.052238805970147")
        #expect(ValueFormat.percent.text(0.07) == "7%")
        #expect(ValueFormat.percent.text(0.055) == "5.5%")
        #expect(ValueFormat.percent.text(1.0 / 3) == "33.33333333333333%")
        #expect(ValueFormat.percent.text(-0.000125) == "-0.0125%")
        #expect(ValueFormat.unit(.money).text(1234.56789) == "1,234.56789 USD")
        #expect(ValueFormat.unit(.money).text(0.1 + 0.2) == "0.30000000000000004 USD")
        #expect(ValueFormat.plain.text(1e-7) == "1e-7")
        #expect(ValueFormat.plain.text(0.000001) == "0.000001")
        #expect(ValueFormat.plain.text(123_456_789_012_345) == "123456789012345")
        #expect(ValueFormat.plain.text(2.5e20) == "2.5e+20")
        #expect(ValueFormat.plain.text(-2) == "-2")
        #expect(ValueFormat.unit(.time).text(1.0 / 365) == "1 day")
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

/// Durations, shared by the REPL and `explain`: days to twelve significant digits, rounding
/// carried through the digits.
@Suite struct DurationTextTests {
    @Test func daysAreRoundedToTwelveSignificantDigits() {
        #expect(DecimalDigits.duration(years: 2.0 / 365) == "2 days")
        #expect(DecimalDigits.duration(years: 1.0 / 365) == "1 day")
        #expect(DecimalDigits.duration(years: 0.99999999999999 / 365) == "1 day")
        #expect(DecimalDigits.duration(years: 1.5 / 365) == "1.5 days")
        #expect(DecimalDigits.duration(years: 2) == "2 years")
        #expect(DecimalDigits.duration(years: 0) == "0 days")
    }
}
