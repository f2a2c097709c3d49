/// A colon command typed at the REPL, parsed before anything runs.
///
/// Parsing into an enum keeps the syntax of commands in one place (`ReplCommandParser`) and
/// lets tests check it without a session.
public enum ReplCommand: Sendable, Equatable {
    /// `:load FILE`: replace the policy.
    case load(String)
    /// `:reload`: re-read the policy file when it changed.
    case reload
    /// `:market FILE`: load a market snapshot.
    case market(String)
    /// `:book FILE`: load a book of accounts.
    case book(String)
    /// `:type EXPR`: the type and unit of an expression.
    case type(String)
    /// `:explain ACCOUNT`, `:explain ACCOUNT.MEASURE` or `:explain EXPR`: a derivation. Which of
    /// the three is meant depends on the book, so the session decides.
    case explain(String)
    /// `:account ID` focuses expressions and `:explain EXPR` on one account; `:account` alone
    /// goes back to the whole book.
    case account(String?)
    /// `:eval [ACCOUNT]`: the report for the book or one account.
    case eval(account: String?)
    /// `:remedy ACCOUNT`: what would make the account healthy (`RemedyFinder`).
    case remedy(String)
    /// `:set ASSET.FIELD = NUMBER`: override one market input (price, vol, utilization).
    case set(asset: String, field: MarketField, value: Double)
    /// `:shock SCENARIO`: apply a policy scenario's relative shocks to the market.
    case shock(String)
    /// `:reset`: undo every `:set` and `:shock`.
    case reset
    /// `:plot CURVE` or `:plot EXPR`: draw a curve of utilization.
    case plot(String)
    /// `:help`: one line per command.
    case help
    /// `:quit`: leave.
    case quit
}

/// The market inputs `:set` may change.
public enum MarketField: String, Sendable, Equatable, CaseIterable {
    /// `ASSET.price` in USD.
    case price
    /// `ASSET.vol`, annualised.
    case vol
    /// `ASSET.utilization`, a ratio.
    case utilization
}
