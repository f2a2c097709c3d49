import Testing
@testable import LeverEngine
import LeverSyntax

/// schema/*.schema.json must name exactly the fields the loaders accept.
@Suite struct InputSchemaTests {
    static func schema(_ name: String) throws -> LeverEngine.JSONValue {
        let root = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false).dropLast(4).joined(separator: "/")
        return try LeverEngine.JSONValue.parse(try InputFile.read(root + "/schema/" + name)).get()
    }

    static func properties(_ v: LeverEngine.JSONValue?) -> Set<String> {
        guard case .object(let members)? = v?["properties"] else { return [] }
        return Set(members.map(\.key))
    }

    @Test func bookSchemaMatchesTheLoader() throws {
        let s = try Self.schema("book.schema.json")
        let defs = s["$defs"]
        #expect(Self.properties(s) == Set(BookDecoding.RootField.names))
        #expect(Self.properties(defs?["account"]) == Set(BookDecoding.AccountField.names))
        let kinds = ["spot", "perp", "option"].map { Self.properties(defs?[$0]) }
        #expect(kinds.reduce(Set()) { $0.union($1) } == Set(BookDecoding.PositionField.names))
    }

    @Test func marketSchemaMatchesTheLoader() throws {
        let s = try Self.schema("market.schema.json")
        #expect(Self.properties(s) == Set(MarketDecoding.RootField.names))
        #expect(Self.properties(s["$defs"]?["asset"]) == Set(MarketDecoding.AssetField.names))
    }
}
