import LeverSyntax

/// Loads a book of accounts from JSON, validating everything (see docs/input-format.md).
///
/// The file format, in short: `{"accounts": [{"id", "score", "attributes"?, "positions": [...]}]}`
/// with spot (`asset`, `quantity` or `qty`, `venue`?), perpetual (`kind: "perp"`, `asset`, `size`,
/// `entry_price`, `venue`) and option (`kind: "option"`, `underlying`, `right`, `strike`,
/// `expiry`, `size`, `venue`) positions. The margin workload's `accounts_N.json` is a valid book.
public enum BookLoader {
    /// Loads the book in `file`.
    ///
    /// Given the `policy`'s names, every position's asset and venue must be ones it declares
    /// (L0716, L0715), and attribute values it would never match are warned about (L0717, L0718);
    /// an asset the market snapshot lacks is then not the book's problem but the market's, which
    /// the policy's oracle rule handles at evaluation. Without a policy, a `market` is the only
    /// list of names there is: positions on assets it does not list are reported (L0708) and
    /// their accounts flagged `unknownAsset`.
    public static func load(_ file: SourceFile, policy: PolicyNames? = nil, market: MarketSnapshot? = nil,
                            options: LoadOptions = LoadOptions()) -> Loaded<Book> {
        file.bytes.withUnsafeBufferPointer { buffer in
            var d = DocumentDecoder(buffer, fileID: file.id, maxDepth: options.maxDepth,
                                    maxStringLength: options.limits.maxStringLength)
            var state = BookState(names: policy.map(BookNameCheck.init), market: policy == nil ? market : nil,
                                  limits: options.limits)
            let lines = BookLoader.isJSONLines(file.path)
            let segments = BookSegments(buffer, lines: lines, threads: options.threads, template: state, fileID: file.id,
                                        options: options)
            state.reserve(forBytes: buffer.count, idsIn: segments.parts.first?.start ?? buffer.count)
            // Reading in order asks at every account whether a part starts there: only when there are any.
            state.segments = segments.parts.isEmpty ? nil : segments
            let ok = lines ? BookDecoding.decodeLines(&d, &state) : BookDecoding.decodeRoot(&d, &state)
            segments.finish()
            d.finish()
            let failed = !ok || state.tooManyAccounts || d.reader.failed || (!options.keepGoing && d.errorCount > 0)
            let book = Book(store: state.store, rejected: state.rejected)
            return Loaded(value: failed ? nil : book, diagnostics: d.diagnostics)
        }
    }

    /// Whether a book file is JSON Lines (one account object per line) by its name: `.jsonl` or
    /// `.ndjson`; anything else is the `{"accounts": [...]}` document.
    public static func isJSONLines(_ path: String) -> Bool {
        path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson")
    }

    /// Reads and loads the book at `path`, adding the file to `sources`; throws only on I/O errors
    /// (a file larger than `options.limits.maxBookBytes` among them: reading stops there).
    public static func load(path: String, into sources: inout SourceMap, policy: PolicyNames? = nil,
                            market: MarketSnapshot? = nil, options: LoadOptions = LoadOptions()) throws -> Loaded<Book> {
        let bytes = try InputFile.read(path, limit: options.limits.maxBookBytes, kind: .book, threads: options.threads)
        let file = sources.add(path: path, bytes: bytes)
        return load(file, policy: policy, market: market, options: options)
    }
}

/// What one book load has built so far.
struct BookState {
    /// The policy's names, when the book is checked against them.
    var names: BookNameCheck?
    /// The market whose asset list positions are checked against, when there is no policy.
    let market: MarketSnapshot?
    /// The accounts loaded so far, as columns.
    var store = BookStore()
    /// The book's later parts, decoded on other threads (`BookSegments`); nil in a part itself.
    var segments: BookSegments?
    /// Per interned asset and venue name: whether a plain spot balance may name it (see
    /// `acceptsAsset`), nil until first asked.
    var assetVerdicts: [Bool?] = [], venueVerdicts: [Bool?] = []
    var rejected: [RejectedAccount] = []
    var accountIDs = AccountIDs()
    /// The rows of a plain `positions` array being read (`decodePlainPositions`), kept between
    /// accounts so that reading one allocates nothing.
    var plainRows: [(symbol: Int32, quantity: Double, venue: Int32?)] = []
    /// Unknown-asset errors so far: they flag an account instead of rejecting it.
    var unknownAssetErrors = 0
    let limits: InputLimits
    /// Set once the book has more accounts than `limits` allows: the load fails.
    var tooManyAccounts = false

