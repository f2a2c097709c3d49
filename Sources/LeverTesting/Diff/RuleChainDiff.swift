/// The changes between two chains of rules for one item of one declaration (`haircut = …`,
/// then `haircut += …`): order is meaning, so an inserted rule is an insertion, a moved rule is
/// a reordering, and only rules in the same place with different meaning are "changed".
///
/// The chains are aligned by the standard library's `difference(from:by:)` on rules that mean
/// the same (`PolicyEntry.means`); between two aligned rules, the unaligned old and new rules pair up in
/// order as changes and the rest are removals or insertions, each placed next to its neighbour.
enum RuleChainDiff {
    static let alignmentLimit = 1_000_000

    static func changes(old a: [PolicyEntry], new b: [PolicyEntry]) -> [ParameterChange] {
        if a.count == b.count, zip(a, b).allSatisfy({ $0.means($1) }) { return [] }
        if a.count == 1, b.count == 1 { return [changed(a[0], b[0], position: nil)] }
        if a.count == b.count, isPermutation(a, b) {
            let subject = b[0].subject, item = b[0].item
            return [ParameterChange(kind: .reordered, subject: subject, item: item,
                                    old: chainText(a), new: chainText(b))]
        }
        var changes: [ParameterChange] = []
        var i = 0, j = 0
        for (p, q) in anchors(a, b) + [(a.count, b.count)] {
            let oldGap = Array(a[i..<p]), newGap = Array(b[j..<q])
            let paired = min(oldGap.count, newGap.count)
            for k in 0..<paired {
                changes.append(changed(oldGap[k], newGap[k], position: "rule \(j + k + 1) of \(b.count)"))
            }
            for k in paired..<newGap.count {
                let position = q < b.count ? "before \(ruleText(b[q], in: b))"
                    : j + k > 0 ? "after \(ruleText(b[j + k - 1], in: b))" : nil
                let rule = newGap[k]
                changes.append(ParameterChange(kind: .added, subject: rule.subject, item: rule.item, old: nil,
                                               new: ruleText(rule, in: b), newValue: rule.value, position: position))
            }
            for k in paired..<oldGap.count {
                let rule = oldGap[k]
                changes.append(ParameterChange(kind: .removed, subject: rule.subject, item: rule.item,
                                               old: ruleText(rule, in: a), new: nil, oldValue: rule.value,
                                               position: "rule \(i + k + 1) of \(a.count)"))
            }
            i = p + 1
            j = q + 1
        }
        return changes
    }

    /// One rule replaced by another in the same place.
    static func changed(_ a: PolicyEntry, _ b: PolicyEntry, position: String?) -> ParameterChange {
        let chained = position != nil
        return ParameterChange(kind: .changed, subject: b.subject, item: b.item,
                               old: ruleText(a, chained: chained), new: ruleText(b, chained: chained),
                               oldValue: a.value, newValue: b.value, position: position)
    }

    /// A rule as written in a chain: `= 10%` (the operator shown once there is more than one
    /// rule), `+= 2%`.
    static func ruleText(_ rule: PolicyEntry, chained: Bool) -> String {
        rule.operation == "=" && chained ? "= " + rule.text : rule.text
    }

    static func ruleText(_ rule: PolicyEntry, in chain: [PolicyEntry]) -> String {
        ruleText(rule, chained: chain.count > 1)
    }

    static func chainText(_ chain: [PolicyEntry]) -> String {
        chain.map { ruleText($0, in: chain) }.joined(separator: ", then ")
    }

    /// Whether `b` is `a` in another order.
    static func isPermutation(_ a: [PolicyEntry], _ b: [PolicyEntry]) -> Bool {
        var unused = b
        for rule in a {
            guard let k = unused.firstIndex(where: { $0.means(rule) }) else { return false }
            unused.remove(at: k)
        }
        return unused.isEmpty
    }

    /// Index pairs of the rules the standard library's diff (Myers') keeps in both chains, in order.
    /// Chains past `alignmentLimit` pairs (far beyond any real policy) are paired by position,
    /// so a pathological file cannot make the diff quadratic.
    static func anchors(_ a: [PolicyEntry], _ b: [PolicyEntry]) -> [(Int, Int)] {
        guard a.count * b.count <= alignmentLimit else { return [] }
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in b.difference(from: a, by: { $0.means($1) }) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        return Array(zip(a.indices.filter { !removed.contains($0) }, b.indices.filter { !inserted.contains($0) }))
    }
}
