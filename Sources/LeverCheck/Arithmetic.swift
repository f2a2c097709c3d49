import LeverNumerics
import LeverSyntax

/// The number model a policy computes in: its `arithmetic` block.
///
/// `float` is binary64 (`Double`), the fast default. A policy that mirrors an on-chain market
/// declares exact decimal fixed point instead: `wad` (18 decimals, Aave's and Compound's
/// amounts) or `ray` (27 decimals, Aave's rates and indices), with products and quotients
/// rounded at the last decimal as `rounding` says (half up, as WadRayMath, unless set).
/// Sums are exact; a value out of range (±1.7e20 in wad, ±1.7e11 in ray) or a division by zero
/// that has no defined answer is undefined, never wrapped.
public struct Arithmetic: Sendable, Hashable, CustomStringConvertible {
    /// The number type.
    public enum Numbers: String, Sendable, Hashable, CaseIterable {
        case float, wad, ray
        /// Decimals of the fixed-point scale; nil for `float`.
        public var decimals: Int? {
            switch self {
            case .float: nil
            case .wad: 18
            case .ray: 27
            }
        }
    }

    public var numbers: Numbers
    /// How a product or quotient with no written direction rounds (fixed point only).
    public var rounding: Rounding

    public init(numbers: Numbers = .float, rounding: Rounding = .halfUp) {
        self.numbers = numbers
        self.rounding = rounding
    }

    /// Whether values are exact decimals (wad or ray) rather than binary floating point.
    public var isFixedPoint: Bool { numbers != .float }

    /// `float`, `wad, rounding half_up`: how reports and `lever doc` name it.
    public var description: String {
        isFixedPoint ? "\(numbers.rawValue), rounding \(Self.word(rounding))" : numbers.rawValue
    }

    /// The policy word of a rounding direction (`half_up`).
    public static func word(_ rounding: Rounding) -> String {
        switch rounding {
        case .down: "down"
        case .up: "up"
        case .halfUp: "half_up"
        case .halfEven: "half_even"
        }
    }

    /// The direction a policy word names.
    public static func rounding(word: String) -> Rounding? {
        [Rounding.down, .up, .halfUp, .halfEven].first { Self.word($0) == word }
    }

    /// The functions no fixed-point arithmetic computes exactly: they go through binary floating
    /// point, so a policy that declares exact numbers may not call them.
    public static let inexactFunctions: Set<String> = ["exp", "ln", "ncdf", "npdf"]
}

extension SymbolTable {
    /// The policy's `arithmetic` block, read word by word (the checker has typed the words; an
    /// unknown or missing word keeps the default).
    public var arithmetic: Arithmetic {
        var result = Arithmetic()
        for property in settingsBody(.arithmetic) ?? [] {
            guard case .name(let word) = property.value.kind else { continue }
            switch property.name.text {
            case "numbers": result.numbers = Arithmetic.Numbers(rawValue: word) ?? result.numbers
            case "rounding": result.rounding = Arithmetic.rounding(word: word) ?? result.rounding
            default: break
            }
        }
        return result
    }
}
