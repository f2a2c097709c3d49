import Lever

/// One comparable value of a checked policy: the declaration it belongs to, the item within it,
/// its text as the author would write it, and its base-unit value when constant.
///
/// Flattening both versions into entries keyed by (subject, item) turns a semantic diff into a
/// comparison of two ordered maps, independent of layout, comments and declaration order.
struct PolicyEntry: Sendable, Hashable {
    var subject: String
    var item: String
    var text: String
    var value: Double?
    /// The property operator (`=`, `+=`, …), empty for other entries; values compare only under
    /// the same operator.
    var operation = ""

    /// What the item is matched on when its text is not enough (a curve point's folded x, so
    /// `90%` and `0.9` are the same point).
    var matchItem: String?

    /// The key two versions are matched on.
    var key: String { subject + "\u{0}" + (matchItem ?? item) }
}
