import LeverNumerics

/// The scalar and per-asset values of one market snapshot, computed once and then shared
/// read-only by every batch on every thread.
public final class Snapshot<N: MarginNumber>: @unchecked Sendable {
    let assetCount: Int
    /// Per plan node: its column when the node is scalar or per-asset (unused entries point at `dummy`).
    let columns: UnsafeMutablePointer<UnsafeMutablePointer<N>>
    private var owned: [UnsafeMutablePointer<N>] = []
    private let dummy: UnsafeMutablePointer<N>
    /// The spot program's own (`Program.spot`).
    let spot: Snapshot<N>?

    init(program: Program<N>, market: ProgramMarket<N>) {
        let plan = program.plan
        spot = program.spot.map { Snapshot(program: $0, market: market) }
        assetCount = market.assetCount
        dummy = .allocate(capacity: 1)
        dummy.initialize(to: N.zero)
        columns = .allocate(capacity: max(plan.nodes.count, 1))
        columns.initialize(repeating: dummy, count: max(plan.nodes.count, 1))
        for (i, node) in plan.nodes.enumerated() where node.domain <= .asset {
            columns[i] = column(for: node, market: market)
        }
        // Snapshot steps never read position layout or results: the counts of those domains are 0.
        var noKey: Int32 = 0
        var noResult = dummy
        withUnsafeMutablePointer(to: &noKey) { key in
            withUnsafeMutablePointer(to: &noResult) { result in
                var exec = Exec<N>(columns: columns, counts: (1, assetCount, 0, 0), positionAsset: key,
                                   positionVenue: key, accountStart: key, results: result)
                program.snapshotChain(&exec)
            }
        }
    }

    /// A per-asset output's values (one per policy asset), or nil when the plan has no such output.
    public func assetOutput(_ name: String, in plan: Plan) -> [N]? {
        guard let ref = plan.assetOutputs.first(where: { $0.name == name })?.node else { return nil }
        let scalar = plan[ref].domain == .scalar
        return (0..<assetCount).map { columns[ref.index][scalar ? 0 : $0] }
    }

    deinit {
        owned.forEach { $0.deallocate() }
        dummy.deallocate()
        columns.deallocate()
    }

    /// A fresh column for a scalar or per-asset node, filled when the node is an input.
    private func column(for node: PlanNode, market: ProgramMarket<N>) -> UnsafeMutablePointer<N> {
        let size = node.domain == .scalar ? 1 : max(assetCount, 1)
        let p = UnsafeMutablePointer<N>.allocate(capacity: size)
        p.initialize(repeating: N(approximating: .nan), count: size)
        owned.append(p)
        switch node.op {
        case .constant(let v): p[0] = v == .infinity ? N.infinity : (v == -.infinity ? N.zero - N.infinity : N(approximating: v))
        case .assetInput(let input):
            for (a, v) in (market.inputs[input] ?? []).prefix(assetCount).enumerated() { p[a] = v }
        case .assetConstants(let values):
            for (a, v) in values.prefix(assetCount).enumerated() { p[a] = N(approximating: v) }
        default: break
        }
        return p
    }
}
