import Lever

/// A rule about how far a policy may move in one change, checked by `lever diff --enforce`.
///
/// The hook the language's guardrail declarations plug into: a check sees both checked policies
/// (so it can read caps declared in the new one) and returns what it forbids. An empty result
/// means the change is allowed.
public protocol PolicyChangeCheck: Sendable {
    /// What the change from `old` to `new` violates.
    func violations(old: CheckResult, new: CheckResult) -> [ChangeViolation]
}

/// A change that moved a parameter further than a cap allows.
public struct ChangeViolation: Sendable, Hashable {
    /// The parameter, as the diff names it (`asset ETH: liquidation_threshold`).
    public var parameter: String
    /// Why, e.g. `moved 10 percentage points; the cap is 5`.
    public var message: String

    /// A violation record.
    public init(parameter: String, message: String) {
        self.parameter = parameter
        self.message = message
    }

    /// `asset ETH: liquidation_threshold moved …`: the message, prefixed by the parameter
    /// unless the message already starts with it.
    public var line: String { message.hasPrefix(parameter) ? message : "\(parameter): \(message)" }
}

/// How far one property may move: an absolute step in base units (0.05 for 5 percentage
/// points) and/or a relative step (0.5 for 50 % of the old value).
public struct ParameterCap: Sendable, Hashable {
    /// The item the cap applies to (`liquidation_threshold`, `slope1`), in any declaration.
    public var item: String
    /// The largest step allowed, in base units (0.05 = 5 percentage points).
    public var maxAbsolute: Double?
    /// The largest step allowed as a share of the old value (0.5 = 50 %).
    public var maxRelative: Double?

    /// A cap record.
    public init(item: String, maxAbsolute: Double? = nil, maxRelative: Double? = nil) {
        self.item = item
        self.maxAbsolute = maxAbsolute
        self.maxRelative = maxRelative
    }
}

/// Checks every constant change in the parameter diff against a table of caps. Until the
/// language declares caps itself, the table is supplied by the caller; a guardrail declaration
/// reader only needs to build this table from the new policy.
public struct CapTableCheck: PolicyChangeCheck {
    /// The caps, matched on a change's item or subject.
    public var caps: [ParameterCap]

    /// A check of `caps`.
    public init(caps: [ParameterCap]) { self.caps = caps }

    /// Every constant change of the diff that breaks a cap.
    public func violations(old: CheckResult, new: CheckResult) -> [ChangeViolation] {
        ParameterDiff.compare(old: old, new: new).flatMap(violations(of:))
    }

    /// The caps one change breaks.
    public func violations(of change: ParameterChange) -> [ChangeViolation] {
        guard change.kind == .changed, let a = change.oldValue, let b = change.newValue else { return [] }
        let name = change.item.isEmpty ? change.subject : "\(change.subject): \(change.item)"
        let item = change.item.isEmpty ? change.subject : change.item
        let step = abs(b - a)
        return caps.filter { $0.item == item || $0.item == change.subject }.compactMap { cap in
            if let limit = cap.maxAbsolute, step > limit + 1e-12 {
                return ChangeViolation(parameter: name, message: "moved \(change.old ?? "") → \(change.new ?? ""), "
                    + "a step of \(ValueText.number(step)); the cap is \(ValueText.number(limit))")
            }
            if let limit = cap.maxRelative, a != 0, step / abs(a) > limit + 1e-12 {
                return ChangeViolation(parameter: name, message: "moved \(change.old ?? "") → \(change.new ?? ""), "
                    + "\(ValueText.number(step / abs(a) * 100))% of its value; the cap is \(ValueText.number(limit * 100))%")
            }
            return nil
        }
    }
}
