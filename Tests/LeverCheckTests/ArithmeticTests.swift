import Testing
import LeverCheck
import LeverNumerics
import LeverSyntax

/// The `arithmetic` block: the number model, what fixed point refuses, and the rounding builtins.
struct ArithmeticTests {
    @Test func blockIsReadWordByWord() {
        let result = Checker.check(source: "arithmetic {\n  numbers = ray\n  rounding = down\n}", path: "t.lever")
        #expect(result.diagnostics.isEmpty)
        #expect(result.symbols.arithmetic == Arithmetic(numbers: .ray, rounding: .down))
        #expect(result.symbols.arithmetic.description == "ray, rounding down")
        #expect(Checker.check(source: "param x = 1", path: "t.lever").symbols.arithmetic == Arithmetic())
    }

    @Test func unknownWordsAndSettingsAreRefused() {
        #expect(!found("arithmetic { numbers = decimal }").isEmpty)
        #expect(!found("arithmetic { numbers = down }").isEmpty, "a rounding word is no number model")
        #expect(!found("arithmetic { precision = 18 }").isEmpty)
    }

    @Test func roundingNeedsFixedPoint() {
        #expect(single("arithmetic { rounding = down }")?.code == "L0337")
        #expect(found("arithmetic {\n  numbers = wad\n  rounding = down\n}") == [])
    }

    /// Exponentials, logarithms, Φ, fractional powers and `compound` accrual have no exact value.
    @Test func inexactOperationsAreRefusedInFixedPoint() {
        let fixed = "arithmetic { numbers = wad }\n"
        for body in ["param x = exp(1)", "param x = ln(2)", "param x = ncdf(0)", "param x = npdf(0)", "param x = 2 ^ 0.5"] {
            #expect(single(fixed + body)?.code == "L0338", "\(body)")
            #expect(found(body) == [], "\(body) in float")
        }
        #expect(found(fixed + "param x = 2 ^ 3") == [])
        #expect(single(fixed + "margin { interest_accrual = compound }")?.code == "L0338")
        #expect(found(fixed + "margin { interest_accrual = taylor }") == [])
    }

    @Test func roundingBuiltinsWrapAProductOrQuotient() {
        #expect(found("param x = rounded_down(2 * 3)") == [])
        #expect(found("param x = rounded_up((7 / 3))") == [])
        #expect(found("param x = rounded_down(2 * 3 / 7)") == [])
        // The product in `1 + 2 * 3` is nested by precedence: the direction would not reach it.
        #expect(single("param x = rounded_half_even(1 + 2 * 3)")?.code == "L0336")
        let refused = single("param x = rounded_down(1 + 2)")
        #expect(refused?.code == "L0336")
        #expect(refused?.message == "`rounded_down` rounds a product or a quotient, and `(1 + 2)` is neither")
    }

    @Test func wholeQuotientsHaveTheQuotientsUnit() {
        #expect(found("param x = floor_div(10 USD, 3 USD)\nparam y = x * 2") == [])
        #expect(found("param per = ceil_div(10 USD, 3)\nparam y = per + 1 USD") == [])
        #expect(single("param per = ceil_div(10 USD, 3)\nparam y = per + 1")?.code == "L0304")
    }
}