    /// Room for the book a file of `bytes` likely holds (a plain position takes about 40 bytes,
    /// an account at least 40 more), so the columns do not grow by copying as it loads; and for
    /// the ids of its first `idBytes` (all of it by default): when the later parts of the book
    /// come with their own id tables (`BookSegments`), an id table the size of the whole book,
    /// filled with the first part's ids only, would touch as many fresh pages as it has buckets.
    mutating func reserve(forBytes bytes: Int, idsIn idBytes: Int? = nil) {
        let positions = min(bytes / 40, 1 << 28), accounts = min(bytes / 400, limits.maxAccounts)
        store.reserve(accounts: accounts, positions: positions)
        accountIDs.reserve(min((idBytes ?? bytes) / 400, accounts))
    }

    init(names: BookNameCheck?, market: MarketSnapshot?, limits: InputLimits = .standard) {
        self.names = names
        self.market = market
        self.limits = limits
    }
}

extension BookState {
    /// Takes the part of the book decoded on another thread that starts at the reader's
    /// position, when there is one that can be taken as it is: appends its accounts and returns
    /// how many, the reader then after them. Zero leaves everything as it was.
    mutating func takePart(_ d: inout DocumentDecoder, index: Int) -> Int {
        guard let segments else { return 0 }
        d.reader.skipWhitespace()
        guard let part = segments.part(at: d.reader.position), let other = part.state,
              index + part.count <= limits.maxAccounts,
              accountIDs.adopt(ifDisjoint: other.accountIDs) else { return 0 }
        store.append(contentsOf: other.store)
        part.state = nil  // its columns are copied: let them go before the next part comes
        d.reader.position = part.end
        return part.count
    }
}

extension BookDecoding {
    /// A JSON Lines book: one account object per line (blank lines allowed), read as the
    /// elements of `accounts`, so errors have the same paths (`accounts[3].positions[0]`) and
    /// limits as in the document form; false when a line is not JSON.
    static func decodeLines(_ d: inout DocumentDecoder, _ s: inout BookState) -> Bool {
        d.path.append(.name("accounts"))
        defer { d.path.removeLast() }
        var i = 0
        while !d.reader.failed, !d.reader.isAtEnd() {
            i += decodeElement(&d, &s, index: i)
        }
        return !d.reader.failed
    }
}

/// The book format's decoding functions, one per object kind. They take the decoder and the
/// state as separate `inout` parameters so that member closures can use both.
enum BookDecoding {
    enum RootField: String, FieldName {
        static let table = FieldTable<Self>()
        case accounts
    }

    /// The top level; false when the document is unusable (not an object, or no `accounts`).
    static func decodeRoot(_ d: inout DocumentDecoder, _ s: inout BookState) -> Bool {
        var accounts = FieldSlot<Bool>()
        let root = d.decodeObject(RootField.self) { d, field in
            switch field {
            case .accounts:
                d.fill(&accounts) { d in decodeAccounts(&d, &s) }
            }
        }
        guard let root else { return false }
        if !accounts.isPresent {
            d.report(.missingField("", "accounts", help: "a book is `{\"accounts\": [...]}`", at: root))
        }
        return accounts.value == true
    }

    /// Element `index` of `accounts` (a line of a JSON Lines book): the part of the book decoded
    /// on another thread that starts there, or one account; returns how many accounts it was.
    /// Past the account limit the rest is only checked for syntax, never decoded.
    static func decodeElement(_ d: inout DocumentDecoder, _ s: inout BookState, index i: Int) -> Int {
        let taken = s.takePart(&d, index: i)
        if taken > 0 { return taken }
        d.path.append(.index(i))
        if i < s.limits.maxAccounts {
            decodeAccount(&d, &s, index: i)
        } else {
            if !s.tooManyAccounts { d.report(.tooManyAccounts(limit: s.limits.maxAccounts, at: d.nextValueSpan)) }
            s.tooManyAccounts = true
            d.reader.skipValue()
        }
        d.path.removeLast()
        return 1
    }

    /// The `accounts` array: each element an account, with the parts of the book decoded on
    /// other threads taken where they begin (`BookState.takePart`); indexes count every account.
    static func decodeAccounts(_ d: inout DocumentDecoder, _ s: inout BookState) -> Bool {
        guard let kind = d.reader.peek() else { return false }
        guard kind == .array else {
            d.mismatch("an array", kind)
            return false
        }
        guard d.reader.beginArray() else { return false }
        var members = JSONReader.Members()
        var i = 0
        while d.reader.nextElement(&members) {
            i += decodeElement(&d, &s, index: i)
        }
        return !d.reader.failed
    }
}
