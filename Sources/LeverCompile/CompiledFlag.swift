import LeverCheck
import LeverSyntax

/// A `flag` declaration compiled into the program: plan outputs past the reported ones and the
/// assertions', each a set of raised flags coded as bits, so that a flag raised per asset costs
/// one pass over the positions however many assets there are (not one measure per asset).
public struct CompiledFlag: Sendable, Hashable {
    /// The template as written: `stale_price:{asset}`.
    public var template: String
    /// `prime.lever:210`.
    public var location: String
    /// Up to 52 texts per plan output: bit `i` of output `output` raises `texts[i]`.
    public struct Chunk: Sendable, Hashable {
        public var output: Int
        public var texts: [String]
    }
    public var chunks: [Chunk]

    /// Bits per output: every whole number below 2^52 is exact in a `Double`.
    static let chunkSize = 52

    /// The flags an account's results raise, in declaration then key order; nil when the
    /// condition could not be decided for the account (an input it reads is undefined).
    public func raised(_ results: [[Double]], account a: Int) -> [String]? {
        var texts: [String] = []
        for chunk in chunks {
            let v = results[chunk.output][a]
            guard !v.isNaN else { return nil }
            let bits = UInt64(max(0, v))
            for (i, text) in chunk.texts.enumerated() where bits & (1 << UInt64(i)) != 0 { texts.append(text) }
        }
        return texts
    }
}

extension Lowerer {
    /// Compiles every `flag` into outputs after the assertions'. A template without a key is one
    /// bit, its condition once per account; with `{asset}`, `{venue}` or `{class}`, each
    /// position where the condition holds sets its key value's bit (positions on no venue fill
    /// `{venue}` with `none`).
    mutating func lowerFlags() -> [CompiledFlag] {
        var compiled: [CompiledFlag] = []
        for symbol in symbols.symbols(.flag) {
            guard case .flag(let flag) = symbol.declaration.kind else { continue }
            let location = Self.shortLocation(symbol.declaration.span, in: checked.sources)
            let index = compiled.count
            let condition = lower(flag.condition, LowerContext())
            guard let key = flag.placeholders.first(where: FlagDecl.placeholders.contains) else {
                builder.output("flag \(index)", builder.select(condition, builder.constant(1), builder.constant(0)))
                compiled.append(CompiledFlag(template: flag.text.text, location: location,
                                             chunks: [.init(output: outputIndex("flag \(index)"), texts: [flag.text.text])]))
                continue
            }
            let values: [String] = switch key {
            case "asset": assets
            case "venue": ["none"] + venues
            default: classes
            }
            var chunks: [CompiledFlag.Chunk] = []
            for start in stride(from: 0, to: values.count, by: CompiledFlag.chunkSize) {
                let range = start..<min(values.count, start + CompiledFlag.chunkSize)
                let bit = { (g: Int) -> Double in range.contains(g) ? Double(UInt64(1) << UInt64(g - start)) : 0 }
                let perPosition: NodeRef = switch key {
                case "asset": builder.add(.assetConstants(assets.indices.map(bit)))
                case "class":
                    builder.add(.assetConstants(assetClasses.map { bit(classes.firstIndex(of: $0) ?? -1) }))
                default:
                    // Venue −1 (none) is value 0; declared venue v is value v + 1.
                    builder.cases(.venue, caseOf: venues.indices.map { $0 }, cases: venues.indices.map { builder.constant(bit($0 + 1)) },
                                  fallback: builder.constant(bit(0)))
                }
                let name = "flag \(index) \(start)"
                builder.output(name, builder.aggregate(.bits, perPosition, filter: condition))
                chunks.append(.init(output: outputIndex(name), texts: values[range].map { flag.text(filling: key, with: $0) }))
            }
            compiled.append(CompiledFlag(template: flag.text.text, location: location, chunks: chunks))
        }
        return compiled
    }
}
