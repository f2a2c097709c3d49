import LeverSyntax

/// Where an expression sits: which names it may read and at what level it is evaluated.
///
/// A param is constant; a class body is evaluated per position; a margin condition per account.
/// The level rules follow from this: a constant expression reads only constants, and an
/// account-level expression reads per-position names only inside an aggregate.
struct Scope: Sendable {
    /// The level the expression is evaluated at.
    var level: Level
    /// What the expression is, for messages: `a param`, `a table bound`.
    var purpose: String
    /// Inside `sum(…)` and friends: per-position names are allowed.
    var inAggregate = false
    /// The parameter of the curve whose body this is.
    var curveParameter: String?
    /// At the root of a curve body, where `kinked(…)` is allowed.
    var allowsKinked = false
    /// Inside the argument of an aggregate over groups (`sum(abs(sum(x, by: asset)))`): the
    /// key its grouped aggregates share. The argument is evaluated once per group.
    var groupKey: String?

    static func constant(_ purpose: String) -> Scope { Scope(level: .constant, purpose: purpose) }
    static func position(_ purpose: String) -> Scope { Scope(level: .position, purpose: purpose) }
    static func account(_ purpose: String) -> Scope { Scope(level: .account, purpose: purpose) }

    /// The same scope one level down in the tree (kinked is only allowed at the root).
    var nested: Scope {
        var s = self
        s.allowsKinked = false
        return s
    }

    /// The scope inside an aggregate's argument.
    var aggregate: Scope {
        var s = nested
        s.inAggregate = true
        s.groupKey = nil
        return s
    }

    /// The scope of an aggregate's argument evaluated once per group of `key`.
    func groups(_ key: String) -> Scope {
        var s = nested
        s.groupKey = key
        return s
    }
}
