import LeverNumerics

/// Why a plan has no native code: the closure engine runs it, and the reason is said once.
public struct NativeRefusal: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The C source of a plan's per-account work, fused: one function that walks the accounts and,
/// per account, its positions in as few passes as the plan's dependencies allow, every
/// intermediate in a local variable (a register), so nothing is written to memory but the
/// results and the few per-position values a later pass reads again.
///
/// The code does what the closure engine's kernels do (`Kernels.swift`, `Steps+…`), operation for
/// operation and in the same order, so that its numbers are the same bits: it is compiled with
/// floating-point contraction off, calls the same C library for `exp`, `log`, `erfc` and `pow`,
/// and calls back into Swift for option values (`OptionKernel`). Scalar and per-asset nodes are
/// not in it: they come from the closure program's prepared `Snapshot`, once per market.
///
/// Passes: a per-position node belongs to pass k when it reads (through a broadcast) an
/// account value that itself needs the folds of pass k − 1; an account value needs the passes its
/// aggregates fold in. A policy without such a chain (the usual) walks each account's positions once.
struct NativeSource {
    /// The source text.
    let text: String
    /// How many per-position values are kept between passes (each a column of the largest
    /// account's position count in the scratch the caller passes).
    let scratchColumns: Int
    /// The assets a market must have: the merged per-asset columns read that many values.
    let assets: Int

    /// The exported function's name, and the version of its calling convention (a library built
    /// for another convention is not loaded).
    static let entry = "lever_accounts"
    static let abiSymbol = "lever_native_abi"
    static let abi = 1

    /// Plans beyond this many nodes are left to the closure engine: the C compiler's time grows
    /// faster than the gain (a 10,000-term sum is one long expression).
    static let maxNodes = 50_000

    init(plan: Plan) throws(NativeRefusal) {
        let emitter = try NativeEmitter(plan: plan)
        text = try emitter.source()
        scratchColumns = emitter.scratch.count
        assets = emitter.helpers.assets
    }
}

/// Works out the passes and writes the C, node by node.
private struct NativeEmitter {
    let plan: Plan
    /// What is known of each node's values (`Plan.facts`): checks for an undefined operand are
    /// left out where there can be none.
    let facts: [ValueFacts]
    /// Account and position nodes some output needs.
    var needed: [Bool]
    /// Per needed position node, its pass; per needed account node, the stage it is computed
    /// at (after that many passes). Aggregates: the pass they fold in is `level − 1`.
    var level: [Int]
    /// Position nodes kept in scratch, by node: their scratch column.
    var scratch: [Int: Int] = [:]
    /// Helper functions and arrays (tables, curves, case slots), written before the entry.
    let helpers = Helpers()
    /// What the branch being written knows (`versionedBody`, `folded`).
    let context = Context()

    /// Helpers, each written once however many branches use it.
    final class Helpers {
        private(set) var lines: [String] = []
        /// Statements run once per call, before the accounts (merged per-asset columns).
        private(set) var prologueLines: [String] = []
        /// The assets the prologue reads.
        var assets = 0
        private var written = Set<String>()
        func append(_ line: String) {
            if written.insert(line).inserted { lines.append(line) }
        }
        func prologue(_ line: String) {
            if written.insert(line).inserted { prologueLines.append(line) }
        }
    }

    /// Position values known in the branch being written, by node.
    final class Context {
        var known: [Int: Double] = [:]
    }

    init(plan: Plan) throws(NativeRefusal) {
        self.plan = plan
        facts = plan.facts
        guard plan.nodes.count <= NativeSource.maxNodes else {
            throw NativeRefusal("the policy has \(plan.nodes.count) plan nodes (the native backend takes at most \(NativeSource.maxNodes))")
        }
        needed = Array(repeating: false, count: plan.nodes.count)
        level = Array(repeating: 0, count: plan.nodes.count)
        var pending = plan.outputs.map(\.node)
        while let ref = pending.popLast() {
            guard !needed[ref.index] else { continue }
            needed[ref.index] = true
            guard plan[ref].domain > .asset else { continue }
            pending += plan[ref].op.operands
        }
        for i in plan.nodes.indices where needed[i] && plan.nodes[i].domain > .asset {
            level[i] = try levelOf(i)
        }
        // A position value read in a later pass than its own is kept in scratch (unless it is
        // computed again where it is read).
        for j in plan.nodes.indices where needed[j] && plan.nodes[j].domain > .asset {
            let pass = plan.nodes[j].domain == .position ? level[j] : level[j] - 1
            for operand in plan.nodes[j].op.operands {
                let i = operand.index
                if plan.nodes[i].domain == .position, !isRematerialised(i), pass > level[i], scratch[i] == nil {
                    scratch[i] = scratch.count
                }
            }
        }
    }

