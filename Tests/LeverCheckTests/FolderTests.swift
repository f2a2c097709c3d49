import Testing
import LeverCheck
import LeverSyntax

private func fold(_ params: String, _ name: String = "x") -> Quantity? {
    let result = Checker.check(source: params, path: "t.lever", stopAfter: .resolve)
    guard let expr = result.symbols.param(name) else { return nil }
    return ConstantFolder(symbols: result.symbols).quantity(expr)
}

@Test func foldsUnitsToBaseUnits() {
    #expect(fold("param x = 2 days")?.value == 2.0 / 365)
    #expect(fold("param x = 5M USD") == Quantity(5e6, .money))
    #expect(fold("param x = 25 bps")?.value == 0.0025)
    #expect(fold("param x = 12 hours")?.dimension == .time)
}

@Test func foldsParamsArithmeticAndBuiltins() {
    #expect(fold("param a = 2\nparam x = clamp(a * 30%, 10%, 40%)")?.value == 0.4)
    #expect(fold("param x = max(1, 2, 3) - abs(-1)")?.value == 2)
    #expect(fold("param x = if 1 < 2 then 3 else 4")?.value == 3)
    #expect(fold("param x = 1% per 1M USD of 7M USD above 5M USD")?.value == 0.02)
    #expect(fold("param x = 2 ^ 10")?.value == 1024)
}

@Test func notConstantFoldsToNil() {
    #expect(fold("param x = vol * 2") == nil)
    #expect(fold("param x = x + 1") == nil)
    #expect(fold("param x = 1 / 0") == nil)
    #expect(fold("param x = ln(0)") == nil)
}

@Test func dimensionAlgebra() {
    #expect(Dimension.volatility * Dimension(halfTime: 1) == .none)
    #expect(Dimension.money.squareRoot == nil)
    #expect(Dimension.time.squareRoot == Dimension(halfTime: 1))
    #expect(Dimension.money.power(2).description == "USD^2")
    #expect(Dimension.volatility.description == "years^-1/2")
}
