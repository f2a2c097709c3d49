import Lever

/// The change checks `lever diff --enforce` runs: the `guard` declarations, judged by the
/// guardrail library (`Guardrails.check`), whose caps are those of the OLD (approved) policy so
/// that a change cannot loosen its own cap.
///
/// Kept as a list of `PolicyChangeCheck`s so other checks (a caller's own `CapTableCheck`) sit
/// beside the declared guards without the diff knowing how either reads its caps.
public enum GuardrailChecks {
    /// The checks a change between two policies must pass (`policy` is kept for checks that read
    /// their caps from one version).
    /// `history` is when guarded parameters last changed (the approval records `--history`
    /// reads), for guards with `every`; nil when none was given.
    public static func declared(in policy: CheckResult, history: GuardHistory? = nil) -> [any PolicyChangeCheck] {
        [DeclaredGuards(history: history)]
    }
}

/// The policy's own `guard` declarations, as the guardrail library reads them.
public struct DeclaredGuards: PolicyChangeCheck {
    /// When guarded parameters last changed, for guards with `every`.
    public var history: GuardHistory?

    /// The check.
    public init(history: GuardHistory? = nil) { self.history = history }

    /// The declared guards' violations, named `row: parameter`.
    public func violations(old: CheckResult, new: CheckResult) -> [ChangeViolation] {
        Guardrails.check(old: old, new: new, history: history).map { violation in
            let name = violation.row.map { "\($0): \(violation.parameter)" } ?? violation.parameter
            return ChangeViolation(parameter: name, message: violation.message)
        }
    }
}