    /// The pass (position) or stage (account) of node `i`, from its operands'.
    func levelOf(_ i: Int) throws(NativeRefusal) -> Int {
        let node = plan.nodes[i]
        var result = 0
        for operand in node.op.operands {
            let d = plan[operand].domain
            switch (node.domain, d) {
            case (_, .scalar): continue
            case (.position, .asset):
                guard Self.readsPerAsset(node.op, operand) else { throw unsupported(i, "reads a per-asset value per position") }
            case (.position, .position): result = max(result, level[operand.index])
            case (.position, .account):
                guard case .broadcast = node.op else { throw unsupported(i, "reads an account value per position") }
                result = max(result, level[operand.index])
            case (.account, .account): result = max(result, level[operand.index])
            case (.account, .position):
                guard case .aggregate = node.op else { throw unsupported(i, "reads a position value per account") }
                result = max(result, level[operand.index] + 1)
            default: throw unsupported(i, "reads a \(d) value in the \(node.domain) domain")
            }
        }
        // An aggregate folds in a pass (its level − 1) even when it reads no position value
        // (`count(positions)` counts a literal 1 per position).
        if case .aggregate = node.op { result = max(result, 1) }
        return result
    }

    /// Whether `op` reads `operand` (per asset) through the position's asset.
    static func readsPerAsset(_ op: PlanOp, _ operand: NodeRef) -> Bool {
        switch op {
        case .gather: true
        case .optionModel(_, _, _, _, _, _, _, let rate, let yield): operand == rate || operand == yield
        default: false
        }
    }

    func unsupported(_ i: Int, _ what: String) -> NativeRefusal {
        NativeRefusal("plan node %\(i) (\(plan.nodes[i].op.name)) \(what)")
    }

    /// Position values that cost a load or two to compute again (book columns, gathers,
    /// broadcasts, splats): they are computed again in each pass that reads them, never kept.
    func isRematerialised(_ i: Int) -> Bool {
        switch plan.nodes[i].op {
        case .positionInput, .side, .positionKey, .gather, .broadcast, .splat: true
        default: false
        }
    }

    var maxLevel: Int { plan.nodes.indices.filter { needed[$0] && plan.nodes[$0].domain > .asset }.map { level[$0] }.max() ?? 0 }

    // MARK: Writing

    func source() throws(NativeRefusal) -> String {
        var body: [String] = []
        let positions = plan.nodes.indices.filter { needed[$0] && plan.nodes[$0].domain == .position }
        let accounts = plan.nodes.indices.filter { needed[$0] && plan.nodes[$0].domain == .account }
        let passes = (positions.map { level[$0] } + accounts.filter { isAggregate($0) }.map { level[$0] - 1 }).max().map { $0 + 1 } ?? 0
        // Account values, declared once per account.
        for i in accounts { body.append("double a\(i);") }
        for stage in 0...max(passes, maxLevel) {
            for i in accounts where level[i] == stage && !isAggregate(i) {
                body.append("a\(i) = \(try accountValue(i));")
            }
            guard stage < passes else { continue }
            let folds = accounts.filter { isAggregate($0) && level[$0] - 1 == stage }
            for i in folds { body += foldStart(i) }
            // Values of earlier passes read here, computed again or taken from scratch.
            var read = Set<Int>()
            for i in positions where level[i] == stage { read.formUnion(plan.nodes[i].op.operands.map(\.index)) }
            for i in folds { read.formUnion(plan.nodes[i].op.operands.map(\.index)) }
            let earlier = positions.filter { read.contains($0) && level[$0] < stage && (isRematerialised($0) || scratch[$0] != nil) }
            let current = positions.filter { level[$0] == stage }
            // A pass of many steps is written once: twelve copies of it would cost the C
            // compiler more time than the branches save (a 10,000-term sum).
            let versioned = current.count > Self.maxVersionedSteps ? []
                : (earlier + current).filter { Self.versions(plan.nodes[$0].op) != nil }
            body.append("for (int64_t p = p0; p < p1; p++) {")
            body.append("  const int64_t q = p - p0; (void)q;")
            body.append("  const int32_t asset = passet[p]; (void)asset;")
            body += try versionedBody(versioned[...]) { () throws(NativeRefusal) -> [String] in
                var loop: [String] = []
                for i in earlier + current where !versioned.contains(i) {
                    if let column = scratch[i], level[i] < stage {
                        loop.append("const double p\(i) = scratch[\(column) * stride + q];")
                        continue
                    }
                    if let value = try folded(i) {
                        context.known[i] = value
                    } else {
                        loop.append("const double p\(i) = \(try positionValue(i));")
                    }
                    if let column = scratch[i] { loop.append("scratch[\(column) * stride + q] = \(try operand(NodeRef(i), account: false));") }
                }
                for i in folds { loop += try foldStep(i) }
                for i in earlier + current where !versioned.contains(i) { context.known[i] = nil }
                return loop
            }.map { "  " + $0 }
            body.append("}")
            for i in folds { body.append("a\(i) = \(foldValue(i));") }
        }
        for (j, output) in plan.outputs.enumerated() {
            body.append("results[\(j)][a] = \(try operand(output.node, account: true));")
        }

        var text = Self.prelude
        text += helpers.lines.joined(separator: "\n") + "\n"
        text += """
            int lever_native_abi(void) { return \(NativeSource.abi); }

            void \(NativeSource.entry)(const double *const *cols, const int32_t *start, const int32_t *passet,
                                       const int32_t *pvenue, double *const *results, int64_t first, int64_t end,
                                       double *scratch, int64_t stride, lv_option_fn option) {
              (void)pvenue; (void)scratch; (void)stride; (void)option;

            """
        text += inputs().map { "  " + $0 + "\n" }.joined()
        text += helpers.prologueLines.map { "  " + $0 + "\n" }.joined()
        text += "  for (int64_t a = first; a < end; a++) {\n"
        text += "    const int64_t p0 = start[a], p1 = start[a + 1]; (void)p0; (void)p1;\n"
        text += body.map { "    " + $0 + "\n" }.joined()
        text += "  }\n}\n"
        return text
    }

