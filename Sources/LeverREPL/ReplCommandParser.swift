/// Reads `:command arguments` into a `ReplCommand`, or says what is wrong in one sentence.
///
/// Kept apart from the session so that the command syntax is unit-tested on its own.
public enum ReplCommandParser {
    /// Every command word, for `:help` and completion.
    public static let names = ["account", "book", "eval", "explain", "help", "load", "market", "plot", "quit",
                               "reload", "remedy", "reset", "set", "shock", "type"]

    /// One line of help per command.
    public static let help = """
        :load FILE            load a policy
        :reload               re-read the policy when the file changed
        :market FILE          load a market snapshot (JSON)
        :book FILE            load a book of accounts (JSON)
        :type EXPR            show the type, unit and level of an expression
        :account [ID]         evaluate expressions for one account (none: the whole book)
        :explain WHAT         explain an account (ID), one result (ID.M) or an expression
        :eval [ACCOUNT]       evaluate the book (or one account) and print the report
        :remedy ACCOUNT       the least top-up, repayment or reduction that makes it healthy
        :set ASSET.F = V      set an asset's price (100 USD, 2.5k USD), vol or utilization (90%)
        :shock SCENARIO       apply a policy scenario's shocks to the market
        :reset                undo every :set and :shock
        :plot CURVE|EXPR      plot a curve or an expression of utilization
        :help                 show this help
        :quit                 leave the REPL
        """

    /// Parses text that starts with `:`; a failure is the message to show.
    public static func parse(_ text: String) -> Result<ReplCommand, ReplCommandError> {
        let body = text.trimmingWhitespace().dropFirst()
        let word = String(body.prefix { !$0.isWhitespace })
        let rest = String(body.dropFirst(word.count)).trimmingWhitespace()
        switch word {
        case "load": return argument(rest, "load", "FILE").map(ReplCommand.load)
        case "market": return argument(rest, "market", "FILE").map(ReplCommand.market)
        case "book": return argument(rest, "book", "FILE").map(ReplCommand.book)
        case "type": return argument(rest, "type", "EXPR").map(ReplCommand.type)
        case "plot": return argument(rest, "plot", "CURVE or EXPR").map(ReplCommand.plot)
        case "shock": return argument(rest, "shock", "SCENARIO").map(ReplCommand.shock)
        case "explain": return argument(rest, "explain", "ACCOUNT, ACCOUNT.MEASURE or EXPR").map(ReplCommand.explain)
        case "account": return .success(.account(rest.isEmpty ? nil : rest))
        case "eval": return .success(.eval(account: rest.isEmpty ? nil : rest))
        case "remedy": return argument(rest, "remedy", "ACCOUNT").map(ReplCommand.remedy)
        case "set": return set(rest)
        case "reload", "reset", "help", "quit", "q":
            return rest.isEmpty ? .success(bare(word)) : .failure(ReplCommandError(":\(word) takes no argument"))
        default:
            let hint = Suggestion.closest(to: word, in: names).map { " (did you mean `:\($0)`?)" } ?? ""  // with its colon
            return .failure(ReplCommandError("unknown command `:\(word)`\(hint); type :help for the list"))
        }
    }

    private static func bare(_ word: String) -> ReplCommand {
        switch word {
        case "reload": .reload
        case "reset": .reset
        case "help": .help
        default: .quit
        }
    }

    private static func argument(_ rest: String, _ word: String, _ what: String) -> Result<String, ReplCommandError> {
        rest.isEmpty ? .failure(ReplCommandError(":\(word) needs \(what)")) : .success(rest)
    }

    /// `ASSET.FIELD = NUMBER`, where the number may carry `%` (utilization 85%).
    private static func set(_ rest: String) -> Result<ReplCommand, ReplCommandError> {
        let usage = ReplCommandError(":set needs ASSET.FIELD = VALUE (FIELD is price, vol or utilization; "
            + "e.g. :set SOL.price = 100 USD, :set ETH.vol = 90%)")
        let sides = rest.split(separator: "=", omittingEmptySubsequences: false)
        guard sides.count == 2 else { return .failure(usage) }
        let target = sides[0].split(separator: ".")
        guard target.count == 2 else { return .failure(usage) }
        let asset = String(target[0]).trimmingWhitespace()
        let name = String(target[1]).trimmingWhitespace()
        guard let field = MarketField(rawValue: name), !asset.isEmpty else {
            let hint = Suggestion.hint(for: name, in: MarketField.allCases.map(\.rawValue))
            return .failure(ReplCommandError("cannot set `\(asset).\(name)`\(hint): a what-if sets price, vol or utilization"))
        }
        let text = String(sides[1]).trimmingWhitespace()
        // A price is a USD amount and may say so; the others are ratios and may not.
        var amount = Substring(text)
        if amount.hasSuffix("USD") {
            guard field == .price else {
                return .failure(ReplCommandError("`\(name)` is not a USD amount: write it as a number or a percentage"))
            }
            amount = amount.dropLast(3)
        }
        guard let value = number(String(amount).trimmingWhitespace()) else { return .failure(usage) }
        return .success(.set(asset: asset, field: field, value: value))
    }

    /// A number as a policy writes one: `_`/`,` separators, a magnitude (`100k`, `2.5M`, `1B`),
    /// or a trailing `%` or `bps`.
    static func number(_ text: String) -> Double? {
        var digits = text.filter { $0 != "_" && $0 != "," }
        // Divided rather than multiplied by 0.01: 85 ÷ 100 is the double nearest 0.85.
        var divisor = 1.0, magnitude = 1.0
        if digits.hasSuffix("bps") {
            digits.removeLast(3); divisor = 10_000
        } else if digits.hasSuffix("%") {
            digits.removeLast(); divisor = 100
        }
        digits = digits.trimmingWhitespace()
        if let last = digits.last, let scale = ["k": 1e3, "M": 1e6, "B": 1e9][String(last)] {
            digits.removeLast(); magnitude = scale
        }
        return Double(digits.trimmingWhitespace()).map { $0 * magnitude / divisor }
    }
}

/// Why a command line could not be parsed; the message is shown as is.
public struct ReplCommandError: Error, Sendable, Equatable {
    /// One sentence, lowercase, no trailing period.
    public var message: String
    /// An error with `message`.
    public init(_ message: String) { self.message = message }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace or newlines.
    func trimmingWhitespace() -> String {
        let scalars = Substring(self).drop { $0.isWhitespace }
        return String(scalars.reversed().drop { $0.isWhitespace }.reversed())
    }
}
