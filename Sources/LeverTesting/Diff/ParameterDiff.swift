import Lever

/// The semantic difference between two checked policies: what was added, removed, changed or
/// reordered, declaration by declaration, as the compiler sees them — not a text diff.
///
/// Complete by construction: `PolicyFlattener` turns every field of every surviving declaration
/// into entries, entries sharing a key form ordered chains, and every key of either version is
/// compared (`RuleChainDiff`), so any difference that can change an evaluation is a change here.
/// Spacing, comments, declaration order and respelt constants (`85%` for `0.85`) are not.
public enum ParameterDiff {
    /// Changes in the new policy's order, removals placed after them in the old one's order.
    public static func compare(old: CheckResult, new: CheckResult) -> [ParameterChange] {
        let before = chains(PolicyFlattener(old).entries())
        let after = chains(PolicyFlattener(new).entries())
        var changes: [ParameterChange] = []
        for (key, rules) in after.ordered {
            guard let previous = before.rules(key) else {
                changes += rules.map { added($0, chain: rules) }
                continue
            }
            changes += RuleChainDiff.changes(old: previous, new: rules)
        }
        for (key, rules) in before.ordered where after.byKey[key] == nil {
            changes += rules.map { removed($0, chain: rules) }
        }
        return RuleReach(old: old, new: new).annotate(changes)
    }

    static func added(_ rule: PolicyEntry, chain: [PolicyEntry]) -> ParameterChange {
        ParameterChange(kind: .added, subject: rule.subject, item: rule.item, old: nil,
                        new: RuleChainDiff.ruleText(rule, in: chain), newValue: rule.value)
    }

    static func removed(_ rule: PolicyEntry, chain: [PolicyEntry]) -> ParameterChange {
        ParameterChange(kind: .removed, subject: rule.subject, item: rule.item,
                        old: RuleChainDiff.ruleText(rule, in: chain), new: nil, oldValue: rule.value)
    }

    /// Entries grouped by key, keys in first-seen order, each group in written order.
    struct Chains {
        var ordered: [(String, [PolicyEntry])] = []
        var byKey: [String: Int] = [:]

        /// The chain of rules filed under `key`, if any.
        func rules(_ key: String) -> [PolicyEntry]? {
            byKey[key].map { ordered[$0].1 }
        }
    }

    static func chains(_ entries: [PolicyEntry]) -> Chains {
        var chains = Chains()
        for entry in entries {
            if let k = chains.byKey[entry.key] {
                chains.ordered[k].1.append(entry)
            } else {
                chains.byKey[entry.key] = chains.ordered.count
                chains.ordered.append((entry.key, [entry]))
            }
        }
        return chains
    }
}
