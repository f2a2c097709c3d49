import Testing
import LeverCheck
import LeverSyntax

// One test per unit diagnostic (L0304–L0310, L0319, L0321), plus the unit algebra itself.

@Test func addMoneyToRatio() {
    let d = diagnostics("class c { haircut = 5% + notional }")
    #expect(found("class c { haircut = 5% + notional }")
        == [Found(code: "L0304", at: "1:24", message: "cannot add a USD amount to a ratio")])
    #expect(d.first?.secondary.map(\.message) == ["ratio", "USD"])
    #expect(d.first?.help?.contains("notional / 1M USD") == true)
}

@Test func subtractDurationFromMoney() {
    #expect(found("param p = 5 USD - 2 days")
        == [Found(code: "L0304", at: "1:17", message: "cannot subtract a duration from a USD amount")])
}

@Test func compareMismatchedUnits() {
    #expect(found("margin { liquidate when equity < 1 }")
        == [Found(code: "L0304", at: "1:32", message: "cannot compare a USD amount with a ratio")])
}

@Test func ifBranchUnits() {
    #expect(found("margin { close_factor = if health < 1 then 100% else 5 USD }")
        == [Found(code: "L0305", at: "1:54", message: "`if` branches give a ratio and a USD amount")])
}

@Test func minArgumentUnits() {
    #expect(found("param p = min(5%, 2 USD)")
        == [Found(code: "L0305", at: "1:19", message: "`min` needs arguments of one unit, but this is a USD amount")])
}

@Test func rangeBoundUnits() {
    #expect(found("assert every asset: haircut in [0 USD, 100%]")
        == [Found(code: "L0305", at: "1:33", message: "range bound is a USD amount, but the value is a ratio")])
}

@Test func curvePointUnits() {
    #expect(found("curve r(utilization) = points { 0% -> 1%, 100% -> 2 USD }")
        == [Found(code: "L0305", at: "1:51", message: "curve values must share one unit, but this is a USD amount")])
}

@Test func squareRootOfMoney() {
    #expect(found("param p = sqrt(4 USD)")
        == [Found(code: "L0306", at: "1:16", message: "cannot take the square root of a USD amount")])
}

@Test func squareRootOfDurationIsFine() {
    let result = Checker.check(source: "param p = sqrt(4 days)", path: "t.lever", stopAfter: .units)
    guard case .param(_, let e) = result.symbols.lookup(.param, "p")?.declaration.kind else { return }
    #expect(result.types[e] == .number(Dimension(halfTime: 1)))
    #expect(result.diagnostics.isEmpty)
}

@Test func volatilityTimesRootTimeIsPlain() {
    #expect(found("param h = 2 days\nclass c { haircut = clamp(2.33 * vol * sqrt(h), 10%, 40%) }") == [])
}

@Test func expOfMoney() {
    #expect(found("param p = exp(2 USD)")
        == [Found(code: "L0307", at: "1:15", message: "`exp` needs a plain number, not a USD amount")])
}

@Test func exponentWithUnit() {
    #expect(found("param p = 2 ^ 3 USD")
        == [Found(code: "L0307", at: "1:15", message: "an exponent needs a plain number, not a USD amount")])
}

@Test func kinkedArgumentNotRatio() {
    #expect(found("curve r(utilization) = kinked(base: 1 USD, slope1: 4%, kink: 80%, slope2: 75%)")
        == [Found(code: "L0307", at: "1:37", message: "a `kinked` argument must be a ratio, not a USD amount")])
}

@Test func powerOfMoneyNeedsConstantExponent() {
    #expect(found("class c { spread = 1% }\nmeasure m per position = notional ^ spread")
        == [Found(code: "L0308", at: "2:37", message: "raising a USD amount to a power needs a constant whole exponent")])
    #expect(found("measure m per position = notional ^ 2 / 1 USD / 1 USD") == [])
}

@Test func propertyUnit() {
    let d = diagnostics("class c { haircut = 5 USD }")
    #expect(found("class c { haircut = 5 USD }")
        == [Found(code: "L0309", at: "1:21", message: "`haircut` is a ratio, but this is a USD amount")])
    #expect(d.first?.primary.message == "USD")
}

@Test func creditLineUnit() {
    #expect(found("tiers by account.score { else -> All { credit_line = 5% } }")
        == [Found(code: "L0309", at: "1:54", message: "`credit_line` is a USD amount, but this is a ratio")])
}

@Test func scaleByMoney() {
    #expect(found("class c { haircut = 1% }\nvenue V { haircut *= 2 USD }")
        == [Found(code: "L0309", at: "2:22", message: "`*=` scales `haircut` by a ratio, but this is a USD amount")])
}

@Test func shockNotRatio() {
    #expect(found("class major { haircut = 1% }\nscenario s { major: -30 USD }")
        == [Found(code: "L0309", at: "2:21", message: "a shock is a relative change, but this is a USD amount")])
}

@Test func perMismatch() {
    #expect(found("class c { haircut = 2% }\nasset A : c { haircut += 1% per 1M USD of notional above 5% }")
        == [Found(code: "L0310", at: "2:58", message: "`per` needs a USD amount here, like its unit, not a ratio")])
}

@Test func tableFieldUnitsAgree() {
    let src = "table caps by account.score { < 500 -> Low { cap = 1M USD }\n else -> High { cap = 50% } }"
    #expect(found(src) == [Found(code: "L0319", at: "2:17", message: "`cap` is a USD amount in an earlier row, but a ratio here")])
}

@Test func curveArgumentUnit() {
    #expect(found("curve r(utilization) = points { 0% -> 1%, 100% -> 2% }\nparam p = r(5 USD)")
        == [Found(code: "L0321", at: "2:13", message: "`r` takes a ratio for `utilization`, not a USD amount")])
}

@Test func percentOfMoneyIsMoney() {
    #expect(found("tiers by account.score { else -> All { credit_line = 5% * 2M USD } }") == [])
}
