import LeverCompile

/// Why values of one account are undefined: the inputs and lookups the undefined value came
/// from, found by walking a trace of the compiled program from the undefined results down to
/// where the undefined value first appeared.
///
/// A report then says the cause once ("FTT: no usable price", "table `tier` has no row for
/// account.score = 1200") instead of "undefined" for every result that inherits it. The walk
/// follows only what decided each value: the condition of a choice when the condition is
/// undefined, else the branch taken; the positions an aggregate counted.
struct UndefinedCauses {
    let plan: Plan
    /// `Program.trace` of the account: per node, one value (scalar, account), one per asset or
    /// one per position.
    let values: [[Double]]
    /// Per position of the account, its asset's index.
    let positionAssets: [Int]
    let policy: CompiledPolicy
    /// Market issues by asset index, to name why a price is unusable.
    let issues: [MarketIssue?]
    /// The account's positions, described (`FTT spot -1000 @ Binance`).
    let positionLabels: [String]
    /// Market inputs other than prices made undefined for lying outside a declared range.
    var inputIssues: [MarketIssue] = []
    /// Why an account input the book gives is undefined (outside a declared range), if it is.
    var accountCause: (AccountInput) -> String? = { _ in nil }

    private var visited: Set<Key> = []
    private(set) var causes: [String] = []

    private struct Key: Hashable { var node: Int, element: Int }

    init(plan: Plan, values: [[Double]], positionAssets: [Int], policy: CompiledPolicy, issues: [MarketIssue?],
         positionLabels: [String], inputIssues: [MarketIssue] = [], accountCause: @escaping (AccountInput) -> String? = { _ in nil }) {
        self.inputIssues = inputIssues
        self.accountCause = accountCause
        self.plan = plan
        self.values = values
        self.positionAssets = positionAssets
        self.policy = policy
        self.issues = issues
        self.positionLabels = positionLabels
    }

    /// The causes behind the given account-level nodes, in the order found, each once.
    static func find(from roots: [NodeRef], plan: Plan, values: [[Double]], positionAssets: [Int],
                     policy: CompiledPolicy, issues: [MarketIssue?], positionLabels: [String],
                     inputIssues: [MarketIssue] = [], accountCause: @escaping (AccountInput) -> String? = { _ in nil }) -> [String] {
        var walk = UndefinedCauses(plan: plan, values: values, positionAssets: positionAssets, policy: policy,
                                   issues: issues, positionLabels: positionLabels, inputIssues: inputIssues,
                                   accountCause: accountCause)
        for root in roots { walk.visit(root.index, 0) }
        return walk.causes
    }

    private func value(_ node: Int, _ element: Int) -> Double {
        let column = values[node]
        return column.indices.contains(element) ? column[element] : .nan
    }

    private func isUndefined(_ node: Int, _ element: Int) -> Bool { value(node, element).isNaN }

    /// The element of `operand` that feeds element `element` of a node in `domain`; nil when it
    /// cannot be told (then every undefined element of the operand is followed).
    private func element(of operand: Int, under domain: Domain, _ element: Int) -> Int? {
        let own = plan.nodes[operand].domain
        if own == domain { return element }
        switch own {
        case .scalar, .account: return 0
        case .asset: return domain == .position && positionAssets.indices.contains(element) ? positionAssets[element] : nil
        case .position: return nil
        }
    }

    /// The undefined elements of `operand` that feed element `element` of `node`.
    private func follow(_ operand: NodeRef, from node: Int, _ element: Int) -> [Key] {
        let domain = plan.nodes[node].domain
        if let e = self.element(of: operand.index, under: domain, element) {
            return isUndefined(operand.index, e) ? [Key(node: operand.index, element: e)] : []
        }
        return candidates(operand.index).filter { values[operand.index][$0].isNaN }.map { Key(node: operand.index, element: $0) }
    }

    private mutating func add(_ cause: String) {
        if !causes.contains(cause) { causes.append(cause) }
    }

