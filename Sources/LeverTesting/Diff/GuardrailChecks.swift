import Lever

/// The change checks a policy declares for `lever diff --enforce`.
///
/// The language's `guard` declarations and their library (`Guardrails.check`, on the `guard`
/// branch) are not on main yet, so a policy declares no checks here and `--enforce` passes every
/// change. When they land, this is the one place to change — checked against the `guard` branch
/// in a trial merge, the adapter is:
///
///     public static func declared(in policy: CheckResult) -> [any PolicyChangeCheck] { [DeclaredGuards()] }
///
///     public struct DeclaredGuards: PolicyChangeCheck {
///         public init() {}
///         public func violations(old: CheckResult, new: CheckResult) -> [ChangeViolation] {
///             Guardrails.check(old: old, new: new).map { violation in
///                 let name = violation.row.map { "\($0): \(violation.parameter)" } ?? violation.parameter
///                 return ChangeViolation(parameter: name, message: violation.message)
///             }
///         }
///     }
public enum GuardrailChecks {
    /// The checks the policy declares (none until `guard` declarations land).
    public static func declared(in policy: CheckResult) -> [any PolicyChangeCheck] {
        []
    }
}
