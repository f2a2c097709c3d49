import LeverSyntax

/// What a name in an expression refers to; recorded per node for the compiler and `explain`.
public enum Resolution: Sendable, Hashable {
    case param(String)
    case measure(String)
    /// The parameter of the curve being defined (`utilization` in `curve r(utilization) = …`).
    case curveParameter(String)
    /// A market input of the current asset (`vol`).
    case marketInput(String)
    /// A market input of a named asset (`BTC.price`).
    case assetInput(asset: String, input: String)
    /// A property of a named asset (`BTC.haircut`): its rule chain for that asset, read outside
    /// any position (so a rule that reads the position cannot be read this way).
    case assetProperty(asset: String, property: String)
    case positionField(String)
    /// A standard or class-defined property of the current position's asset.
    case property(String)
    /// A property of a settings block (`initial` in `margin`).
    case setting(Keyword, String)
    case accountResult(String)
    /// `account.score`, or an attribute read from the book.
    case accountAttribute(String)
    /// A table read bare: the matching row's label (`tier`).
    case tableLabel(String)
    /// A field of the matching row (`tier.credit_line`).
    case tableField(table: String, field: String)
    /// A row label used as a value (`tier == Prime`).
    case rowLabel(table: String, label: String)
    /// An enum word (`long`).
    case word(WordSet, String)
    /// An asset, class or venue name used as a value (`asset == BTC`).
    case entity(SymbolKind, String)
    case builtin(String)
    case curve(String)
    /// `positions` in `count(positions)`.
    case positions

    /// True for names that need a current position: outside an aggregate, an account-level
    /// expression cannot read them.
    public var isPerPosition: Bool {
        switch self {
        case .marketInput, .positionField, .property: true
        case .setting(let k, let name): k == .margin && Vocabulary.marginProperties[name]?.level == .position
        case .param, .measure, .curveParameter, .assetInput, .assetProperty, .accountResult, .accountAttribute, .tableLabel,
             .tableField, .rowLabel, .word, .entity, .builtin, .curve, .positions: false
        }
    }
}
