@testable import LeverCompile
import Testing
@testable import LeverEngine

/// The program's numbers as reported values: the one rule every report and tally reads them by.
@Suite struct ReportValueFormsTests {
    static let forms = ReportValueForms([
        OutputInfo(name: "health", kind: .number(.none), isMeasure: false),
        OutputInfo(name: "frozen", kind: .flag, isMeasure: false),
        OutputInfo(name: "status", kind: .label(["healthy", "margin_call", "liquidatable"]), isMeasure: false),
    ])

    @Test func numbersFlagsAndLabels() {
        #expect(Self.forms.value(1.25, output: 0) == .number(1.25))
        #expect(Self.forms.value(1.25, exact: "1.250", output: 0) == .decimal(1.25, "1.250"))
        #expect(Self.forms.value(Double.infinity, output: 0) == .number(.infinity))
        #expect(Self.forms.value(0, output: 1) == .flag(false))
        #expect(Self.forms.value(1, output: 1) == .flag(true))
        #expect(Self.forms.value(0, output: 2) == .label("healthy"))
        #expect(Self.forms.value(2, output: 2) == .label("liquidatable"))
    }

    /// NaN is undefined whatever the kind; a label number naming no label (−1 is "none") is
    /// undefined too, never another label and never a crash, however large.
    @Test func whatNamesNothingIsUndefined() {
        for o in 0..<3 { #expect(Self.forms.value(Double.nan, output: o) == .undefined) }
        for x in [-1.0, 3, 3.5, 1e300, .infinity, -.infinity] {
            #expect(Self.forms.value(x, output: 2) == .undefined, "label number \(x)")
        }
        // The index is taken toward zero, as it always was.
        #expect(Self.forms.value(1.5, output: 2) == .label("margin_call"))
        #expect(Self.forms.value(-0.5, output: 2) == .label("healthy"))
    }
}
