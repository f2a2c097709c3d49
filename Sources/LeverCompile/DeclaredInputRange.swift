import LeverCheck
import LeverSyntax

/// An `input … in [lo, hi]` declaration as the engine enforces it on data.
///
/// The checker proves assertions, and checks tables for gaps, only over the declared ranges; an
/// assertion proved there is not compiled at all. A value outside its range would therefore be
/// evaluated by rules nobody checked for it, and a broken assertion would pass unseen. So the
/// engine treats such a value as undefined (with a note naming the declaration): whatever reads
/// it is undefined, and an account whose status depends on it is `unvalued`.
public struct DeclaredInputRange: Sendable, Hashable {
    /// What the range constrains.
    public enum Target: Sendable, Hashable {
        /// A market input of every asset (`vol`), or of one (`BTC.vol`).
        case market(AssetInput, asset: String?)
        /// An account's score or attribute (`account.score`, `account.age`).
        case account(AccountInput)
    }

    public var target: Target
    public var lower: Double
    public var upper: Double
    public var lowerClosed: Bool
    public var upperClosed: Bool
    /// The input as declared: `vol`, `BTC.vol`, `account.score`.
    public var path: String
    /// The interval as written: `[0, 5]`, `(0 USD, 10M USD]`.
    public var text: String
    /// Where it is declared: `prime.lever:23`.
    public var location: String

    /// Whether a defined value lies outside the range. An undefined value is left to the rules
    /// for missing data: it is not a value out of range.
    public func excludes(_ value: Double) -> Bool {
        guard !value.isNaN else { return false }
        let aboveLower = lowerClosed ? value >= lower : value > lower
        let belowUpper = upperClosed ? value <= upper : value < upper
        return !(aboveLower && belowUpper)
    }

    /// Whether the range applies to a market input of an asset.
    public func applies(to input: AssetInput, asset: String) -> Bool {
        guard case .market(let i, let only) = target else { return false }
        return i == input && (only == nil || only == asset)
    }

    /// Why a value is not used, and what to do: `vol 50 is outside `input vol in [0, 5]`
    /// (prime.lever:23): correct the data, or widen the range if the value is real`.
    public func reason(_ value: Double, name: String) -> String {
        let shown = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        return "\(name) \(shown) is outside `input \(path) in \(text)` (\(location)): "
            + "correct the data, or widen the range if the value is real"
    }
}

extension Lowerer {
    /// Every declared input range whose bounds fold to numbers, in declaration order. Inputs the
    /// engine has no column for (none today: the checker accepts only known inputs) are skipped.
    func declaredInputRanges() -> [DeclaredInputRange] {
        let fold = folder
        return symbols.symbols(.input).compactMap { symbol -> DeclaredInputRange? in
            guard case .input(let name, let interval) = symbol.declaration.kind,
                  let lo = fold.fold(interval.lower), let hi = fold.fold(interval.upper) else { return nil }
            let parts = name.text.split(separator: ".").map(String.init)
            let target: DeclaredInputRange.Target
            switch parts.count {
            case 1:
                guard symbols.isMarketInput(parts[0]) else { return nil }
                target = .market(AssetInput(rawValue: parts[0]), asset: nil)
            case 2 where parts[0] == "account":
                target = .account(parts[1] == "score" ? .score : .attribute(parts[1]))
            case 2 where parts[0] == "asset":
                // `input asset.adv_30d in […]`: declares the input and its range for every asset.
                target = .market(AssetInput(rawValue: parts[1]), asset: nil)
            case 2:
                guard symbols.isMarketInput(parts[1]) else { return nil }
                target = .market(AssetInput(rawValue: parts[1]), asset: parts[0])
            default:
                return nil
            }
            return DeclaredInputRange(target: target, lower: lo, upper: hi, lowerClosed: interval.lowerClosed,
                                      upperClosed: interval.upperClosed, path: name.text, text: source(interval.span),
                                      location: Self.shortLocation(symbol.declaration.span, in: checked.sources))
        }
    }
}
