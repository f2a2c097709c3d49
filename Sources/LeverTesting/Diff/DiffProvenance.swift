import Lever

/// What a diff was measured with besides the two policies' rules (which `PolicyDiffReport`
/// names by identity): the engine, the two policy files, and the book and market with their
/// digests and the market's as-of time.
///
/// The caller fills it in (`lever diff` does, from what it read), so that the library never reads
/// a global or the build's revision. Paths are kept as the user gave them.
public struct DiffProvenance: Sendable, Hashable {
    /// The engine version (`EngineVersion.describe(revision:)`).
    public var engine: String
    /// The current (approved) policy's file.
    public var oldFile: String
    /// The proposed policy's file.
    public var newFile: String
    /// The book both versions were evaluated over.
    public var book: FileDigest
    /// The market snapshot they were evaluated at.
    public var market: FileDigest
    /// The market's as-of time, when it states one.
    public var asOf: Timestamp?

    /// A provenance record.
    public init(engine: String, oldFile: String, newFile: String, book: FileDigest, market: FileDigest,
                asOf: Timestamp?) {
        self.engine = engine
        self.oldFile = oldFile
        self.newFile = newFile
        self.book = book
        self.market = market
        self.asOf = asOf
    }

    /// `{"file", "sha256", "as_of"}`: the market as every diff artifact names it.
    var marketJSON: JSONOutput { Self.json(market: market, asOf: asOf) }

    /// `{"file", "sha256", "as_of"}` of `market`.
    static func json(market: FileDigest, asOf: Timestamp?) -> JSONOutput {
        guard case .object(var members) = market.json else { return market.json }
        members["as_of"] = asOf.map { .string($0.description) } ?? .null
        return .object(members)
    }
}
