import Lever
import LeverTestSupport

/// The hand-worked lending policy and market (`HandWorkedLending`) with a book of three
/// accounts, shared by the report tests.
enum LendingFixture {
    static let policy = HandWorkedLending.policy
    static let market = HandWorkedLending.market

    static let book = """
    {"accounts": [
      {"id": "nodebt", "score": 700, "positions": [{"asset": "ETH", "qty": 1}]},
      {"id": "call", "score": 550, "positions": [{"asset": "ETH", "qty": 1}, {"asset": "USDC", "qty": -1200}]},
      {"id": "deep", "score": 700, "positions": [{"asset": "ETH", "qty": 1}, {"asset": "USDC", "qty": -2000}]}
    ]}
    """

    /// The compiled policy; nil only if the fixture itself is broken.
    static func engine(horizon: Double = Horizon.defaultYears) -> MarginEngine? {
        Lever.loadPolicy(source: policy, path: "lending.lever", horizon: horizon).engine
    }

    /// The book and market, loaded from the texts above.
    static func inputs(book text: String = book) -> (Book, MarketSnapshot)? {
        guard let m = MarketLoader.load(SourceFile(id: 1, path: "market.json", text: market)).value,
              let b = BookLoader.load(SourceFile(id: 2, path: "book.json", text: text), market: m,
                                      options: LoadOptions(keepGoing: true)).value
        else { return nil }
        return (b, m)
    }

    /// The whole report.
    static func report(book text: String = book) -> Report? {
        guard let engine = engine(), let (b, m) = inputs(book: text) else { return nil }
        return Lever.evaluate(engine, book: b, market: m)
    }
}
