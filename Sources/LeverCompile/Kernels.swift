import LeverNumerics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An element-wise binary operation, as a type so that each kernel loop is specialised for it.
protocol BinaryOperation {
    static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N
}

@inline(__always) func truth<N: MarginNumber>(_ b: Bool) -> N { b ? N.one : N.zero }
@inline(__always) func isTrue<N: MarginNumber>(_ x: N) -> Bool { x != N.zero }
/// The undefined value (NaN in `Double`, the invalid marker in fixed point).
@inline(__always) func undefined<N: MarginNumber>() -> N { N(approximating: .nan) }
/// `if c then x else y`: undefined when the condition is, whatever the branches hold.
@inline(__always) func chosen<N: MarginNumber>(_ c: N, _ x: N, _ y: N) -> N {
    c.isValid ? (c != N.zero ? x : y) : c
}
/// A comparison in three-valued logic: undefined when either side is. A risk engine fails
/// closed: `health < 1` of an account whose health cannot be computed must not read as false
/// (which would make the account `healthy`), so the undefined value flows on to the decision.
@inline(__always) func compared<N: MarginNumber>(_ a: N, _ b: N, _ holds: Bool) -> N {
    a.isValid && b.isValid ? truth(holds) : undefined()
}

enum AddOp: BinaryOperation { @inline(__always) static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N { a + b } }
enum SubtractOp: BinaryOperation { @inline(__always) static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N { a - b } }
enum MultiplyOp: BinaryOperation { @inline(__always) static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N { a * b } }
enum ScaleOp: BinaryOperation { @inline(__always) static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N { a == N.zero ? a : a * b } }
/// Division by zero is defined, never NaN: ±∞ by the numerator's sign, and +∞ for 0 ÷ 0 (a
/// ratio of cover to exposure with no exposure is fully covered, as a health factor with no debt).
enum DivideOp: BinaryOperation {
    @inline(__always) static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N {
        b == N.zero ? (a.isValid ? (a < N.zero ? N.zero - N.infinity : N.infinity) : a) : a / b
    }
}
/// A direction of rounding as a type, so that each rounded kernel's loop is specialised for it.
protocol RoundingDirection { static var rounding: Rounding { get } }
enum RoundDown: RoundingDirection { static var rounding: Rounding { .down } }
enum RoundUp: RoundingDirection { static var rounding: Rounding { .up } }
enum RoundHalfEven: RoundingDirection { static var rounding: Rounding { .halfEven } }

/// A product rounded in `R`'s direction at the last decimal.
enum MultiplyRoundedOp<R: RoundingDirection>: BinaryOperation {
    @inline(__always) static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N { a.multiplied(by: b, rounding: R.rounding) }
}
/// A quotient rounded in `R`'s direction; division by zero as `DivideOp`.
enum DivideRoundedOp<R: RoundingDirection>: BinaryOperation {
    @inline(__always) static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N {
        b == N.zero ? DivideOp.apply(a, b) : a.divided(by: b, rounding: R.rounding)
    }
}
/// The whole quotient toward −∞ (`rising` false) or +∞. The last decimal is rounded away from
/// the whole number the result rounds to (toward zero when it lies on the rounding side, away
/// otherwise), so a quotient just past a whole number is never rounded onto it first.
enum WholeDivideOp<Rising: RoundingDirection>: BinaryOperation {
    @inline(__always) static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N {
        guard b != N.zero else { return DivideOp.apply(a, b) }
        let negative = (a < N.zero) != (b < N.zero)
        let up = Rising.rounding == .up
        // Toward −∞ of a positive quotient, or toward +∞ of a negative one, is toward zero.
        let lastDecimal: Rounding = negative == up ? .down : .up
        return a.divided(by: b, rounding: lastDecimal).rounded(up ? .up : .down)
    }
}
/// `min` and `max` are undefined when either side is (a bare `b < a ? b : a` would drop a NaN `b`).
enum MinOp: BinaryOperation {
    @inline(__always) static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N { b.isValid ? (b < a ? b : a) : b }
}
enum MaxOp: BinaryOperation {
    @inline(__always) static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N { b.isValid ? (b > a ? b : a) : b }
}
enum PowerOp: BinaryOperation {
    static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N { N(approximating: pow(a.doubleValue, b.doubleValue)) }
}
enum EqualOp: BinaryOperation { @inline(__always) static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N { compared(a, b, a == b) } }
enum NotEqualOp: BinaryOperation { @inline(__always) static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N { compared(a, b, a != b) } }
enum LessOp: BinaryOperation { @inline(__always) static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N { compared(a, b, a < b) } }
enum LessEqualOp: BinaryOperation { @inline(__always) static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N { compared(a, b, a <= b) } }
enum GreaterOp: BinaryOperation { @inline(__always) static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N { compared(a, b, a > b) } }
enum GreaterEqualOp: BinaryOperation { @inline(__always) static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N { compared(a, b, a >= b) } }
/// Kleene's `and`: false when either side is false, even if the other is undefined (the answer
/// does not depend on it); true when both are true; else undefined.
enum AndOp: BinaryOperation {
    @inline(__always) static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N {
        if a == N.zero || b == N.zero { return N.zero }
        return a.isValid && b.isValid ? N.one : undefined()
    }
}
/// Kleene's `or`: true when either side is true, even if the other is undefined; false when
/// both are false; else undefined.
enum OrOp: BinaryOperation {
    @inline(__always) static func apply<N: MarginNumber>(_ a: N, _ b: N) -> N {
        if (a.isValid && a != N.zero) || (b.isValid && b != N.zero) { return N.one }
        return a.isValid && b.isValid ? N.zero : undefined()
    }
}