    /// Walks from an undefined element down to the causes, depth first and in operand order. A
    /// stack of elements to visit rather than recursion: a 10,000-term sum is that deep.
    mutating func visit(_ node: Int, _ element: Int) {
        var pending = [Key(node: node, element: element)]
        while let key = pending.popLast() {
            guard isUndefined(key.node, key.element), visited.insert(key).inserted else { continue }
            // Reversed, so that the first operand is visited first, as a recursion would.
            pending += expand(key.node, key.element).reversed()
        }
    }

    /// Records what element `element` of `node` says about the cause, and returns the elements
    /// below it to visit, in order.
    private mutating func expand(_ node: Int, _ element: Int) -> [Key] {
        var children: [Key] = []
        let op = plan.nodes[node].op
        switch op {
        case .constant, .assetConstants:
            add("\(title(node) ?? "a value") is not defined by the policy")
        case .assetInput(let input):
            add(marketCause(asset: element, input: input.rawValue))
        case .positionInput(let input):
            let label = positionLabels.indices.contains(element) ? positionLabels[element] : "position \(element + 1)"
            add("\(label): \(input) is missing")
        case .accountInput(let input) where accountCause(input) != nil:
            add(accountCause(input) ?? "")
        case .accountInput(.score):
            add("the account has no score")
        case .accountInput(.attribute(let name)):
            add("the account has no attribute `\(name)`")
        case .positionKey, .side:
            add("\(title(node) ?? "a position field") is missing")
        case .tableRow(let table, let keys):
            let domain = plan.nodes[node].domain
            let undefinedKeys = keys.filter { isUndefined($0.index, self.element(of: $0.index, under: domain, element) ?? 0) }
            if undefinedKeys.isEmpty { add(noRow(table, keys, node: node, element: element)) }
            for key in undefinedKeys { children += follow(key, from: node, element) }
        case .tableField(let row, _):
            let e = self.element(of: row.index, under: plan.nodes[node].domain, element) ?? 0
            if isUndefined(row.index, e) {
                children.append(Key(node: row.index, element: e))
            } else if case .tableRow(let table, let keys) = plan[row].op {
                add(noRow(table, keys, node: row.index, element: e))
            }
        case .pick(let r, let asset):
            children.append(Key(node: r.index, element: asset))
        case .select(let c, let a, let b):
            let e = self.element(of: c.index, under: plan.nodes[node].domain, element) ?? 0
            if isUndefined(c.index, e) {
                children += follow(c, from: node, element)
            } else {
                children += follow(value(c.index, e) != 0 ? a : b, from: node, element)
            }
        case .cases(.asset, let caseOf, let cases, let fallback) where chosenAsset(of: node, element) != nil:
            // Only the case the element's asset takes decided it: a fallback the asset does not
            // reach (often undefined: no rule for other assets) is no cause.
            let a = chosenAsset(of: node, element) ?? 0
            let k = caseOf.indices.contains(a) ? caseOf[a] : -1
            children += follow(cases.indices.contains(k) ? cases[k] : fallback, from: node, element)
        case .aggregate(_, let x, let filter):
            for p in positionLabels.indices {
                if let filter, value(filter.index, positionOrAsset(filter.index, p)).isNaN {
                    children.append(Key(node: filter.index, element: positionOrAsset(filter.index, p)))
                } else if filter.map({ value($0.index, positionOrAsset($0.index, p)) != 0 }) ?? true,
                          value(x.index, positionOrAsset(x.index, p)).isNaN {
                    children.append(Key(node: x.index, element: positionOrAsset(x.index, p)))
                }
            }
        default:
            let undefinedOperands = Self.operands(op).filter { isUndefined($0, under: node, element) }
            if undefinedOperands.isEmpty, Self.isArithmetic(op) {
                // Defined operands, undefined result: the operation itself (0 × ∞, ∞ − ∞, √ of a
                // negative number, ln of a non-positive one).
                add("\(title(node) ?? "a computed value") is not a number (its inputs are defined: 0 × ∞, ∞ − ∞, or √ or ln of a negative value)")
            }
            for operand in undefinedOperands { children += follow(operand, from: node, element) }
        }
        return children
    }

