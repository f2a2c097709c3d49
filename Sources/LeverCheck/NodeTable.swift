import LeverSyntax

/// Identity of a node across every file of a check: node ids are unique only within one parse.
public struct NodeKey: Sendable, Hashable {
    public var file: Int
    public var id: NodeID

    public init(file: Int, id: NodeID) {
        self.file = file
        self.id = id
    }
}

/// A side table from nodes to what the checker found out about them (types, resolutions).
///
/// Side tables keep the AST immutable and shared between phases (cel-go's type map); the
/// compiler and `explain` read them through the same node identity.
public struct NodeTable<Value: Sendable>: Sendable {
    public private(set) var storage: [NodeKey: Value] = [:]

    public init() {}

    /// The value recorded for an expression, looked up by its file and id.
    public subscript(_ expr: Expr) -> Value? {
        get { storage[NodeKey(file: expr.span.file, id: expr.id)] }
        set { storage[NodeKey(file: expr.span.file, id: expr.id)] = newValue }
    }

    public subscript(file file: Int, id id: NodeID) -> Value? {
        storage[NodeKey(file: file, id: id)]
    }

    public var count: Int { storage.count }
}
