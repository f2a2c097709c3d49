import Testing
import LeverCheck
import LeverSyntax

/// Every function example in the catalogue folds to its documented value and checks clean.
@Test(arguments: Builtins.all.filter { $0.kind == .function })
func builtinExampleRuns(_ builtin: Builtin) {
    let result = Checker.check(source: "param x = \(builtin.example)", path: "t.lever", stopAfter: .units)
    #expect(result.diagnostics.isEmpty)
    guard let expr = result.symbols.param("x") else { return }
    #expect(ConstantFolder(symbols: result.symbols).fold(expr) == builtin.exampleValue)
}

/// Every aggregate and shape example checks clean where it belongs.
@Test func aggregateAndShapeExamplesCheck() {
    for builtin in Builtins.all where builtin.kind == .aggregate {
        #expect(found("measure m per account = \(builtin.example)") == [], "\(builtin.name)")
    }
    #expect(found("curve r(utilization) = \(Builtins.kinked.example)") == [])
}

@Test func lookupPicksAggregateForOneArgument() {
    #expect(Builtins.lookup("max", arguments: 1)?.kind == .aggregate)
    #expect(Builtins.lookup("max", arguments: 2)?.kind == .function)
    #expect(Builtins.kinkedValue(base: 0, slope1: 0.04, kink: 0.8, slope2: 0.75, at: 0.9) == 0.04 + 0.375)
}
