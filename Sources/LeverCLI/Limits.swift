import Lever

/// The limits the `lever` commands read inputs within (`PolicyLimits`, `InputLimits`), with the
/// ones a user may legitimately need to raise — a large generated policy, a large book — taken
/// from environment variables. They are read from the command's `Console`, never from a global,
/// so tests set them per run.
struct Limits {
    var policy = PolicyLimits.standard
    var input = InputLimits.standard

    /// One variable: its name, whether it is a size (`2G`) or a count, and what it sets.
    struct Variable: Sendable {
        var name: String
        var isSize: Bool
        var apply: @Sendable (inout Limits, Int) -> Void
    }

    static let variables: [Variable] = [
        Variable(name: "LEVER_MAX_POLICY_BYTES", isSize: true) { $0.policy.maxBytes = $1 },
        Variable(name: "LEVER_MAX_BOOK_BYTES", isSize: true) { $0.input.maxBookBytes = $1 },
        Variable(name: "LEVER_MAX_MARKET_BYTES", isSize: true) { $0.input.maxMarketBytes = $1 },
        Variable(name: "LEVER_MAX_ACCOUNTS", isSize: false) { $0.input.maxAccounts = $1 },
        Variable(name: "LEVER_MAX_POSITIONS", isSize: false) { $0.input.maxPositionsPerAccount = $1 },
    ]

    /// The variable that raises the size limit of this kind of input.
    static func variable(for kind: InputKind) -> String? {
        switch kind {
        case .policy: "LEVER_MAX_POLICY_BYTES"
        case .book: "LEVER_MAX_BOOK_BYTES"
        case .market: "LEVER_MAX_MARKET_BYTES"
        case .file: nil
        }
    }

    /// The limits the console's environment sets, or the message saying which variable is not a
    /// positive number.
    static func from(_ environment: [String: String]) -> Result<Limits, InputFile.Message> {
        var limits = Limits()
        for variable in variables {
            guard let text = environment[variable.name], !text.isEmpty else { continue }
            let value = variable.isSize ? ByteCount.parse(text) : Int(text.filter { $0 != "_" && $0 != "," })
            guard let value, value > 0 else {
                let form = variable.isSize ? "a number of bytes, optionally with K, M or G (`2G`)" : "a whole number (`5000000`)"
                return .failure(InputFile.Message(text: "error: \(variable.name)=`\(text)` is not \(form)"))
            }
            variable.apply(&limits, value)
        }
        return .success(limits)
    }

    /// The limits of `console`'s environment, or nil after printing why they are wrong.
    static func read(_ console: Console) -> Limits? {
        switch from(console.environment) {
        case .success(let limits): return limits
        case .failure(let message):
            console.err(message.text + "\n")
            return nil
        }
    }
}
