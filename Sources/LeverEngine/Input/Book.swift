import LeverSyntax

/// A book of accounts: what the margin engine evaluates.
///
/// `accounts` holds every account that loaded; with `keepGoing`, accounts that had errors are
/// left out and listed in `rejected`, so a report can name them instead of dropping them silently.
///
/// The accounts are stored as columns (`BookStore`): `accounts` builds each `Account` when it is
/// read, and the engine reads the columns directly, so a large book costs a few flat arrays.
public struct Book: Sendable, Hashable {
    var store: BookStore
    /// Accounts not loaded because of errors (only with `LoadOptions.keepGoing`).
    public var rejected: [RejectedAccount]

    /// A book of `accounts`, with the ones rejected while loading.
    public init(accounts: some Sequence<Account>, rejected: [RejectedAccount] = []) {
        self.init(store: BookStore(accounts), rejected: rejected)
    }

    init(store: BookStore, rejected: [RejectedAccount]) {
        self.store = store
        self.rejected = rejected
    }

    /// Accounts that loaded, in file order (each built from the columns when read).
    public var accounts: Accounts { Accounts(store: store) }

    /// How many accounts loaded.
    public var count: Int { store.accountCount }

    /// The loaded accounts' ids, in file order, without building the accounts.
    public var ids: [String] { store.ids }

    /// The first account with this id, built alone (the others are not).
    public func account(id: String) -> Account? { store.ids.firstIndex(of: id).map(store.account) }

    /// The accounts that loaded, as a random-access collection of `Account` values.
    public struct Accounts: RandomAccessCollection, Sendable, Equatable {
        let store: BookStore
        public var startIndex: Int { 0 }
        public var endIndex: Int { store.accountCount }
        public subscript(position: Int) -> Account { store.account(position) }
        /// The same accounts, account by account.
        public static func == (a: Accounts, b: Accounts) -> Bool { a.elementsEqual(b) }
    }

    public static func == (a: Book, b: Book) -> Bool {
        a.count == b.count && a.rejected == b.rejected && a.accounts.elementsEqual(b.accounts)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for account in accounts { hasher.combine(account) }
        hasher.combine(rejected)
    }
}

/// One account: who it is, its reputation score, free-form attributes, and its positions.
public struct Account: Sendable, Hashable {
    /// Unique within the book.
    public var id: String
    /// Reputation score (policies usually declare `input account.score in [0, 1000]`); NaN when
    /// the book gives none.
    public var score: Double
    /// Custom attributes read by policies as `account.<name>`.
    public var attributes: [String: AttributeValue]
    /// Where a score came from and when it was observed, when the book says: by `score`, or by
    /// an attribute's name (`{"value": 905, "time": …, "source": …}` in the book).
    public var provenance: [String: ValueProvenance]
    /// Holdings, in file order.
    public var positions: [Position]
    /// Problems found when checking the account against the market (see `AccountFlags`).
    public var flags: AccountFlags
    /// Warnings found while loading it (a field ignored, an attribute value the policy never
    /// compares with); its report lists them as notes, so they are not only on standard error.
    public var warnings: [Diagnostic]

    /// An account; `flags` and `warnings` are normally set by the loader.
    public init(id: String, score: Double, attributes: [String: AttributeValue] = [:], positions: [Position],
                flags: AccountFlags = [], warnings: [Diagnostic] = [], provenance: [String: ValueProvenance] = [:]) {
        self.id = id
        self.score = score
        self.attributes = attributes
        self.provenance = provenance
        self.positions = positions
        self.flags = flags
        self.warnings = warnings
    }
}

extension Account {
    /// Equal field by field, a missing score (NaN) equal to another missing score: an account
    /// read twice is the same account.
    public static func == (a: Account, b: Account) -> Bool {
        (a.score == b.score || (a.score.isNaN && b.score.isNaN)) && a.id == b.id && a.attributes == b.attributes
            && a.provenance == b.provenance && a.positions == b.positions && a.flags == b.flags && a.warnings == b.warnings
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(score.isNaN ? 0 : score)  // every NaN alike; Double hashes 0 and -0 alike
        hasher.combine(attributes)
        hasher.combine(provenance)
        hasher.combine(positions)
        hasher.combine(flags)
        hasher.combine(warnings)
    }
}

/// Problems that do not stop an account from loading but must show in its report.
public struct AccountFlags: OptionSet, Sendable, Hashable {
    /// The flag bits.
    public let rawValue: UInt8
    /// Flags from their bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A position names an asset the market snapshot does not have (its column asset index is -1);
    /// set only when the book is checked against a market and no policy.
    public static let unknownAsset = AccountFlags(rawValue: 1 << 0)
}

/// An account left out of the book because of errors, with where it was in the file.
public struct RejectedAccount: Sendable, Hashable {
    /// Its index in the file's `accounts` array.
    public var index: Int
    /// Its id, when that much could be read.
    public var id: String?
    /// The errors (and warnings) found in it.
    public var diagnostics: [Diagnostic]

    /// A rejected account record.
    public init(index: Int, id: String?, diagnostics: [Diagnostic]) {
        self.index = index
        self.id = id
        self.diagnostics = diagnostics
    }
}

/// Where an account's score (or an attribute) came from, and when it was observed: what the
/// policy's `reputation { max_score_age = … }` holds it to.
public struct ValueProvenance: Sendable, Hashable {
    /// When the value was observed (the score's as-of time); nil when the book does not say.
    public var time: Timestamp?
    /// Who gave it (`chainscore`, `credit-desk`); nil when the book does not say.
    public var source: String?

    public init(time: Timestamp?, source: String?) {
        self.time = time
        self.source = source
    }
}

/// The value of a custom account attribute: a number or a string.
public enum AttributeValue: Sendable, Hashable {
    case number(Double)
    case string(String)
}
