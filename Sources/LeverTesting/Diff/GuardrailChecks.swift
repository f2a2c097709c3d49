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
    public static func declared(in policy: CheckResult) -> [any PolicyChangeCheck] {
        [DeclaredGuards()]
    }
}

/// The policy's own `guard` declarations, as the guardrail library reads them.
public struct DeclaredGuards: PolicyChangeCheck {
    /// The check.
    public init() {}

    /// The declared guards' violations, named `row: parameter`.
    public func violations(old: CheckResult, new: CheckResult) -> [ChangeViolation] {
        Guardrails.check(old: old, new: new).map { violation in
            let name = violation.row.map { "\($0): \(violation.parameter)" } ?? violation.parameter
            return ChangeViolation(parameter: name, message: violation.message)
        }
    }
}
