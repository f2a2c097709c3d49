/// A value (a pointer, most often) let across into other threads that only read it, or that
/// each write their own disjoint part of what it points to: the caller vouches for that, as the
/// name says. One wrapper for every module, not one per file.
package struct UnsafeSendable<T>: @unchecked Sendable {
    package let value: T
    package init(_ value: T) { self.value = value }
}
