/// What is known of a node's values before any is computed: that none is undefined, and that
/// none is infinite. Backends use it to leave out the checks three-valued logic needs for an
/// undefined operand (`compared`, `chosen`, a filter's poison) where there can be none; the
/// values are the same either way, bit for bit.
public struct ValueFacts: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Never undefined (NaN).
    public static let defined = ValueFacts(rawValue: 1)
    /// Never undefined nor infinite.
    public static let finite = ValueFacts(rawValue: 3)
    /// Nothing known.
    public static let unknown: ValueFacts = []
}

extension Plan {
    /// Per node, what is known of its values, from the operations alone: the codes the book's
    /// layout writes (kinds, rights, sides, keys, chains), literals, and what each operation keeps.
    /// Anything read from the market or an account's attributes may be undefined.
    public var facts: [ValueFacts] {
        var facts = [ValueFacts](repeating: .unknown, count: nodes.count)
        for (i, node) in nodes.enumerated() {
            facts[i] = Self.facts(of: node.op) { facts[$0.index] }
        }
        return facts
    }

    static func facts(of op: PlanOp, _ of: (NodeRef) -> ValueFacts) -> ValueFacts {
        func all(_ refs: [NodeRef], _ fact: ValueFacts) -> Bool { refs.allSatisfy { of($0).contains(fact) } }
        func known(_ values: [Double]) -> ValueFacts {
            values.allSatisfy(\.isFinite) ? .finite : (values.contains(where: \.isNaN) ? .unknown : .defined)
        }
        switch op {
        case .constant(let v): return known([v])
        case .assetConstants(let values): return known(values)
        case .alias(let a, _), .splat(let a, _), .gather(let a), .broadcast(let a): return of(a)
        case .positionInput(let input):
            switch input {
            // Codes the layout writes. A quantity is finite in a book read from a file, but a
            // book built in Swift may hold anything.
            case .kind, .right, .chain, .bridgeHalted: return .finite
            case .quantity, .entryPrice, .strike, .expiry, .crossChain: return .unknown
            }
        case .positionKey, .side: return .finite
        case .assetInput, .accountInput, .pick, .tableField, .curve, .optionModel: return .unknown
        case .unary(let kernel, let a):
            switch kernel {
            case .negate, .abs, .floor, .ceil, .round: return of(a)
            case .not: return of(a).contains(.defined) ? .finite : .unknown
            case .isFalse, .isUndefined: return .finite
            case .ncdf, .npdf: return of(a).contains(.defined) ? .finite : .unknown
            case .exp, .expm1: return of(a).contains(.defined) ? .defined : .unknown
            case .sqrt, .ln, .log1p: return .unknown
            }
        case .binary(let kernel, let a, let b):
            switch kernel {
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .and, .or:
                return all([a, b], .defined) ? .finite : .unknown
            case .min, .max: return of(a).intersection(of(b))
            // Finite operands can overflow to an infinity, never to NaN (a quotient by zero is ±∞).
            case .add, .subtract, .multiply, .scale, .divide, .multiplyDown, .multiplyUp, .multiplyHalfEven,
                 .divideDown, .divideUp, .divideHalfEven, .floorDivide, .ceilDivide:
                return all([a, b], .finite) ? .defined : .unknown
            case .power: return .unknown
            }
        case .select(let c, let a, let b): return of(c).contains(.defined) ? of(a).intersection(of(b)) : .unknown
        case .cases(_, _, let cases, let fallback): return (cases + [fallback]).reduce(ValueFacts.finite) { $0.intersection(of($1)) }
        case .aggregate(let kind, let a, let filter):
            // A filter's poison (`w − w`) is 0 only for a finite filter.
            guard filter.map({ of($0).contains(.finite) }) ?? true else { return .unknown }
            switch kind {
            case .count: return .finite
            case .sum, .avg: return of(a).contains(.finite) ? .defined : .unknown
            case .max, .min: return of(a)
            case .bits: return of(a).contains(.defined) ? .finite : .unknown
            }
        case .tableRow(_, let keys): return all(keys, .defined) ? .finite : .unknown
        }
    }
}
