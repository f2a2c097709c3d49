import Lever

/// The semantic difference between two checked policies: what was added, removed or changed,
/// declaration by declaration — not a text diff.
public enum ParameterDiff {
    /// Changes in the new policy's order, removals placed where they stood in the old one.
    public static func compare(old: CheckResult, new: CheckResult) -> [ParameterChange] {
        let before = PolicyFlattener(old).entries()
        let after = PolicyFlattener(new).entries()
        let oldByKey = Dictionary(before.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        let newKeys = Set(after.map(\.key))
        var changes: [ParameterChange] = []
        for entry in after {
            guard let previous = oldByKey[entry.key] else {
                changes.append(ParameterChange(kind: .added, subject: entry.subject, item: entry.item,
                                               old: nil, new: entry.text, newValue: entry.value))
                continue
            }
            if differs(previous, entry) {
                changes.append(ParameterChange(kind: .changed, subject: entry.subject, item: entry.item,
                                               old: previous.text, new: entry.text,
                                               oldValue: previous.value, newValue: entry.value))
            }
        }
        for entry in before where !newKeys.contains(entry.key) {
            changes.append(ParameterChange(kind: .removed, subject: entry.subject, item: entry.item,
                                           old: entry.text, new: nil, oldValue: entry.value))
        }
        return changes
    }

    /// Constants compare by value (so `85%` equals `0.85`), everything else by text.
    static func differs(_ a: PolicyEntry, _ b: PolicyEntry) -> Bool {
        if a.operation != b.operation { return true }
        if let x = a.value, let y = b.value { return abs(x - y) > 1e-12 * max(1, abs(x), abs(y)) }
        return a.text != b.text
    }
}
