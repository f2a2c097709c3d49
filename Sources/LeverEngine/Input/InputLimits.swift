import LeverSyntax

/// How large a book or a market snapshot may be. Each limit, when exceeded, is a located error,
/// and reading stops there, so that no data file makes Lever exhaust memory.
///
/// The defaults fit a machine of a few GiB: a book of a million accounts of ten positions is
/// 456 MB, and `lever eval` takes about twice its size at the peak (the bytes, the book's columns
/// and one chunk of the report), so a book of the 1 GiB default needs about 2 GiB. A service with
/// more memory raises the limits it needs.
public struct InputLimits: Sendable, Hashable {
    /// Bytes in a book file (L0719).
    public var maxBookBytes: Int
    /// Bytes in a market snapshot file (L0719).
    public var maxMarketBytes: Int
    /// Accounts in one book (L0720); the book fails to load past it, even with `keepGoing`.
    public var maxAccounts: Int
    /// Positions in one account (L0721); past it the account is in error (with `keepGoing`, only
    /// that account is left out). Evaluation sizes its scratch columns by the largest account.
    public var maxPositionsPerAccount: Int
    /// Bytes in one string or key of a book or a market, escapes included (L0722).
    public var maxStringLength: Int

    /// The defaults: books of 1 GiB and 5,000,000 accounts of at most 10,000 positions, market
    /// snapshots of 64 MiB, strings of 4,096 bytes.
    public init(maxBookBytes: Int = 1 << 30, maxMarketBytes: Int = 64 << 20, maxAccounts: Int = 5_000_000,
                maxPositionsPerAccount: Int = 10_000, maxStringLength: Int = 4096) {
        self.maxBookBytes = maxBookBytes
        self.maxMarketBytes = maxMarketBytes
        self.maxAccounts = maxAccounts
        self.maxPositionsPerAccount = maxPositionsPerAccount
        self.maxStringLength = maxStringLength
    }

    /// The defaults.
    public static let standard = InputLimits()
}
