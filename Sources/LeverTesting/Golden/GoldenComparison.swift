import LeverEngine

/// Compares an expected report with the actual one, both as parsed stable JSON.
///
/// Numbers match within a relative tolerance; everything else (labels, flags, the string
/// `"Infinity"`, `null`) must be equal. Accounts are matched by id and outputs by name, so
/// differences name the account and field rather than a line of text.
struct GoldenComparison {
    /// Relative tolerance for numbers.
    var tolerance: Double
    /// Only these outputs (nil: all, plus notes, liquidation and the report header).
    var fields: [String]?
    /// Differences found so far.
    private(set) var differences: [GoldenDifference] = []

    init(tolerance: Double, fields: [String]?) {
        self.tolerance = tolerance
        self.fields = fields
    }

    /// Compares two whole reports.
    ///
    /// The report's `policy` (name, version, hash) and `engine` are provenance, not expectations:
    /// they say what the numbers were approved under (`GoldenApproval`), and a policy edit that
    /// moves no number must not fail a case, so neither is compared here.
    mutating func compare(expected: JSONValue, actual: JSONValue) {
        let header = ["as_of", "horizon_days"] + (fields == nil ? ["market_issues", "outputs", "summary"] : [])
        for key in header { value(expected[key], actual[key], account: nil, path: key) }
        compareAccounts(expected: Self.accounts(expected), actual: Self.accounts(actual))
    }

    static func accounts(_ report: JSONValue) -> [(id: String, value: JSONValue)] {
        guard case .array(let items)? = report["accounts"] else { return [] }
        return items.map { item in
            if case .string(let id)? = item["id"] { return (id, item) }
            return ("?", item)
        }
    }

    private mutating func compareAccounts(expected: [(id: String, value: JSONValue)], actual: [(id: String, value: JSONValue)]) {
        let actualByID = Dictionary(actual.map { ($0.id, $0.value) }, uniquingKeysWith: { first, _ in first })
        let expectedIDs = Set(expected.map(\.id))
        for (id, e) in expected {
            guard let a = actualByID[id] else {
                differences.append(GoldenDifference(kind: .missing, account: id, field: "", expected: nil, actual: nil))
                continue
            }
            compareAccount(id: id, expected: e, actual: a)
        }
        for (id, _) in actual where !expectedIDs.contains(id) {
            differences.append(GoldenDifference(kind: .unexpected, account: id, field: "", expected: nil, actual: nil))
        }
    }

    private mutating func compareAccount(id: String, expected: JSONValue, actual: JSONValue) {
        // `violations` (runtime assertions broken or undecided) are part of what a case approves:
        // a change that breaks, mends or newly leaves undecided an assertion is a difference. So
        // are the flags an account raises.
        let structural = ["evaluated", "notes", "liquidation", "violations", "flags"].filter(selected)
        for key in structural { value(expected[key], actual[key], account: id, path: key) }
        let e = Self.members(expected["values"]), a = Self.members(actual["values"])
        var names = e.map(\.key)
        for member in a where !names.contains(member.key) { names.append(member.key) }
        for name in names where selected(name) {
            value(e.first { $0.key == name }?.value, a.first { $0.key == name }?.value, account: id, path: name)
        }
    }

    /// True when `name` is among the expected fields (every name when none are listed).
    func selected(_ name: String) -> Bool { fields.map { $0.contains(name) } ?? true }

    static func members(_ value: JSONValue?) -> [JSONValue.Member] {
        if case .object(let members)? = value { return members }
        return []
    }

    /// Compares two values at `path`, descending into objects and equal-length arrays.
    private mutating func value(_ e: JSONValue?, _ a: JSONValue?, account: String?, path: String) {
        switch (e, a) {
        case (nil, nil): return
        case (let e?, nil): record(.missing, account, path, e, nil)
        case (nil, let a?): record(.unexpected, account, path, nil, a)
        case (.object(let em)?, .object(let am)?):
            var keys = em.map(\.key)
            for member in am where !keys.contains(member.key) { keys.append(member.key) }
            for key in keys {
                let e = em.first { $0.key == key }?.value, a = am.first { $0.key == key }?.value
                value(e, a, account: account, path: path + "." + key)
            }
        case (.array(let ea)?, .array(let aa)?) where ea.count == aa.count:
            for (i, pair) in zip(ea, aa).enumerated() { value(pair.0, pair.1, account: account, path: "\(path)[\(i)]") }
        case (let e?, let a?):
            if !matches(e, a) { record(.changed, account, path, e, a) }
        }
    }

    private mutating func record(_ kind: GoldenDifference.Kind, _ account: String?, _ path: String,
                                 _ e: JSONValue?, _ a: JSONValue?) {
        differences.append(GoldenDifference(kind: kind, account: account, field: path,
                                            expected: e?.compactText, actual: a?.compactText))
    }

    /// Numbers within the relative tolerance; anything else exactly.
    func matches(_ e: JSONValue, _ a: JSONValue) -> Bool {
        if case .number(let x) = e, case .number(let y) = a {
            return x == y || abs(x - y) <= tolerance * max(abs(x), abs(y))
        }
        return e == a
    }
}
