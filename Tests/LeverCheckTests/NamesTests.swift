import Testing
import LeverCheck
import LeverSyntax

// One test per name diagnostic (L02xx): code, line:column and message.

@Test func duplicateDeclaration() {
    let all = diagnostics("param a = 1\nparam a = 2")
    #expect(found("param a = 1\nparam a = 2") == [Found(code: "L0201", at: "2:7", message: "param `a` is declared twice")])
    #expect(all.first?.secondary.first?.message == "first declared here")
}

@Test func redeclaresImportWithoutOverride() {
    let result = Checker.check(files: ["base.lever": "param z = 2", "main.lever": "import \"base.lever\"\nparam z = 3"],
                               root: "main.lever", stopAfter: .units)
    #expect(result.diagnostics.map(\.code) == ["L0202"])
    #expect(result.diagnostics.first?.message == "`z` is already declared by an imported file")
    #expect(result.diagnostics.first?.fixIts.first?.edits.first?.replacement == "override ")
}

@Test func overrideReplacesImport() {
    let result = Checker.check(files: ["base.lever": "param z = 2", "main.lever": "import \"base.lever\"\noverride param z = 3"],
                               root: "main.lever", stopAfter: .units)
    #expect(result.diagnostics.isEmpty)
    #expect(result.symbols.lookup(.param, "z")?.fileIndex == 1)
}

@Test func overrideOfNothing() {
    #expect(found("override param z = 3") == [Found(code: "L0203", at: "1:16", message: "`override` of `z`, which no imported file declares")])
}

@Test func classCycle() {
    #expect(found("class a : b\nclass b : a") == [Found(code: "L0204", at: "1:7", message: "class inherits from itself")])
}

@Test func unreadableRootFile() {
    let result = Checker.check(path: "/nonexistent/dir/policy.lever")
    #expect(result.diagnostics.map(\.code) == ["L0205"])
    #expect(result.diagnostics.first?.primary.span == .synthetic)
    #expect(result.diagnostics.first?.message == "cannot read file `/nonexistent/dir/policy.lever`: no such file")
}

@Test func unreadableImport() {
    let result = Checker.check(files: ["main.lever": "import \"gone.lever\""], root: "main.lever", stopAfter: .units)
    #expect(result.diagnostics.map(\.message) == ["cannot read file `gone.lever`: no such file"])
}

@Test func importCycle() {
    let result = Checker.check(files: ["a.lever": "import \"b.lever\"", "b.lever": "import \"a.lever\""],
                               root: "a.lever", stopAfter: .units)
    #expect(result.diagnostics.map(\.code) == ["L0206"])
}

@Test func unknownNameSuggests() {
    let d = diagnostics("class c { haircut = 2% }\nmeasure m per position = haricut")
    #expect(found("class c { haircut = 2% }\nmeasure m per position = haricut")
        == [Found(code: "L0210", at: "2:26", message: "unknown name `haricut`")])
    #expect(d.first?.help == "use `haircut`")
    #expect(d.first?.fixIts.first?.edits.first?.replacement == "haircut")
}

@Test func unknownAccountAttributeWarns() {
    #expect(found("measure m per account = account.scroe")
        == [Found(code: "L0211", at: "1:33", message: "`account.scroe` is not a known account attribute")])
    #expect(found("measure m per account = account.region") == [])
}

@Test func unknownTableField() {
    let src = "tiers by account.score { else -> All { credit_line = 1 USD } }\nmeasure m per account = tier.credit_lin"
    #expect(found(src) == [Found(code: "L0212", at: "2:30", message: "no row of `tier` sets `credit_lin`")])
}

@Test func unknownAssetMember() {
    let src = "class c { haircut = 1% }\nasset BTC : c\nmeasure m per account = BTC.prise"
    #expect(found(src) == [Found(code: "L0213", at: "3:29", message: "`prise` is not a market input or property of `BTC`")])
}

@Test func unknownClassOfAsset() {
    let d = diagnostics("class major { haircut = 1% }\nasset BTC : majr")
    #expect(found("class major { haircut = 1% }\nasset BTC : majr")
        == [Found(code: "L0214", at: "2:13", message: "unknown class `majr`")])
    #expect(d.first?.help == "use `major`")
}

