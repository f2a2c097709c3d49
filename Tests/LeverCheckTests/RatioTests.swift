import Testing
import LeverCheck
import LeverSyntax

// L0324: a number written without a unit where a ratio with a known range is meant, and outside
// that range (`ltv = 75` is 7,500%). Fractions (`0.75`) and anything with `%` or `bps` pass.

/// The text each fix-it edit of a policy's diagnostics replaces, and what it writes instead.
private func fixes(_ source: String) -> [String] {
    let result = Checker.check(source: source, path: "test.lever", stopAfter: .units)
    return result.diagnostics.flatMap(\.fixIts).flatMap(\.edits).map { edit in
        let old = result.sources.file(edit.span.file)?.text(of: edit.span) ?? "?"
        return "\(old) -> \(edit.replacement)"
    }
}

@Test func ltvWithoutUnit() {
    let source = "class c { ltv = 75 }"
    #expect(found(source) == [Found(code: "L0324", at: "1:17", message: "`ltv` is a ratio, but this plain number is 7,500%")])
    #expect(fixes(source) == ["75 -> 75%"])
    let d = diagnostics(source).first
    #expect(d?.primary.message == "no unit")
    #expect(d?.help == "write the unit: `75%`")
    #expect(d?.notes == ["`ltv` lies in [0%, 100%], and a number without a unit is a fraction of one: `0.75` is 75%"])
}

@Test func ratiosWrittenAsRatiosPass() {
    #expect(found("class c { ltv = 75% }") == [])
    #expect(found("class c { ltv = 0.75 }") == [])
    #expect(found("class c { ltv = 7500 bps }") == [])
    #expect(found("class c { ltv = 1 - 0.25 }") == [])
    // A unit says the value is meant, even one out of range (the proofs and asserts judge it).
    #expect(found("class c { haircut = 150% }") == [])
}

@Test func scalingIsAFactorNotARatio() {
    #expect(found("class c { haircut = 10% }\nasset A : c { haircut *= 110% }") == [])
    #expect(found("class c { haircut = 10% }\nasset A : c { haircut *= 1.1 }") == [])
    #expect(found("class c { haircut = 10% }\nvenue V { haircut *= 3 }") == [])
}

@Test func adjustmentWithoutUnit() {
    let source = "class c { haircut = 10% }\nvenue V { haircut += 3 }"
    #expect(found(source) == [Found(code: "L0324", at: "2:22", message: "`haircut` is a ratio, but this plain number is 300%")])
    #expect(fixes(source) == ["3 -> 3%"])
    #expect(found("class c { haircut = 10% }\nvenue V { haircut -= 0.02 }") == [])
}

@Test func curveArgumentWithoutUnit() {
    let curve = "curve house_rate(utilization) = points { 0% -> 2%, 80% -> 6%, 100% -> 50% }\n"
    let source = curve + "param p = house_rate(85)"
    #expect(found(source) == [Found(code: "L0324", at: "2:22",
                                    message: "`house_rate` takes a ratio for `utilization`, but this plain number is 8,500%")])
    #expect(fixes(source) == ["85 -> 85%"])
    #expect(found(curve + "param p = house_rate(85%)") == [])
    #expect(found(curve + "param p = house_rate(0.85)") == [])
    #expect(found(curve + "class c { borrow_rate = house_rate(utilization) }") == [])
}

@Test func curvePointsAndKinkWithoutUnit() {
    #expect(found("curve r(utilization) = points { 0% -> 1%, 80 -> 2%, 100% -> 9% }")
        == [Found(code: "L0324", at: "1:43", message: "`r` takes a ratio for `utilization`, but this plain number is 8,000%")])
    #expect(found("curve r(utilization) = kinked(base: 0%, slope1: 4%, kink: 80, slope2: 75%)")
        == [Found(code: "L0324", at: "1:59", message: "`kink` is a `utilization`, but this plain number is 8,000%")])
    #expect(found("curve r(utilization) = kinked(base: 0%, slope1: 4%, kink: 0.8, slope2: 75%)") == [])
}

@Test func partsThatBecomeTheValue() {
    // `clamp` bounds, `if` branches and added terms are values of the property; factors are not.
    #expect(found("param h = 2 days\nclass c { haircut = clamp(2.33 * vol * sqrt(h), 10, 40%) }")
        == [Found(code: "L0324", at: "2:49", message: "`haircut` is a ratio, but this plain number is 1,000%")])
    #expect(found("margin { close_factor = if health < 0.95 then 100 else 50% }")
        == [Found(code: "L0324", at: "1:47", message: "`close_factor` is a ratio, but this plain number is 10,000%")])
    #expect(found("margin { initial = 50% + 25 }")
        == [Found(code: "L0324", at: "1:26", message: "`initial` is a ratio, but this plain number is 2,500%")])
    #expect(found("margin { close_factor = if health < 0.95 then 1 else 0.5 }") == [])
    #expect(found("param h = 2 days\nclass c { haircut = clamp(2.33 * vol * sqrt(h), 0.1, 0.4) }") == [])
}

@Test func constantsAndParamsFold() {
    #expect(found("margin { bonus = 150 / 2 }")
        == [Found(code: "L0324", at: "1:18", message: "`bonus` is a ratio, but this plain number is 7,500%")])
    #expect(fixes("margin { bonus = 150 / 2 }") == [])
    let d = diagnostics("param full = 100\nmargin { close_factor = full }")
    #expect(d.map(\.code) == ["L0324"])
    #expect(d.first?.secondary.map(\.message) == ["written without a unit"])
    #expect(found("param full = 100%\nmargin { close_factor = full }") == [])
}

@Test func ambiguousNumbersGetNoFix() {
    // `1.05` is Aave's way of writing a 5% bonus as much as it is 1.05%: say so, but do not guess.
    let source = "class c { liquidation_bonus = 1.05 }"
    #expect(found(source).map(\.message) == ["`liquidation_bonus` is a ratio, but this plain number is 105%"])
    #expect(fixes(source) == [])
    #expect(diagnostics(source).first?.help == "write the ratio with a unit, `%` or `bps`")
}

@Test func signedDiscount() {
    let source = "tiers by account.score { else -> All { haircut_discount = -10 } }"
    #expect(found(source).map(\.code) == ["L0324"])
    #expect(fixes(source) == ["-10 -> -10%"])
    #expect(found("tiers by account.score { else -> All { haircut_discount = -0.1 } }") == [])
}

@Test func everyStandardRatioHasARange() {
    let ratios = ["haircut", "ltv", "liquidation_threshold", "liquidation_bonus", "reserve_factor", "borrow_rate",
                  "supply_rate", "initial_weight", "maintenance_weight"]
    for name in ratios {
        #expect(found("class c { \(name) = 5 }").map(\.code) == ["L0324"], "\(name)")
    }
    for name in ["initial", "maintenance", "close_factor", "bonus"] {
        #expect(found("margin { \(name) = 5 }").map(\.code) == ["L0324"], "\(name)")
    }
    // A property the policy defines has no known range.
    #expect(found("class c { liquidity_days = 5 }") == [])
}
