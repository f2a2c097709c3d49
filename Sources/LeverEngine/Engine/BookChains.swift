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

    /// The chains (policy indices, −1 for none) account `a` owes on: those of its borrowed balances.
    func owed(account a: Int) -> Set<Int> {
        Set(store.rows(ofAccount: a).filter { store.kind[$0] == .spot && store.quantity[$0] < 0 }.map(chain))
    }

    /// Whether a row is collateral securing debt on another chain, given the chains its account owes on.
    @inline(__always)
    func isCrossChain(_ row: Int, owed: Set<Int>) -> Bool {
        store.kind[row] == .spot && store.quantity[row] > 0 && !owed.isEmpty && !owed.contains(chain(row))
    }
}