@Test func unknownParentClass() {
    #expect(found("class base { haircut = 1% }\nclass c : bse")
        == [Found(code: "L0215", at: "2:11", message: "unknown parent class `bse`")])
}

@Test func unknownFunction() {
    let d = diagnostics("param a = sqr(4)")
    #expect(found("param a = sqr(4)") == [Found(code: "L0216", at: "1:11", message: "unknown function `sqr`")])
    #expect(d.first?.help == "use `sqrt`")
}

@Test func unknownShockTarget() {
    #expect(found("class major { haircut = 1% }\nscenario s { majr: -30% }")
        == [Found(code: "L0217", at: "2:14", message: "a scenario cannot shock `majr`")])
}

/// A class or every asset may have any shockable input shocked (`major.vol`, `risk_free_rate`);
/// an input no scenario can move (`utilization`) is refused rather than silently ignored.
@Test func shockTargetsNameAnAssetOrClassAndAShockableInput() {
    let policy = "class major { haircut = 1% }\nasset BTC : major\n"
    #expect(found(policy + "scenario s { major.vol: +50%, BTC.dividend_yield: -50%, risk_free_rate: +100%, major: -30% }").isEmpty)
    #expect(found(policy + "scenario s { utilization: +10% }")
        == [Found(code: "L0217", at: "3:14", message: "a scenario cannot shock `utilization`")])
    #expect(found(policy + "scenario s { major.supplied: -10% }")
        == [Found(code: "L0217", at: "3:14", message: "a scenario cannot shock `major.supplied`")])
}

@Test func unknownQuantifier() {
    #expect(found("assert every aset: haircut < 1")
        == [Found(code: "L0218", at: "1:14", message: "cannot assert over every `aset`")])
}

@Test func unknownBreachStatus() {
    let source = "measure g per account = 1\nassert every account: g < 2 else margin_cal"
    #expect(found(source) == [Found(code: "L0226", at: "2:34", message: "`margin_cal` is not a status a breach can give")])
    #expect(diagnostics(source).first?.help == "use `margin_call`")
    // `healthy` would hide a breach: it is not offered.
    #expect(found("measure g per account = 1\nassert every account: g < 2 else healthy").map(\.code) == ["L0226"])
    #expect(found("measure g per account = 1\nassert every account: g < 2 else liquidatable").isEmpty)
}

@Test func unknownPropertyInAsset() {
    let d = diagnostics("class c { haircut = 1% }\nasset A : c { harcut = 2% }")
    #expect(found("class c { haircut = 1% }\nasset A : c { harcut = 2% }")
        == [Found(code: "L0219", at: "2:15", message: "unknown property `harcut` for asset `A`")])
    #expect(d.first?.help == "use `haircut`")
}

@Test func unknownPropertyInVenue() {
    #expect(found("venue V { spread = 2% }")
        == [Found(code: "L0219", at: "1:11", message: "unknown property `spread` for venue `V`")])
}

@Test func customPropertyInVenueIsKnown() {
    #expect(found("class c { spread = 1% }\nvenue V { spread += 2% }") == [])
}

@Test func unknownMarginSetting() {
    #expect(found("margin { intial = 5% }")
        == [Found(code: "L0220", at: "1:10", message: "`margin` has no setting `intial`")])
}

@Test func customPropertyCloseToStandardWarns() {
    #expect(found("class c { hiarcut = 1% }")
        == [Found(code: "L0221", at: "1:11", message: "`hiarcut` defines a new custom property")])
}

@Test func paramCycle() {
    #expect(found("param a = b + 1\nparam b = a * 2")
        == [Found(code: "L0222", at: "2:11", message: "`a` is defined in terms of itself")])
}

@Test func memberOfNonRecord() {
    #expect(found("param a = 1\nparam b = a.x") == [Found(code: "L0223", at: "2:13", message: "this value has no fields")])
}

@Test func unknownInput() {
    #expect(found("input turnover in [0, 1]") == [Found(code: "L0224", at: "1:7", message: "`turnover` is not an input")])
}
