import Testing
import LeverCheck
import LeverCompile
import LeverSyntax
@testable import LeverEngine

/// Checks, compiles and evaluates a policy, a market and a book given as text: the engine
/// tests' one way to run a small hand-worked case end to end.
enum InlineEvaluation {
    static func report(policy: String, market: String, book: String, path: String = "inline.lever",
                       horizon: Double = 1.0 / 365) throws -> Report {
        let m = try #require(MarketLoader.load(SourceFile(id: 1, path: "market.json", text: market)).value)
        return try report(policy: policy, market: m, book: book, path: path, horizon: horizon)
    }

    /// The same, over a market snapshot already loaded (or made by hand, or shocked).
    static func report(policy: String, market m: MarketSnapshot, book: String, path: String = "inline.lever",
                       horizon: Double = 1.0 / 365) throws -> Report {
        let checked = Checker.check(source: policy, path: path)
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics.map(\.message))")
        let compiled = try #require(Compiler.compile(checked, options: CompileOptions(horizon: horizon)).0)
        let b = try #require(BookLoader.load(SourceFile(id: 2, path: "book.json", text: book), market: m).value)
        let engine = MarginEngine(policy: compiled, identity: PolicyIdentity(name: "t", version: "1", hash: ""), horizon: horizon)
        return engine.evaluate(book: b, market: m)
    }
}
