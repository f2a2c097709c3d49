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

    /// The key two versions are matched on.
    var key: String { subject + "\u{0}" + item }
}
