/// What a report was computed with besides its policy's rules (`Report.policy`): the engine
/// that ran, the policy file, and the book and market files with their digests.
///
/// The caller fills it in (`lever eval` does, from what it read): the library never reads a
/// clock, a global or the build's revision, so a report is a function of its inputs. A report
/// without provenance renders as it always has.
public struct Provenance: Sendable, Hashable {
    /// The engine version (`EngineVersion.describe(revision:)`, e.g. `0.10.0 (3f2c1ab)`).
    public var engine: String
    /// The policy file as the user named it.
    public var policyFile: String?
    /// The book read, with its digest.
    public var book: FileDigest?
    /// The market snapshot read, with its digest.
    public var market: FileDigest?
    /// The what-ifs that moved the market before evaluation, in order (`lever eval --set
    /// BTC.price=50k USD --scenario crash`): the report is the book in that market, not in the
    /// snapshot as read.
    public var whatIf: String?

    /// A provenance record.
    public init(engine: String, policyFile: String? = nil, book: FileDigest? = nil, market: FileDigest? = nil) {
        self.engine = engine
        self.policyFile = policyFile
        self.book = book
        self.market = market
    }
}
