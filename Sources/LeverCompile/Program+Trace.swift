import LeverNumerics

extension Program {
    /// Every node's values for one account, from the same compiled steps `evaluate` runs, so an
    /// explanation shows exactly the numbers the report holds. Per node: one value (scalar and
    /// account nodes), one per policy asset (asset nodes) or one per position of the account.
    public func trace(_ book: ProgramBook<N>, snapshot: Snapshot<N>, account: Int) -> [[N]] {
        guard account >= 0, account < book.accountCount else { return [] }
        let outputs = max(plan.outputs.count, 1)
        let buffers = UnsafeMutablePointer<N>.allocate(capacity: outputs)
        buffers.initialize(repeating: N.zero, count: outputs)
        let table = UnsafeMutablePointer<UnsafeMutablePointer<N>>.allocate(capacity: outputs)
        for j in 0..<outputs { table[j] = buffers + j - account }
        defer {
            buffers.deallocate()
            table.deallocate()
        }
        let frame = Frame(program: self, snapshot: snapshot, book: book, specialized: false)
        frame.run(accounts: account..<(account + 1), results: table)
        let positions = Int(book.accountStart[account + 1] - book.accountStart[account])
        return plan.nodes.indices.map { i in
            let column = frame.columns[i]
            switch plan.nodes[i].domain {
            case .scalar, .account: return [column[0]]
            case .asset: return (0..<snapshot.assetCount).map { column[$0] }
            case .position: return (0..<positions).map { column[$0] }
            }
        }
    }
}