/// The value of a unary kernel at one point. Transcendentals go through `Double`: exact
/// fixed-point policies never need them (on-chain code approximates them with formulas instead).
@inline(__always)
func applyUnary<N: MarginNumber>(_ kernel: UnaryKernel, _ x: N) -> N {
    switch kernel {
    case .negate: return N.zero - x
    case .not: return x.isValid ? truth(!isTrue(x)) : x
    case .abs: return x < N.zero ? N.zero - x : x
    case .sqrt: return x.squareRoot()
    case .exp: return N(approximating: exp(x.doubleValue))
    case .ln: return N(approximating: log(x.doubleValue))
    case .ncdf: return N(approximating: NormalDistribution.cdf(x.doubleValue))
    case .npdf: return N(approximating: NormalDistribution.pdf(x.doubleValue))
    case .floor: return x.rounded(.down)
    case .ceil: return x.rounded(.up)
    case .round: return x.rounded(.toNearestOrAwayFromZero)
    case .expm1: return N(approximating: expm1(x.doubleValue))
    case .log1p: return N(approximating: log1p(x.doubleValue))
    case .isFalse: return truth(x.isValid && x == N.zero)
    case .isUndefined: return truth(!x.isValid)
    }
}

/// Something made from a binary kernel's operation as a type (a step's loop, a folded value),
/// so that generic code is specialised for the operation: one switch from the kernel to its type.
protocol BinaryKernelVisitor {
    associatedtype Result
    func visit<O: BinaryOperation>(_: O.Type) -> Result
}

extension BinaryKernel {
    /// `visitor` applied to this kernel's operation type.
    func accept<V: BinaryKernelVisitor>(_ visitor: V) -> V.Result {
        switch self {
        case .add: visitor.visit(AddOp.self)
        case .subtract: visitor.visit(SubtractOp.self)
        case .multiply: visitor.visit(MultiplyOp.self)
        case .scale: visitor.visit(ScaleOp.self)
        case .divide: visitor.visit(DivideOp.self)
        case .power: visitor.visit(PowerOp.self)
        case .min: visitor.visit(MinOp.self)
        case .max: visitor.visit(MaxOp.self)
        case .equal: visitor.visit(EqualOp.self)
        case .notEqual: visitor.visit(NotEqualOp.self)
        case .less: visitor.visit(LessOp.self)
        case .lessEqual: visitor.visit(LessEqualOp.self)
        case .greater: visitor.visit(GreaterOp.self)
        case .greaterEqual: visitor.visit(GreaterEqualOp.self)
        case .and: visitor.visit(AndOp.self)
        case .or: visitor.visit(OrOp.self)
        case .multiplyDown: visitor.visit(MultiplyRoundedOp<RoundDown>.self)
        case .multiplyUp: visitor.visit(MultiplyRoundedOp<RoundUp>.self)
        case .multiplyHalfEven: visitor.visit(MultiplyRoundedOp<RoundHalfEven>.self)
        case .divideDown: visitor.visit(DivideRoundedOp<RoundDown>.self)
        case .divideUp: visitor.visit(DivideRoundedOp<RoundUp>.self)
        case .divideHalfEven: visitor.visit(DivideRoundedOp<RoundHalfEven>.self)
        case .floorDivide: visitor.visit(WholeDivideOp<RoundDown>.self)
        case .ceilDivide: visitor.visit(WholeDivideOp<RoundUp>.self)
        }
    }

    /// The kernel applied to two values (constant folding: the bits a step would compute).
    func apply(_ a: Double, _ b: Double) -> Double {
        struct Apply: BinaryKernelVisitor {
            let a: Double, b: Double
            func visit<O: BinaryOperation>(_: O.Type) -> Double { O.apply(a, b) }
        }
        return accept(Apply(a: a, b: b))
    }
}

/// An element-wise unary operation, as a type so that each kernel loop is specialised for it:
/// `apply` is `applyUnary` with a constant kernel, so the switch folds away out of the loop.
protocol UnaryOperation {
    static var kernel: UnaryKernel { get }
}

extension UnaryOperation {
    @inline(__always) static func apply<N: MarginNumber>(_ x: N) -> N { applyUnary(kernel, x) }
}

enum NegateOp: UnaryOperation { static var kernel: UnaryKernel { .negate } }
enum NotOp: UnaryOperation { static var kernel: UnaryKernel { .not } }
enum AbsOp: UnaryOperation { static var kernel: UnaryKernel { .abs } }
enum SqrtOp: UnaryOperation { static var kernel: UnaryKernel { .sqrt } }
enum ExpOp: UnaryOperation { static var kernel: UnaryKernel { .exp } }
enum LnOp: UnaryOperation { static var kernel: UnaryKernel { .ln } }
enum NcdfOp: UnaryOperation { static var kernel: UnaryKernel { .ncdf } }
enum NpdfOp: UnaryOperation { static var kernel: UnaryKernel { .npdf } }
enum FloorOp: UnaryOperation { static var kernel: UnaryKernel { .floor } }
enum CeilOp: UnaryOperation { static var kernel: UnaryKernel { .ceil } }
enum RoundOp: UnaryOperation { static var kernel: UnaryKernel { .round } }
enum Expm1Op: UnaryOperation { static var kernel: UnaryKernel { .expm1 } }
enum Log1pOp: UnaryOperation { static var kernel: UnaryKernel { .log1p } }
enum IsFalseOp: UnaryOperation { static var kernel: UnaryKernel { .isFalse } }
enum IsUndefinedOp: UnaryOperation { static var kernel: UnaryKernel { .isUndefined } }
