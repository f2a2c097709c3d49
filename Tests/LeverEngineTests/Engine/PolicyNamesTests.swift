import Testing
import LeverCheck
import LeverSyntax
@testable import LeverEngine

/// `PolicyNames(policy:)`: the declared assets and venues, and which attributes the compiled
/// policy compares only with string literals (so a value it never names can be warned about).
@Suite struct PolicyNamesTests {
    static let policy = """
    policy "Names" version "1"
    input account.score in [0, 1000]
    class stable { haircut = 2% }
    asset USDC : stable
    asset BTC : stable
    venue Binance { haircut += 3% }
    venue OKX
    table cap by account.jurisdiction, account.score hit first {
      "US", else          -> Onshore { max = 3 }
      "EU" | "UK", >= 800 -> Large   { max = 10 }
      else, else          -> Other   { max = 5 }
    }
    measure cap_value per account = cap.max
    measure macro per account = if account.desk == "macro" then 1 else 0
    measure professional per account = if account.segment != "retail" then 1 else 0
    measure age_years per account = account.age / 365
    measure europe per account = if account.region == "EU" or account.region > 3 then 1 else 0
    measure tag per account = account.tag
    assert every account: account.unused_in_plan >= 0
    """

    static func names() throws -> PolicyNames {
        let checked = Checker.check(source: policy, path: "names.lever")
        #expect(checked.isValid, "\(checked.diagnostics.map(\.message))")
        return PolicyNames(policy: try #require(Compiler.compile(checked).0))
    }

    @Test func declaredAssetsAndVenuesInOrder() throws {
        let names = try Self.names()
        #expect(names.assets == ["USDC", "BTC"])
        #expect(names.venues == ["Binance", "OKX"])
    }

    @Test func attributesComparedOnlyWithLiteralsHaveTheirValues() throws {
        let names = try Self.names()
        // `unused_in_plan` is read by a runtime assertion, compiled with the policy.
        #expect(names.attributes == ["age", "desk", "jurisdiction", "region", "segment", "tag", "unused_in_plan"])
        // A table's `else` and `!=` still leave the list closed; arithmetic, an ordering or a
        // reported value open it.
        #expect(names.attributeValues == ["desk": ["macro"], "jurisdiction": ["EU", "UK", "US"], "segment": ["retail"]])
    }

    @Test func theUnionKeepsAnAttributeClosedOnlyWhereNeitherReadsItOpenly() {
        let a = PolicyNames(assets: ["BTC"], venues: ["OKX"], attributes: ["j", "r"], attributeValues: ["j": ["US"], "r": ["EU"]])
        let b = PolicyNames(assets: ["ETH", "BTC"], venues: ["Binance"], attributes: ["j", "r", "k"],
                            attributeValues: ["j": ["EU"], "k": ["x"]])
        let u = a.union(b)
        #expect(u.assets == ["BTC", "ETH"] && u.venues == ["OKX", "Binance"])
        #expect(u.attributes == ["j", "k", "r"])
        #expect(u.attributeValues == ["j": ["EU", "US"], "k": ["x"]])
    }
}
