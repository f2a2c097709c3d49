import Lever

/// The change checks a policy declares for `lever diff --enforce`.
///
/// The language has no guardrail declarations yet, so a policy declares none and `--enforce`
/// passes every change. When `guard` declarations land, this is the one place that turns them
/// into a `CapTableCheck` (caps read from the NEW policy).
public enum GuardrailChecks {
    /// The checks the policy declares.
    public static func declared(in policy: CheckResult) -> [any PolicyChangeCheck] {
        []
    }
}
