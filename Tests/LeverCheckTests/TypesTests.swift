import Testing
import LeverCheck
import LeverSyntax

// One test per type and level diagnostic (L0301–L0303, L0311–L0323).

@Test func conditionExpected() {
    #expect(found("margin { liquidate when health }")
        == [Found(code: "L0301", at: "1:25", message: "`margin.liquidate` needs a true/false condition, not a ratio")])
}

@Test func assertionNeedsCondition() {
    #expect(found("assert 1 + 1")
        == [Found(code: "L0301", at: "1:8", message: "an assertion needs a true/false condition, not a ratio")])
}

@Test func arithmeticOnWord() {
    #expect(found("measure m per position = side + 1")
        == [Found(code: "L0302", at: "1:26", message: "cannot use `+` on a `side` word")])
}

@Test func compareWordWithEntity() {
    #expect(found("class c { haircut = 1% }\nasset BTC : c\nmeasure m per position = if side == BTC then 1 else 0")
        == [Found(code: "L0303", at: "3:34", message: "cannot compare a `side` word with an asset name")])
}

@Test func compareWordsIsFine() {
    #expect(found("measure m per position = if kind == spot and side != short then 1 else 0") == [])
}

@Test func branchKinds() {
    #expect(found("measure m per position = if notional > 1 USD then long else 1")
        == [Found(code: "L0303", at: "1:61", message: "`if` branches give a `side` word and a ratio")])
}

@Test func positionValueOutsideAggregate() {
    let d = diagnostics("measure m per account = notional")
    #expect(found("measure m per account = notional")
        == [Found(code: "L0311", at: "1:25", message: "per-position value outside an aggregate in an account measure")])
    #expect(d.first?.help?.contains("sum(") == true)
}

@Test func marketInputOutsideAssetContext() {
    let d = diagnostics("margin { liquidate when price > 1 USD }")
    #expect(d.map(\.code) == ["L0311"])
    #expect(d.first?.help?.contains("BTC.price") == true)
}

@Test func positionValueInsideAggregateIsFine() {
    #expect(found("measure m per account = sum(notional where side == long) / max(1 USD, collateral)") == [])
}

@Test func paramMustBeConstant() {
    #expect(found("param p = vol * 2")
        == [Found(code: "L0312", at: "1:11", message: "a param must be constant, but this is a market (per asset) value")])
}

@Test func tablePatternMustBeConstant() {
    #expect(found("tiers by account.score { >= account.score -> A }").map(\.code) == ["L0312"])
}

@Test func adjustWithoutInheritedValue() {
    #expect(found("class c { haircut += 1% }")
        == [Found(code: "L0313", at: "1:11", message: "`+=` adjusts `haircut`, but class `c` inherits no value for it")])
}

@Test func adjustInheritedIsFine() {
    #expect(found("class p { haircut = 1% }\nclass c : p { haircut += 1% }\nasset A : c { haircut *= 110% }") == [])
}

@Test func adjustInAssetWithoutClassValue() {
    #expect(found("class c { ltv = 50% }\nasset A : c { haircut -= 1% }")
        == [Found(code: "L0313", at: "2:15", message: "`-=` adjusts `haircut`, but asset `A` inherits no value for it")])
}

@Test func builtinArity() {
    #expect(found("param p = clamp(1, 2)")
        == [Found(code: "L0314", at: "1:11", message: "`clamp` takes 3 arguments, not 2")])
}

@Test func curveArity() {
    #expect(found("curve r(utilization) = points { 0% -> 1%, 100% -> 2% }\nparam p = r(1%, 2%)")
        == [Found(code: "L0314", at: "2:11", message: "curve `r` takes 1 argument, not 2")])
}

@Test func labelOnPositionalFunction() {
    #expect(found("param p = sqrt(x: 4)")
        == [Found(code: "L0315", at: "1:16", message: "this function takes no argument labels")])
}