    /// Whether the operand's element feeding `element` of `node` is undefined (any of its
    /// elements, when the mapping cannot be told).
    private func isUndefined(_ operand: NodeRef, under node: Int, _ element: Int) -> Bool {
        if let e = self.element(of: operand.index, under: plan.nodes[node].domain, element) {
            return isUndefined(operand.index, e)
        }
        return candidates(operand.index).contains { values[operand.index][$0].isNaN }
    }

    /// The elements of a node an account's value can rest on when the mapping cannot be told:
    /// of a per-asset node, the assets the account holds (another asset's value, undefined
    /// because no rule covers it, decides nothing here); else every element.
    private func candidates(_ node: Int) -> [Int] {
        let all = Array(values[node].indices)
        guard plan.nodes[node].domain == .asset else { return all }
        return Array(Set(positionAssets)).sorted().filter { all.contains($0) }
    }

    /// The asset an element of a per-asset or per-position node belongs to.
    private func chosenAsset(of node: Int, _ element: Int) -> Int? {
        switch plan.nodes[node].domain {
        case .asset: element
        case .position: positionAssets.indices.contains(element) ? positionAssets[element] : nil
        case .scalar, .account: nil
        }
    }

    /// A per-position operand's element for position `p` (an asset operand by its asset).
    private func positionOrAsset(_ node: Int, _ p: Int) -> Int {
        element(of: node, under: .position, p) ?? p
    }

    private func title(_ node: Int) -> String? {
        plan.origins[NodeRef(node)]?.title
    }

    private func marketCause(asset: Int, input: String) -> String {
        let name = policy.assets.indices.contains(asset) ? policy.assets[asset] : "asset \(asset)"
        // A mark price falls back to the quote: without either, the price is what is missing.
        let what = ["quoted_price", "price", "mark_price"].contains(input) ? "price" : input
        if let issue = inputIssues.first(where: { $0.asset == name && $0.input?.rawValue == input }) {
            return "\(name): \(issue.reasonText)"
        }
        if issues.indices.contains(asset), let issue = issues[asset] {
            return "\(name): no usable \(what) (\(issue.reasonText))"
        }
        return "\(name): no \(what) in the market snapshot"
    }

    private func noRow(_ table: TablePlan, _ keys: [NodeRef], node: Int, element: Int) -> String {
        let domain = plan.nodes[node].domain
        let shown = zip(table.keys, keys).enumerated().map { c, pair -> String in
            let v = value(pair.1.index, self.element(of: pair.1.index, under: domain, element) ?? 0)
            let listed = table.rows.contains { row in
                if row.indices.contains(c), case .values = row[c] { true } else { false }
            }
            return "\(pair.0) = \(keyText(v, categorical: listed))"
        }
        return "table `\(table.name)` has no row for \(shown.joined(separator: ", "))"
    }

    /// A key value as the policy reads it: a number, or the string a code stands for.
    private func keyText(_ v: Double, categorical: Bool) -> String {
        if categorical, v.isFinite, v >= 0, v == v.rounded() {
            let i = Int(v)
            if policy.strings.indices.contains(i) { return "\"\(policy.strings[i])\"" }
            if i == policy.strings.count { return "a value no row names" }
        }
        return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }

    static func isArithmetic(_ op: PlanOp) -> Bool {
        switch op {
        case .unary, .binary, .curve, .optionModel: true
        default: false
        }
    }

    static func operands(_ op: PlanOp) -> [NodeRef] {
        switch op {
        case .constant, .assetInput, .assetConstants, .positionInput, .positionKey, .side, .accountInput: []
        case .alias(let r, _), .pick(let r, _), .gather(let r), .broadcast(let r), .splat(let r, _), .unary(_, let r),
             .tableField(let r, _), .curve(_, let r):
            [r]
        case .binary(_, let a, let b): [a, b]
        case .select(let c, let a, let b): [c, a, b]
        case .cases(_, _, let cases, let fallback): cases + [fallback]
        case .aggregate(_, let x, let filter): [x] + (filter.map { [$0] } ?? [])
        case .tableRow(_, let keys): keys
        case .optionModel(_, let k, let r, let s, let st, let y, let v, let rate, let q): [k, r, s, st, y, v, rate, q]
        }
    }
}
