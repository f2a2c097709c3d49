import LeverCompile
import LeverSyntax

/// Walks the plan from an output down to the named rules it depends on.
struct TreeWalk {
    let plan: Plan
    let values: [[Double]]
    let account: Account
    let policy: CompiledPolicy
    let sources: SourceMap
    var shown: Set<NodeRef> = []
    let heldAssets: Set<Int>
    let heldVenues: Set<Int>
    /// How the outputs' nodes read: a label's words (`status`, `worst_scenario`), or a flag.
    let outputKinds: [NodeRef: OutputKind]
    static let maxDepth = 12

    init(plan: Plan, values: [[Double]], account: Account, policy: CompiledPolicy, sources: SourceMap) {
        self.plan = plan
        self.values = values
        self.account = account
        self.policy = policy
        self.sources = sources
        heldAssets = Set(account.positions.compactMap { policy.assets.firstIndex(of: $0.asset) })
        heldVenues = Set(account.positions.compactMap { p in p.venue.flatMap { policy.venues.firstIndex(of: $0) } })
        let kinds = Dictionary(policy.outputs.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        outputKinds = Dictionary(plan.outputs.compactMap { o in kinds[o.name].map { (o.node, $0) } },
                                 uniquingKeysWith: { a, _ in a })
    }

    /// - Parameter scope: the assets the parent rule applies to; a shared rule none of whose own
    ///   assets the account holds (a class rule reached through one asset's chain) shows the
    ///   values of its parent's assets instead.
    mutating func explain(_ ref: NodeRef, title: String? = nil, depth: Int = 0, scope: [Int] = []) -> Explanation {
        let origin = plan.origins[ref]
        let name = title.map { t in origin.map { $0.title.hasSuffix(t) ? $0.title : t } ?? t } ?? origin?.title ?? "value"
        var node = Explanation(title: name, value: "", detail: origin?.detail ?? "",
                               location: origin?.span.map { sources.location($0) })
        guard shown.insert(ref).inserted else {
            node.isRepeat = true
            return node
        }
        let own = origin?.assets ?? []
        let assets = own.isEmpty || !heldAssets.isDisjoint(with: own) ? own : scope
        describeValue(ref, only: assets, into: &node)
        guard depth < Self.maxDepth else { return node }
        var seen: Set<NodeRef> = []
        node.children = namedDescendants(of: ref, seen: &seen).map { explain($0, depth: depth + 1, scope: assets) }
        return node
    }

    /// The nearest named nodes below `ref`, in plan order, through unnamed arithmetic. A
    /// worklist rather than recursion: a 10,000-term sum is 10,000 unnamed nodes deep.
    func namedDescendants(of ref: NodeRef, seen: inout Set<NodeRef>) -> [NodeRef] {
        var found: [NodeRef] = []
        var pending = [ref]
        while let next = pending.popLast() {
            for child in operands(of: next) where seen.insert(child).inserted {
                if case .constant = plan[child].op { continue }   // literals show in the rule text
                if plan.origins[child] != nil { found.append(child) } else { pending.append(child) }
            }
        }
        return found.sorted()
    }

    /// The operands that matter for this account: of per-asset or per-venue cases, only the
    /// cases of the assets and venues it holds.
    func operands(of ref: NodeRef) -> [NodeRef] {
        switch plan[ref].op {
        // An option's price shown under its spot, vol, rate and yield; kind, right, strike and
        // expiry are the position's.
        case .optionModel(_, _, _, let spot, _, _, let vol, let rate, let yield): return [spot, vol, rate, yield]
        case .cases(let key, let caseOf, let cases, let fallback):
            let held = key == .asset ? heldAssets : heldVenues
            var refs: [NodeRef] = []
            for k in held.sorted() where k < caseOf.count {
                refs.append(caseOf[k] >= 0 ? cases[caseOf[k]] : fallback)
            }
            if key == .venue { refs.append(fallback) }
            return refs
        case let op: return op.operands
        }
    }

    /// The node's value; per asset or per position, restricted to one asset for a rule that was
    /// specialised for it.
    func describeValue(_ ref: NodeRef, only assets: [Int], into node: inout Explanation) {
        let applies = { (a: Int?) in assets.isEmpty || a.map(assets.contains) == true }
        let v = values.indices.contains(ref.index) ? values[ref.index] : []
        switch plan[ref].domain {
        case .scalar, .account:
            node.value = v.first.map { label(ref, $0) } ?? ""
        case .asset:
            node.positions = heldAssets.sorted().compactMap { a in
                v.indices.contains(a) && applies(a) ? "\(policy.assets[a]): \(display(ref, v[a]))" : nil
            }
        case .position:
            node.positions = account.positions.indices.compactMap { i in
                let p = account.positions[i]
                guard v.indices.contains(i), applies(policy.assets.firstIndex(of: p.asset)) else { return nil }
                return "\(Self.describe(p)): \(display(ref, v[i]))"
            }
        }
    }

    /// As a committee reads the value: a table row's label, an output's word (`status =
    /// healthy`), `true`/`false` for a condition or a flag, the number otherwise.
    func label(_ ref: NodeRef, _ x: Double) -> String {
        // An undefined key (a score out of range or stale) leaves the row undefined, not "no row".
        guard !x.isNaN else { return Self.format(x) }
        if case .tableRow(let table, _) = plan[ref].op {
            let i = Int(x)
            return table.labels.indices.contains(i) ? table.labels[i] : "no row matches"
        }
        switch outputKinds[ref] {
        case .label(let words)?:
            let i = Int(x)
            return words.indices.contains(i) ? words[i] : Self.format(x)
        case .flag?:
            return x != 0 ? "true" : "false"
        default:
            break
        }
        switch plan[ref].op {
        case .binary(.equal, _, _), .binary(.notEqual, _, _), .binary(.less, _, _), .binary(.lessEqual, _, _),
             .binary(.greater, _, _), .binary(.greaterEqual, _, _), .binary(.and, _, _), .binary(.or, _, _),
             .unary(.not, _):
            return x != 0 ? "true" : "false"
        default:
            return display(ref, x)
        }
    }

    /// A number in its rule's unit, every digit of its shortest form kept: USD amounts with
    /// `USD`, durations in days (twelve significant digits of the conversion from years) or
    /// years, a ratio as a percentage when its rule is written with `%` or `bps`, else as is.
    func display(_ ref: NodeRef, _ x: Double) -> String {
        guard x.isFinite, x != 0, let origin = plan.origins[ref], let unit = origin.unit else { return Self.format(x) }
        switch (unit.money, unit.halfTime) {
        case (0, 0):
            let written = origin.detail.contains("%") || origin.detail.contains("bps")
            return written ? DecimalDigits(x).text(shift: 2) + "%" : Self.format(x)
        case (1, 0):
            return DecimalDigits(x).text(shift: 0) + " USD"
        case (0, 2):
            return DecimalDigits.duration(years: x)
        default:
            return Self.format(x) + " " + unit.description
        }
    }

    static func format(_ x: Double) -> String {
        if x.isNaN { return "undefined" }
        if x == .infinity { return "∞" }
        if x == -.infinity { return "−∞" }
        return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }

    static func describe(_ p: Position) -> String {
        let kind: String
        switch p {
        case .spot: kind = "spot"
        case .perpetual: kind = "perp"
        case .option(let o): kind = "\(o.right.word) \(format(o.strike))"
        }
        let size = p.quantity > 0 ? "+\(format(p.quantity))" : format(p.quantity)
        return "\(p.asset) \(kind) \(size)" + (p.venue.map { " @ \($0)" } ?? "") + (p.chain.map { " on \($0)" } ?? "")
    }
}