@Test func kinkedUnknownLabel() {
    let d = diagnostics("curve r(utilization) = kinked(base: 0%, slope1: 4%, kinc: 80%, slope2: 75%)")
    #expect(d.map(\.code) == ["L0315", "L0315"])
    #expect(d.last?.message == "`kinked` has no argument `kinc`")
    #expect(d.last?.help == "use `kink`")
    #expect(d.first?.message == "`kinked` is missing `kink:`")
}

@Test func kinkedMissingLabel() {
    #expect(found("curve r(utilization) = kinked(0%, slope1: 4%, kink: 80%, slope2: 75%)")
        == [Found(code: "L0315", at: "1:31", message: "`kinked` arguments need labels")])
}

@Test func kinkedDuplicateLabel() {
    #expect(found("curve r(utilization) = kinked(base: 0%, base: 0%, slope1: 4%, kink: 80%, slope2: 75%)")
        == [Found(code: "L0315", at: "1:41", message: "argument `base` is given twice")])
}

@Test func kinkedOutsideCurveBody() {
    #expect(found("param p = kinked(base: 0%, slope1: 4%, kink: 80%, slope2: 75%)")
        == [Found(code: "L0316", at: "1:11", message: "`kinked` is only allowed as a whole curve body")])
}

@Test func filterOnOrdinaryFunction() {
    #expect(found("measure m per position = abs(notional where side == long)")
        == [Found(code: "L0317", at: "1:45", message: "`where` filters only work in aggregates, not in `abs`")])
}

@Test func conditionPropertyNeedsWhen() {
    #expect(found("margin { liquidate = health < 1 }")
        == [Found(code: "L0318", at: "1:10", message: "`liquidate` is a condition and is written with `when`")])
}

@Test func whenOnValueProperty() {
    #expect(found("margin { bonus when health < 1 }")
        == [Found(code: "L0318", at: "1:10", message: "only `liquidate` and `margin_call` are written with `when`")])
}

@Test func nestedAggregate() {
    #expect(found("measure m per account = sum(max(notional))")
        == [Found(code: "L0320", at: "1:29", message: "aggregates cannot be nested")])
}

@Test func positionsOnlyCounted() {
    #expect(found("measure m per account = count(positions where side == short)") == [])
    #expect(found("measure m per account = sum(positions)")
        == [Found(code: "L0322", at: "1:29", message: "`positions` can only be counted")])
}

@Test func wrongWordForSetting() {
    #expect(found("oracle { stale_price = long }")
        == [Found(code: "L0323", at: "1:24", message: "`stale_price` is a `stale_price` word, not a `side` word")])
    #expect(found("oracle { stale_price = reject; max_price_age = 30 seconds }") == [])
}

@Test func compareEntities() {
    let src = "class c { haircut = 1% }\nasset BTC : c\nvenue Binance { haircut += 1% }\n"
        + "measure m per account = sum(notional where venue == Binance and (asset == BTC or class == c))"
    #expect(found(src) == [])
    #expect(found(src + "\nmeasure n per position = if asset == Binance then 1 else 0")
        == [Found(code: "L0303", at: "5:35", message: "cannot compare an asset name with a venue name")])
}

@Test func clockSkewIsADuration() {
    #expect(found("oracle { max_clock_skew = 60 s; max_price_age = 1 h }") == [])
    #expect(found("oracle { max_clock_skew = 5% }").map(\.code) == ["L0309"])
    let misspelt = Checker.check(source: "oracle { max_clock_scew = 60 s }", path: "test.lever").diagnostics
    #expect(misspelt.map(\.code) == ["L0220"])
    #expect(misspelt.first?.help == "use `max_clock_skew`")
}

/// `param horizon = 2 days` names the policy's own horizon (a liquidation horizon, say): in
/// expressions `horizon` is then the param, and interest still accrues over the run's horizon.
@Test func aParamNamedHorizonIsTheParamInExpressions() {
    #expect(found("param horizon = 2 days\nmeasure h per account = horizon").isEmpty)
    let checked = Checker.check(source: "param horizon = 2 days\nmeasure h per account = horizon", path: "t.lever")
    let expr = checked.symbols.measure("h")!.value
    #expect(checked.resolutions[expr] == .param("horizon"))
}
