import LeverCompile

/// Which of the policy's chains each position of a book is on, and which an account owes on:
/// what decides that a balance secures debt across a bridge (`BridgeRules`).
struct BookChains {
    /// Per interned chain name of the book: its policy chain index, or −1.
    let chainMap: [Int32]
    /// The chain of a position that names none (`bridge { home = … }`), or −1.
    let home: Int
    let store: BookStore

    init(policy: CompiledPolicy, store: BookStore) {
        chainMap = store.chainIndices(in: policy.bridge.chains)
        home = policy.bridge.home ?? -1
        self.store = store
    }

    /// The policy chain index of a row: its own, else the home chain; −1 for none (or an
    /// undeclared one, which leaves the account not evaluated).
    @inline(__always)
    func chain(_ row: Int) -> Int {
        guard !store.chain.isEmpty, store.chain[row] >= 0 else { return home }
        return Int(chainMap[Int(store.chain[row])])
    }

    /// Whether a row names a chain the policy does not declare.
    @inline(__always)
    func isUndeclared(_ row: Int) -> Bool {
        !store.chain.isEmpty && store.chain[row] >= 0 && chainMap[Int(store.chain[row])] < 0
    }

    /// What account `a` holds and owes on each chain, in USD (long spot balances at `prices`,
    /// borrowed ones at `quoted` prices; by policy asset index through `assetOf`).
    struct Ledger {
        var held: [Int: Double] = [:], owed: [Int: Double] = [:], owedTotal = 0.0

        /// The share of a long balance on `chain` that secures debt on another chain: what the
        /// account holds here first secures what it owes here; of the rest, as much as it owes
        /// on other chains crosses a bridge (the remainder secures nothing and stays). A dust
        /// loan on either side moves only the dust.
        func crossShare(_ chain: Int) -> Double {
            let here = owed[chain] ?? 0, elsewhere = owedTotal - here
            guard elsewhere > 0 else { return 0 }
            let value = held[chain] ?? 0
            guard value > 0 else { return 1 }
            return min(max(0, value - here), elsewhere) / value
        }
    }

    func ledger(account a: Int, assetOf: (Int) -> Int, prices: [Double], quoted: [Double]) -> Ledger {
        var ledger = Ledger()
        for row in store.rows(ofAccount: a) where store.kind[row] == .spot {
            let asset = assetOf(row), q = store.quantity[row]
            guard asset >= 0 else { continue }
            if q > 0 {
                let price = prices.indices.contains(asset) ? prices[asset] : 0
                ledger.held[chain(row), default: 0] += q * (price.isFinite ? price : 0)
            } else if q < 0 {
                let price = quoted.indices.contains(asset) ? quoted[asset] : 0
                let owed = -q * (price.isFinite ? price : 0)
                ledger.owed[chain(row), default: 0] += owed
                ledger.owedTotal += owed
            }
        }
        return ledger
    }
}
