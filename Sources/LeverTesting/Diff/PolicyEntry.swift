import Lever

/// One comparable part of a checked policy: the declaration it belongs to, the item within it,
/// its text as the author would write it, its base-unit value when constant, and its canonical
/// form (the syntax tree without spans or comments) when it is not.
///
/// Flattening both versions into entries turns a semantic diff into a comparison of ordered
/// lists, independent of layout, comments and declaration order. Several entries may share a
/// key: the rules of one property in one declaration (`haircut = …`, then `haircut += …`) form
/// a chain whose order is part of its meaning.
struct PolicyEntry: Sendable, Hashable {
    var subject: String
    var item: String
    var text: String
    var value: Double?
    /// The property operator (`=`, `+=`, …), empty for other entries; values compare only under
    /// the same operator.
    var operation = ""
    /// What the entry means when it is not a constant: `ASTDump` of its tree, so spacing,
    /// line breaks and comments inside it are no change.
    var canonical = ""

    /// What the item is matched on when its text is not enough (a curve point's folded x, so
    /// `90%` and `0.9` are the same point).
    var matchItem: String?

    /// The key two versions are matched on.
    var key: String { subject + "\u{0}" + (matchItem ?? item) }

    /// Whether two entries mean the same: the same operator, then the same constant (`85%` is
    /// `0.85`), else the same tree.
    func means(_ other: PolicyEntry) -> Bool {
        if operation != other.operation { return false }
        if let x = value, let y = other.value { return abs(x - y) <= 1e-12 * max(1, abs(x), abs(y)) }
        if (value == nil) != (other.value == nil) { return false }
        return canonical == other.canonical
    }
}
