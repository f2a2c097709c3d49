import LeverCompile

/// Why an account could not be evaluated, or what its numbers rest on.
public struct AccountNote: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable { case error, warning }
    public var severity: Severity
    public var message: String
}

/// Lays a loaded book out as the compiled program reads it: positions in policy asset order,
/// option prices and Greeks computed against the snapshot, attributes as numbers.
///
/// An account holding an asset the policy does not declare, or one whose price the oracle rule
/// rejects, is kept with no positions and an error note: it is reported as not evaluated, never
/// dropped.
struct BookAdapter {
    var columns: ProgramBook<Double>
    /// Per account, in book order.
    var notes: [[AccountNote]]
    var evaluable: [Bool]

    init(book: Book, policy: CompiledPolicy, market: MarketSnapshot, prepared: PreparedMarket) {
        let assetIndex = Dictionary(policy.assets.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let venueIndex = Dictionary(policy.venues.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var builder = Builder(attributes: Self.attributes(in: policy.plan), strings: policy.strings)
        var notes: [[AccountNote]] = [], evaluable: [Bool] = []
        for account in book.accounts {
            var accountNotes = Self.notes(for: account, assetIndex: assetIndex, prepared: prepared)
            let ok = !accountNotes.contains { $0.severity == .error }
            if ok {
                for p in account.positions {
                    builder.append(p, asset: assetIndex[p.asset] ?? 0, venue: p.venue.flatMap { venueIndex[$0] } ?? -1,
                                   market: market)
                }
            } else {
                accountNotes.sort { $0.message < $1.message }
            }
            builder.close(account)
            notes.append(accountNotes)
            evaluable.append(ok)
        }
        columns = builder.build()
        self.notes = notes
        self.evaluable = evaluable
    }

    static func notes(for account: Account, assetIndex: [String: Int], prepared: PreparedMarket) -> [AccountNote] {
        var notes: [AccountNote] = []
        var seen: Set<String> = []
        for p in account.positions where seen.insert(p.asset).inserted {
            guard let a = assetIndex[p.asset] else {
                notes.append(AccountNote(severity: .error, message: "asset \(p.asset) is not declared in the policy"))
                continue
            }
            if let issue = prepared.issues[a] {
                notes.append(AccountNote(severity: issue.outcome == .reject ? .error : .warning, message: issue.message))
            }
        }
        return notes
    }

    /// Attribute names the plan reads (`account.region`).
    static func attributes(in plan: Plan) -> [String] {
        plan.nodes.compactMap { node in
            if case .accountInput(.attribute(let name)) = node.op { return name }
            return nil
        }
    }

    /// Accumulates the columns account by account.
    struct Builder {
        let attributes: [String]
        let strings: [String]
        var starts: [Int32] = [0]
        var asset: [Int32] = [], venue: [Int32] = []
        /// One column per position input, indexed like `PositionInput.allCases` (no hashing per value).
        var inputs: [[Double]] = PositionInput.allCases.map { _ in [] }
        var side: [Double] = []
        var score: [Double] = []
        var attributeValues: [String: [Double]] = [:]

        init(attributes: [String], strings: [String]) {
            self.attributes = attributes
            self.strings = strings
        }

        mutating func append(_ p: Position, asset a: Int, venue v: Int, market: MarketSnapshot) {
            asset.append(Int32(a))
            venue.append(Int32(v))
            let q = p.quantity
            side.append(q > 0 ? 1 : (q < 0 ? -1 : 0))
            let row = PositionRow(p, market: market)
            for (i, value) in row.values.enumerated() { inputs[i].append(value) }
        }

        mutating func close(_ account: Account) {
            starts.append(Int32(asset.count))
            score.append(account.score)
            for name in attributes {
                attributeValues[name, default: []].append(Self.number(account.attributes[name], strings: strings))
            }
        }

        /// Numbers as they are; strings as their interned code (a string the policy never
        /// mentions gets a code no policy string has).
        static func number(_ value: AttributeValue?, strings: [String]) -> Double {
            switch value {
            case .number(let x): return x
            case .string(let s): return Double(strings.firstIndex(of: s) ?? strings.count)
            case nil: return .nan
            }
        }

        func build() -> ProgramBook<Double> {
            var accountInputs: [AccountInput: [Double]] = [.score: score]
            for (name, values) in attributeValues { accountInputs[.attribute(name)] = values }
            let columns = Dictionary(uniqueKeysWithValues: zip(PositionInput.allCases, inputs))
            return ProgramBook(accountStart: starts, positionAsset: asset, positionVenue: venue,
                               positionInputs: columns, side: side, accountInputs: accountInputs)
        }
    }
}
