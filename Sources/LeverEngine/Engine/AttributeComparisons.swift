import LeverCompile

/// How a compiled plan reads account attributes: which ones, and for those it only compares for
/// equality with literals, which strings it compares them with.
///
/// Read from the plan rather than the source so that it sees exactly what evaluation reads: the
/// rules that reach a result, imports included, after names and tables are resolved. Only live
/// nodes count (a rule nothing reports does not make a value legitimate or suspicious).
///
/// The plan holds strings as their interned codes, so a literal is a string when its value is an
/// index into `strings`. A numeric literal that happens to be such an index (`account.level == 2`)
/// reads as that string too; the set is then larger than it should be, which can only silence a
/// warning, never raise one.
struct AttributeComparisons {
    /// Every attribute a live node reads, sorted.
    private(set) var read: [String] = []
    /// Per attribute compared only for equality with literals: the strings among them, sorted.
    private(set) var literals: [String: [String]] = [:]

    init(plan: Plan, strings: [String]) {
        let nodes = plan.nodes, live = plan.live
        // Per node: the attribute whose value it is, or the literal it is, seen through the moves
        // between domains and the names given to literals (`alias`).
        var attribute = [String?](repeating: nil, count: nodes.count)
        var literal = [Double?](repeating: nil, count: nodes.count)
        var codes: [String: Set<Int>] = [:]
        var open: Set<String> = []

        // An equality with something other than a literal (another attribute, a measure) is open.
        func compare(_ name: String, with value: Double?) {
            guard let value else {
                open.insert(name)
                return
            }
            if value >= 0, value < Double(strings.count), value == value.rounded() { codes[name, default: []].insert(Int(value)) }
        }

        for (i, node) in nodes.enumerated() where live[i] {
            switch node.op {
            case .accountInput(.attribute(let name)):
                attribute[i] = name
                if codes[name] == nil { codes[name] = [] }
            case .constant(let v):
                literal[i] = v
            case .alias(let a, _), .broadcast(let a), .splat(let a, _):
                attribute[i] = attribute[a.index]
                literal[i] = literal[a.index]
            case .binary(let kernel, let a, let b) where kernel == .equal || kernel == .notEqual:
                if let name = attribute[a.index] { compare(name, with: literal[b.index]) }
                if let name = attribute[b.index] { compare(name, with: literal[a.index]) }
            case .tableRow(let table, let keys):
                for (column, key) in keys.enumerated() {
                    guard let name = attribute[key.index] else { continue }
                    for row in table.rows where row.indices.contains(column) {
                        switch row[column] {
                        case .values(let values): values.forEach { compare(name, with: $0) }
                        case .any: break
                        case .interval: open.insert(name)
                        }
                    }
                }
            case .accountInput(.score), .accountInput(.staleTier), .assetInput, .assetConstants, .positionInput, .positionKey, .side, .pick,
                 .gather, .unary, .binary, .select, .cases, .aggregate, .tableField, .curve, .optionModel:
                // Any other use (arithmetic, an ordering, a branch's value) makes the values open.
                for operand in node.op.operands { if let name = attribute[operand.index] { open.insert(name) } }
            }
        }
        // An attribute reported or traced as it is can hold anything.
        for ref in plan.outputs.map(\.node) + plan.assetOutputs.map(\.node) + plan.probes.map(\.node) {
            if let name = attribute[ref.index] { open.insert(name) }
        }
        read = codes.keys.sorted()
        for (name, set) in codes where !open.contains(name) {
            literals[name] = set.map { strings[$0] }.sorted()
        }
    }
}
