import Testing
import LeverCheck
import LeverSyntax

private func table(_ source: String) -> SymbolTable {
    Checker.check(source: source, path: "t.lever", stopAfter: .resolve).symbols
}

@Test func propertyChainRunsRootToAsset() {
    let symbols = table("""
    class base { haircut = 10% }
    class major : base { haircut += 5% }
    asset BTC : major { haircut *= 110% }
    venue Binance { haircut += 3% }
    """)
    #expect(symbols.propertyChain(asset: "BTC", property: "haircut").map(\.op) == [.set, .add, .multiply])
    #expect(symbols.classChain("major").map(\.name.text) == ["base", "major"])
    #expect(symbols.venueContributions(property: "haircut").map(\.venue) == ["Binance"])
    #expect(symbols.propertyChain(asset: "ETH", property: "haircut").isEmpty)
}

@Test func classChainStopsAtCycle() {
    let symbols = table("class a : b\nclass b : a\nasset X : a")
    #expect(symbols.classChain("a").count == 2)
    #expect(symbols.cyclicClasses == ["a", "b"])
}

@Test func lookupByKindAndNamespace() {
    let symbols = table("param z = 2\nclass z { haircut = 1% }\ncurve r(utilization) = points { 0% -> 1%, 100% -> 2% }")
    #expect(symbols.lookup(.param, "z") != nil)
    #expect(symbols.lookup(.class, "z") != nil)
    #expect(symbols.lookup(namespace: "value", "r")?.kind == .curve)
    #expect(symbols.curves.map(\.name.text) == ["r"])
}

@Test func settingsAndAssertionsAreKept() {
    let symbols = table("margin { bonus = 5% }\nassert 1 < 2\nassert 2 < 3")
    #expect(symbols.settingsBody(.margin)?.map(\.name.text) == ["bonus"])
    #expect(symbols.assertions.count == 2)
}

@Test func duplicateMarginBlock() {
    #expect(found("margin { bonus = 5% }\nmargin { bonus = 6% }").map(\.code) == ["L0201"])
}