    /// The most per-position steps a pass may have and still be written once per kind and side.
    static let maxVersionedSteps = 400

    /// The few values a position's kind and side take: the loop body is written once for each
    /// (and once for any other value), with the value as a literal, so the C compiler folds
    /// away what a spot balance never computes (an option's model value, a perpetual's PnL): a
    /// hand-written loop's branches, with the same arithmetic on every value that is computed.
    static func versions(_ op: PlanOp) -> [Double]? {
        switch op {
        case .positionInput(.kind): [0, 1, 2]
        case .side: [1, -1]
        default: nil
        }
    }

    /// The loop body `lines` writes, inside one branch per combination of the versioned nodes'
    /// values (each value known while the branch is written), and once for any other value.
    func versionedBody(_ versioned: ArraySlice<Int>, _ lines: () throws(NativeRefusal) -> [String]) throws(NativeRefusal) -> [String] {
        guard let node = versioned.first, let values = Self.versions(plan.nodes[node].op) else { return try lines() }
        var out = ["const double v\(node) = \(try positionValue(node));"]
        for (k, value) in values.enumerated() {
            out.append("\(k == 0 ? "if" : "} else if") (v\(node) == \(Self.literal(value))) {")
            context.known[node] = value
            out += try versionedBody(versioned.dropFirst(), lines).map { "  " + $0 }
        }
        context.known[node] = nil
        out.append("} else {")
        out.append("  const double p\(node) = v\(node);")
        out += try versionedBody(versioned.dropFirst(), lines).map { "  " + $0 }
        out.append("}")
        return out
    }

    /// The value of position node `i` when the values it reads are known in the branch being
    /// written (a kind, a side, and what follows from them), computed by the closure engine's own
    /// kernels, so the literal is the bits it would compute; nil when it is not known.
    func folded(_ i: Int) throws(NativeRefusal) -> Double? {
        func known(_ r: NodeRef) -> Double? {
            if let v = context.known[r.index] { return v }
            if case .constant(let v) = plan[r].op { return v }
            return nil
        }
        switch plan.nodes[i].op {
        case .unary(let kernel, let a): return known(a).map { applyUnary(kernel, $0) }
        case .binary(let kernel, let a, let b):
            if let x = known(a), let y = known(b) {
                return kernel.apply(x, y)
            }
            // Kleene: a defined false decides `and`, a defined true decides `or`, whatever the other side.
            if kernel == .and, [known(a), known(b)].contains(0) { return 0 }
            if kernel == .or, [known(a), known(b)].contains(where: { $0.map { !$0.isNaN && $0 != 0 } ?? false }) { return 1 }
            return nil
        case .select(let c, let a, let b):
            guard let condition = known(c), !condition.isNaN else { return nil }
            return known(condition != 0 ? a : b)
        default: return nil
        }
    }

    /// The locals every account reads: scalars (literals written out), and column pointers.
    func inputs() -> [String] {
        var lines: [String] = []
        var seen = Set<Int>()
        for i in plan.nodes.indices where needed[i] && plan.nodes[i].domain > .asset {
            for operand in plan.nodes[i].op.operands + [NodeRef(i)] where !seen.contains(operand.index) {
                seen.insert(operand.index)
                let k = operand.index
                switch (plan[operand].domain, plan[operand].op) {
                case (.scalar, .constant(let v)): lines.append("const double k\(k) = \(Self.literal(v));")
                case (.scalar, _): lines.append("const double k\(k) = cols[\(k)][0];")
                case (.asset, _): lines.append("const double *const c\(k) = cols[\(k)];")
                case (_, .positionInput), (_, .side), (_, .accountInput): lines.append("const double *const c\(k) = cols[\(k)];")
                default: break
                }
            }
        }
        for output in plan.outputs where plan[output.node].domain == .scalar && !seen.contains(output.node.index) {
            seen.insert(output.node.index)
            let k = output.node.index
            if case .constant(let v) = plan[output.node].op {
                lines.append("const double k\(k) = \(Self.literal(v));")
            } else {
                lines.append("const double k\(k) = cols[\(k)][0];")
            }
        }
        return lines
    }

    /// A literal as its exact bits (the decimal in a comment), so the C compiler's reading of a
    /// decimal can never differ from Swift's.
    static func literal(_ v: Double) -> String {
        "lv_bits(0x\(String(v.bitPattern, radix: 16))ULL /* \(v) */)"
    }

    /// A constant array of numbers, as their bits (read with `lv_bits`): a C initialiser takes
    /// no function call.
    static func array(_ name: String, _ values: [Double]) -> String {
        let cells = values.isEmpty ? "0" : values.map { "0x\(String($0.bitPattern, radix: 16))ULL" }.joined(separator: ", ")
        return "static const uint64_t \(name)[\(max(values.count, 1))] = {\(cells)};"
    }

    /// An operand as the node being written reads it (its own domain's element).
    func operand(_ ref: NodeRef, account: Bool) throws(NativeRefusal) -> String {
        if let value = context.known[ref.index] { return Self.literal(value) }
        switch plan[ref].domain {
        case .scalar: return "k\(ref.index)"
        case .account: return "a\(ref.index)"
        case .position:
            guard !account else { throw unsupported(ref.index, "is read per account") }
            return "p\(ref.index)"
        case .asset: throw unsupported(ref.index, "is read per element")
        }
    }

    func isAggregate(_ i: Int) -> Bool {
        if case .aggregate = plan.nodes[i].op { return true }
        return false
    }

    func positionValue(_ i: Int) throws(NativeRefusal) -> String {
        let op = plan.nodes[i].op
        func o(_ ref: NodeRef) throws(NativeRefusal) -> String { try operand(ref, account: false) }
        switch op {
        case .positionInput: return "c\(i)[p]"
        case .side: return "c\(i)[p]"
        case .positionKey(.asset): return "(double)asset"
        case .positionKey(.venue): return "(double)pvenue[p]"
        case .gather(let a): return "c\(a.index)[asset]"
        case .broadcast(let a): return "a\(a.index)"
        case .splat(let a, _), .alias(let a, _): return try o(a)
        case .optionModel(let output, let kind, let right, let spot, let strike, let years, let vol, let rate, let yield):
            let code = OptionOutput.allCases.firstIndex(of: output)!
            func perAsset(_ r: NodeRef) -> String { plan[r].domain == .scalar ? "k\(r.index)" : "c\(r.index)[asset]" }
            return "(\(try o(kind)) == 2.0 ? option(\(code), \(try o(right)) == 0.0, \(try o(spot)), \(try o(strike)), "
                + "\(try o(years)), \(try o(vol)), \(perAsset(rate)), \(perAsset(yield))) : 0.0)"
        case .cases(let key, let caseOf, let cases, let fallback):
            if key == .asset, let merged = try mergedCases(i, caseOf: caseOf, cases: cases, fallback: fallback) { return merged }
            let sources = try (cases + [fallback]).map { (r: NodeRef) throws(NativeRefusal) -> String in try o(r) }
            let fallbackSource = cases.count
            let slots = [fallbackSource] + caseOf.map { $0 < 0 ? fallbackSource : $0 }
            helpers.append("static const int32_t lv_slots\(i)[\(slots.count)] = {\(slots.map(String.init).joined(separator: ", "))};")
            let k = key == .asset ? "asset" : "pvenue[p]"
            let source = "((uint64_t)((int64_t)\(k) + 1) < \(slots.count)u ? lv_slots\(i)[(int64_t)\(k) + 1] : \(fallbackSource))"
            // An indexed read, not a chain of tests: which case a position takes follows its
            // asset, which a book mixes at random, so a branch per case would be mispredicted.
            return "({ const double from[\(sources.count)] = {\(sources.joined(separator: ", "))}; from[\(source)]; })"
        default:
            return try elementwise(i, account: false)
        }
    }

    /// A per-asset choice read from one merged per-asset column (`MergedCases`), built once per
    /// call before the accounts (`m<i>`, one line per asset), with the operation done once per
    /// position; or the one source every asset takes. Nil when the sources are not of that form.
    func mergedCases(_ i: Int, caseOf: [Int], cases: [NodeRef], fallback: NodeRef) throws(NativeRefusal) -> String? {
        let taken = caseOf.map { $0 >= 0 ? cases[$0] : fallback }
        if let only = taken.first, taken.allSatisfy({ $0 == only }) { return try operand(only, account: false) }
        guard let merged = plan.mergedCases(caseOf: caseOf, cases: cases, fallback: fallback),
              // The shared operand is declared in this pass (the choice's own operands are).
              plan[merged.shared].domain == .scalar || (plan[merged.shared].domain == .position && level[merged.shared.index] == level[i])
        else { return nil }
        helpers.assets = max(helpers.assets, caseOf.count)
        helpers.prologue("double m\(i)[\(caseOf.count)];")
        for k in caseOf.indices {
            let value = merged.value(asset: k, caseOf: caseOf)
            helpers.prologue("m\(i)[\(k)] = \(plan[value].domain == .scalar ? "k\(value.index)" : "c\(value.index)[\(k)]");")
        }
        let shared = try operand(merged.shared, account: false)
        let name = Self.binaryName(merged.kernel)
        return merged.valueFirst ? "lv_\(name)(m\(i)[asset], \(shared))" : "lv_\(name)(\(shared), m\(i)[asset])"
    }

    /// The operations both domains share.
    func elementwise(_ i: Int, account: Bool) throws(NativeRefusal) -> String {
        func o(_ ref: NodeRef) throws(NativeRefusal) -> String { try operand(ref, account: account) }
        func defined(_ refs: NodeRef...) -> Bool { refs.allSatisfy { facts[$0.index].contains(.defined) } }
        switch plan.nodes[i].op {
        case .unary(.not, let a) where defined(a): return "lv_truth(\(try o(a)) == 0.0)"
        case .unary(let kernel, let a): return "lv_\(kernel.rawValue)(\(try o(a)))"
        case .binary(let kernel, let a, let b):
            let (x, y) = (try o(a), try o(b))
            // Of defined operands, the plain C operation (the kernels' checks would never fire).
            if defined(a, b), let plain = Self.plainComparison(kernel) { return "lv_truth(\(x) \(plain) \(y))" }
            if defined(a, b), kernel == .and { return "lv_truth(\(x) != 0.0 && \(y) != 0.0)" }
            if defined(a, b), kernel == .or { return "lv_truth(\(x) != 0.0 || \(y) != 0.0)" }
            if defined(b), kernel == .min { return "(\(y) < \(x) ? \(y) : \(x))" }
            if defined(b), kernel == .max { return "(\(y) > \(x) ? \(y) : \(x))" }
            return "lv_\(Self.binaryName(kernel))(\(x), \(y))"
        case .select(let c, let a, let b) where defined(c): return "(\(try o(c)) != 0.0 ? \(try o(a)) : \(try o(b)))"
        case .select(let c, let a, let b): return "lv_select(\(try o(c)), \(try o(a)), \(try o(b)))"
        case .tableRow(let table, let keys):
            helpers.append(Self.tableFunction(table, name: "lv_row\(i)"))
            return "lv_row\(i)(\(try keys.map { (r: NodeRef) throws(NativeRefusal) -> String in try o(r) }.joined(separator: ", ")))"
        case .tableField(let row, let values):
            helpers.append(Self.array("lv_field\(i)", values))
            return "({ const double d = \(try o(row)); (d == d && d > -1.0 && d < \(values.count).0) ? lv_bits(lv_field\(i)[(int64_t)d]) : lv_nan(); })"
        case .curve(let shape, let a):
            helpers.append(Self.curveFunction(shape, name: "lv_curve\(i)"))
            return "lv_curve\(i)(\(try o(a)))"
        case .splat(let a, _), .alias(let a, _): return try o(a)
        default: throw unsupported(i, "has no native form in the \(plan.nodes[i].domain) domain")
        }
    }

    func accountValue(_ i: Int) throws(NativeRefusal) -> String {
        switch plan.nodes[i].op {
        case .accountInput: return "c\(i)[a]"
        default: return try elementwise(i, account: true)
        }
    }

    // MARK: Folds (`Steps+Aggregate.swift`, step for step)

    func foldStart(_ i: Int) -> [String] {
        guard case .aggregate(let kind, _, _) = plan.nodes[i].op else { return [] }
        switch kind {
        case .sum, .count: return ["double t\(i) = 0.0;"]
        case .avg: return ["double t\(i) = 0.0; int64_t n\(i) = 0;"]
        case .max, .min: return ["double t\(i) = 0.0; int seen\(i) = 0, known\(i) = 1;"]
        case .bits: return ["uint64_t t\(i) = 0; int known\(i) = 1;"]
        }
    }

    func foldStep(_ i: Int) throws(NativeRefusal) -> [String] {
        guard case .aggregate(let kind, let a, var filter) = plan.nodes[i].op else { return [] }
        if let f = filter, let w = context.known[f.index] ?? plan.constant(f), w.isFinite {
            // Known in this branch: a false filter adds +0 to a total that is never −0 (it starts
            // at +0) and keeps nothing, so it changes no bit; a true one keeps every position.
            if w == 0 { return [] }
            filter = nil
        }
        // Adding a known +0 to a sum changes no bit either.
        if kind == .sum, let known = context.known[a.index] ?? plan.constant(a), known.bitPattern == 0,
           filter.map({ facts[$0.index].contains(.finite) }) ?? true {
            return []
        }
        let v = try operand(a, account: false)
        let beats = kind == .max ? ">" : "<"
        guard let filter else {
            switch kind {
            case .sum: return ["t\(i) = t\(i) + \(v);"]
            case .count: return ["t\(i) = t\(i) + 1.0;"]
            case .avg: return ["t\(i) = t\(i) + \(v); n\(i) += 1;"]
            case .max, .min:
                return ["{ const double v = \(v); if (!seen\(i) || v \(beats) t\(i)) t\(i) = v; seen\(i) = 1; known\(i) = known\(i) && v == v; }"]
            case .bits: return ["{ const double v = \(v); if (v != v) known\(i) = 0; else t\(i) |= lv_bit_word(v); }"]
            }
        }
        let w = try operand(filter, account: false)
        // A finite filter's poison is +0, and adding +0 to a total that starts at +0 changes no bit.
        let poison = facts[filter.index].contains(.finite) ? "" : " + (w - w)"
        let wDefined = facts[filter.index].contains(.defined) ? "" : " && w == w"
        let vDefined = facts[a.index].contains(.defined) ? "" : " && (!keep || v == v)"
        switch kind {
        case .sum: return ["{ const double w = \(w); t\(i) = t\(i) + (w != 0.0 ? \(v) : 0.0)\(poison); }"]
        case .count: return ["{ const double w = \(w); t\(i) = t\(i) + (w != 0.0 ? 1.0 : 0.0)\(poison); }"]
        case .avg:
            return ["{ const double w = \(w); const int keep = w != 0.0; t\(i) = t\(i) + (keep ? \(v) : 0.0)\(poison); n\(i) += keep; }"]
        case .max, .min:
            return ["{ const double w = \(w), v = \(v); const int keep = w != 0.0; (void)keep; if (keep && (!seen\(i) || v \(beats) t\(i))) t\(i) = v; "
                + "seen\(i) = seen\(i) || keep; known\(i) = known\(i)\(wDefined)\(vDefined); }"]
        case .bits:
            return ["{ const double w = \(w); if (w != w) known\(i) = 0; else if (w != 0.0) { const double v = \(v); "
                + "if (v != v) known\(i) = 0; else t\(i) |= lv_bit_word(v); } }"]
        }
    }

    func foldValue(_ i: Int) -> String {
        guard case .aggregate(let kind, _, _) = plan.nodes[i].op else { return "0.0" }
        switch kind {
        case .sum, .count: return "t\(i)"
        case .avg: return "(n\(i) > 0 ? t\(i) / (double)n\(i) : t\(i))"
        case .max, .min: return "(known\(i) ? t\(i) : lv_nan())"
        case .bits: return "(known\(i) ? (double)(int64_t)t\(i) : lv_nan())"
        }
    }

    // MARK: Tables and curves

    /// `TableMatcher.firstRow`: the first row whose every cell matches; undefined when an
    /// undefined key decides it; −1 for none.
    static func tableFunction(_ table: TablePlan, name: String) -> String {
        let width = table.rows.first?.count ?? 0
        let parameters = width == 0 ? "void" : (0..<width).map { "double k\($0)" }.joined(separator: ", ")
        var lines = ["static inline double \(name)(\(parameters)) {"]
        if width == 0 {
            lines.append("  return \(table.rows.isEmpty ? "-1.0" : "0.0");")
        } else {
            for (r, row) in table.rows.enumerated() {
                var cells: [String] = []
                for (c, matcher) in row.enumerated() {
                    let test: String
                    switch matcher {
                    case .any: continue
                    case .interval(let lo, let hi, let lc, let hc):
                        test = "k\(c) \(lc ? ">=" : ">") \(literal(lo)) && k\(c) \(hc ? "<=" : "<") \(literal(hi))"
                    case .values(let vs):
                        test = vs.isEmpty ? "0" : vs.map { "k\(c) == \(literal($0))" }.joined(separator: " || ")
                    }
                    cells.append("if (k\(c) != k\(c)) u = 1; else if (!(\(test))) break;")
                }
                lines.append("  do { int u = 0; \(cells.joined(separator: " ")) return u ? lv_nan() : \(r).0; } while (0);")
            }
            lines.append("  return -1.0;")
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    /// `CurveFormula`, operation for operation.
    static func curveFunction(_ shape: CurvePlan, name: String) -> String {
        switch shape {
        case .kinked(let base, let s1, let kink, let s2):
            let (b, a1, k, a2) = (literal(base), literal(s1), literal(kink), literal(s2))
            return """
                static inline double \(name)(double x) {
                  if (x <= \(k)) return \(b) + \(a1) * x / \(k);
                  return \(b) + \(a1) + \(a2) * (x - \(k)) / (1.0 - \(k));
                }
                """
        case .points(let xs, let ys):
            guard !xs.isEmpty else { return "static inline double \(name)(double x) { (void)x; return 0.0; }" }
            return """
                \(array("\(name)_x", xs))
                \(array("\(name)_y", ys))
                static inline double \(name)(double x) {
                  #define X(i) lv_bits(\(name)_x[i])
                  #define Y(i) lv_bits(\(name)_y[i])
                  if (x <= X(0)) return Y(0);
                  if (x >= X(\(xs.count - 1))) return Y(\(xs.count - 1));
                  int64_t i = 1;
                  while (X(i) < x) i++;
                  return Y(i - 1) + (Y(i) - Y(i - 1)) * (x - X(i - 1)) / (X(i) - X(i - 1));
                  #undef X
                  #undef Y
                }
                """
        case .steps(let xs, let ys):
            guard !xs.isEmpty else { return "static inline double \(name)(double x) { (void)x; return 0.0; }" }
            return """
                \(array("\(name)_x", xs))
                \(array("\(name)_y", ys))
                static inline double \(name)(double x) {
                  int64_t i = 0;
                  while (i + 1 < \(xs.count) && lv_bits(\(name)_x[i + 1]) <= x) i++;
                  return lv_bits(\(name)_y[i]);
                }
                """
        }
    }

    /// The C operator of a comparison.
    static func plainComparison(_ kernel: BinaryKernel) -> String? {
        switch kernel {
        case .equal: "=="
        case .notEqual: "!="
        case .less: "<"
        case .lessEqual: "<="
        case .greater: ">"
        case .greaterEqual: ">="
        default: nil
        }
    }

    static func binaryName(_ kernel: BinaryKernel) -> String {
        switch kernel {
        // Binary64 ignores a rounding direction (`Double.multiplied(by:rounding:)`).
        case .multiplyDown, .multiplyUp, .multiplyHalfEven: "multiply"
        case .divideDown, .divideUp, .divideHalfEven: "divide"
        default: kernel.rawValue
        }
    }

    /// The kernels (`Kernels.swift`) in C, each as the Swift one computes it.
    static let prelude = """
        /* Generated by Lever from a policy's plan: the closure engine's kernels, fused. Do not edit. */
        #include <math.h>
        #include <stdint.h>
        #include <string.h>

        typedef double (*lv_option_fn)(int32_t output, int32_t call, double spot, double strike, double years,
                                       double vol, double rate, double yield);

        static inline double lv_bits(uint64_t b) { double d; __builtin_memcpy(&d, &b, sizeof d); return d; }
        static inline double lv_nan(void) { return lv_bits(0x7ff8000000000000ULL); }
        static inline double lv_truth(int b) { return b ? 1.0 : 0.0; }
        static inline double lv_compared(double a, double b, int holds) { return (a == a && b == b) ? lv_truth(holds) : lv_nan(); }
        static inline uint64_t lv_bit_word(double d) {
          const double m = 4503599627370495.0;
          const double c = m < d ? m : d;
          return (uint64_t)(c > 0.0 ? c : 0.0);
        }

        static inline double lv_negate(double x) { return 0.0 - x; }
        static inline double lv_not(double x) { return x == x ? lv_truth(!(x != 0.0)) : x; }
        static inline double lv_abs(double x) { return x < 0.0 ? 0.0 - x : x; }
        static inline double lv_sqrt(double x) { return __builtin_sqrt(x); }
        static inline double lv_exp(double x) { return exp(x); }
        static inline double lv_ln(double x) { return log(x); }
        static inline double lv_ncdf(double x) { return 0.5 * erfc(-x / \(literal(2.0.squareRoot()))); }
        static inline double lv_npdf(double x) { return exp(-0.5 * x * x) / \(literal((2 * Double.pi).squareRoot())); }
        static inline double lv_floor(double x) { return __builtin_floor(x); }
        static inline double lv_ceil(double x) { return __builtin_ceil(x); }
        static inline double lv_round(double x) { return __builtin_round(x); }
        static inline double lv_expm1(double x) { return expm1(x); }
        static inline double lv_log1p(double x) { return log1p(x); }
        static inline double lv_isFalse(double x) { return lv_truth(x == x && x == 0.0); }
        static inline double lv_isUndefined(double x) { return lv_truth(x != x); }

        static inline double lv_add(double a, double b) { return a + b; }
        static inline double lv_subtract(double a, double b) { return a - b; }
        static inline double lv_multiply(double a, double b) { return a * b; }
        static inline double lv_scale(double a, double b) { return a == 0.0 ? a : a * b; }
        static inline double lv_divide(double a, double b) {
          return b == 0.0 ? (a == a ? (a < 0.0 ? 0.0 - INFINITY : INFINITY) : a) : a / b;
        }
        static inline double lv_floorDivide(double a, double b) { return b == 0.0 ? lv_divide(a, b) : __builtin_floor(a / b); }
        static inline double lv_ceilDivide(double a, double b) { return b == 0.0 ? lv_divide(a, b) : __builtin_ceil(a / b); }
        static inline double lv_power(double a, double b) { return pow(a, b); }
        static inline double lv_min(double a, double b) { return b == b ? (b < a ? b : a) : b; }
        static inline double lv_max(double a, double b) { return b == b ? (b > a ? b : a) : b; }
        static inline double lv_equal(double a, double b) { return lv_compared(a, b, a == b); }
        static inline double lv_notEqual(double a, double b) { return lv_compared(a, b, a != b); }
        static inline double lv_less(double a, double b) { return lv_compared(a, b, a < b); }
        static inline double lv_lessEqual(double a, double b) { return lv_compared(a, b, a <= b); }
        static inline double lv_greater(double a, double b) { return lv_compared(a, b, a > b); }
        static inline double lv_greaterEqual(double a, double b) { return lv_compared(a, b, a >= b); }
        static inline double lv_and(double a, double b) {
          if (a == 0.0 || b == 0.0) return 0.0;
          return (a == a && b == b) ? 1.0 : lv_nan();
        }
        static inline double lv_or(double a, double b) {
          if ((a == a && a != 0.0) || (b == b && b != 0.0)) return 1.0;
          return (a == a && b == b) ? 0.0 : lv_nan();
        }
        static inline double lv_select(double c, double x, double y) { return c == c ? (c != 0.0 ? x : y) : c; }

        """
}

extension PlanOp {
    /// The operation's name, for messages.
    var name: String {
        switch self {
        case .constant: "constant"
        case .alias: "alias"
        case .assetInput(let input): "asset input \(input)"
        case .assetConstants: "asset constants"
        case .positionInput(let input): "position input \(input.rawValue)"
        case .positionKey(let key): "position \(key.rawValue)"
        case .side: "side"
        case .accountInput: "account input"
        case .pick: "pick"
        case .gather: "gather"
        case .broadcast: "broadcast"
        case .splat: "splat"
        case .unary(let k, _): k.rawValue
        case .binary(let k, _, _): k.rawValue
        case .select: "select"
        case .cases: "cases"
        case .aggregate(let k, _, _): "aggregate \(k.rawValue)"
        case .tableRow(let t, _): "table \(t.name)"
        case .tableField: "table field"
        case .curve: "curve"
        case .optionModel(let o, _, _, _, _, _, _, _, _): "option \(o.rawValue)"
        }
    }
}
