import LeverNumerics

/// A seeded generator of valid policies over every construct of the grammar, written with
/// deliberately uneven layout (spacing, `;`, blank lines, comments), for the formatter's
/// property tests. Programs need only parse; they are not meant to type-check.
struct PolicyGenerator {
    /// SplitMix64 draws: the same on every platform, so a seed names one program.
    struct Random {
        var core: SplitMix64
        mutating func next() -> UInt64 { core.next() }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    var random: Random
    private var commentCount = 0

    init(seed: UInt64) {
        random = Random(core: SplitMix64(seed: seed))
    }

    /// A whole policy: optional header, imports, then declarations, separated by line breaks,
    /// blank lines and comments.
    mutating func policy() -> String {
        var items: [String] = []
        if random.chance(60) { items.append(header()) }
        for _ in 0..<random.below(3) { items.append("import \"lib\(random.below(9)).lever\"") }
        for _ in 0..<(1 + random.below(10)) { items.append(declaration()) }
        var text = random.chance(20) ? ownLineComment() : ""
        for item in items {
            text += item + trailingComment() + separator()
        }
        return text
    }

    // MARK: - Layout noise

    private mutating func comment() -> String {
        commentCount += 1
        return "// c\(commentCount)" + (random.chance(30) ? " with  spaces" : "")
    }

    private mutating func trailingComment() -> String {
        random.chance(20) ? random.pick([" ", "   ", "\t"]) + comment() : ""
    }

    private mutating func ownLineComment() -> String { comment() + "\n" }

    /// Between two items: one line break or several, sometimes with own-line comments.
    private mutating func separator() -> String {
        var text = random.pick(["\n", "\n", "\n\n", "\n\n\n", "  \n \n"])
        if random.chance(15) { text += ownLineComment() + (random.chance(30) ? "\n" : "") }
        return text
    }

    private mutating func space() -> String { random.pick([" ", " ", "  ", ""]) }

    // MARK: - Declarations

    private mutating func header() -> String {
        "policy \"Generated \\\"policy\\\"\"" + (random.chance(50) ? " version \"2026.\(random.below(12))\"" : "")
    }

    private mutating func declaration() -> String {
        let prefix = random.chance(10) ? "override " : ""
        switch random.below(12) {
        case 0: return prefix + "param \(name())\(space())=\(space())\(expr(3))"
        case 1: return prefix + "input \(random.pick(["vol", "account.score", "BTC.vol"])) in \(interval(1))"
        case 2: return prefix + "class \(name())" + (random.chance(50) ? " : \(name())" : "") + optionalBlock()
        case 3: return prefix + "asset \(name().uppercased()) : \(name())" + optionalBlock()
        case 4: return prefix + "venue \(name().capitalized)" + optionalBlock()
        case 5: return prefix + random.pick(["margin", "oracle"]) + " " + block()
        case 6: return prefix + table()
        case 7: return prefix + curve()
        case 8: return prefix + scenario()
        case 9:
            let every = random.chance(50) ? "every \(random.pick(["asset", "class", "tier"])): " : ""
            return prefix + "assert \(every)\(expr(3))"
        case 10:
            let level = random.pick(["", " per position", " per account"])
            return prefix + "measure \(name())\(level) = \(expr(3))"
        default: return prefix + "param \(name()) = \(expr(2))"
        }
    }

    private mutating func name() -> String {
        random.pick(["a", "b", "stable", "major", "alt", "haircut", "ltv", "zeta", "notional", "vol", "rate"])
    }

    private mutating func optionalBlock() -> String {
        random.chance(70) ? " " + block() : ""
    }

    /// `{ p; p }` on one line or one property per line, with stray `;`.
    private mutating func block() -> String {
        let properties = (0..<random.below(4)).map { _ in property() }
        if random.chance(50) {
            let end = !properties.isEmpty && random.chance(20) ? ";" : ""
            return "{" + space() + properties.joined(separator: ";" + space()) + end + space() + "}"
        }
        var text = "{" + trailingComment() + "\n"
        for property in properties {
            if random.chance(10) { text += "  " + ownLineComment() }
            text += "  " + property + (random.chance(20) ? ";" : "") + trailingComment() + "\n"
            if random.chance(15) { text += "\n" }
        }
        return text + "}"
    }

    private mutating func property() -> String {
        let op = random.pick(["=", "=", "+=", "-=", "*=", "when"])
        return "\(name())\(op == "when" ? " " : space())\(op) \(expr(2))"
    }

    // MARK: - Tables, curves, scenarios

    private mutating func table() -> String {
        let keyCount = 1 + random.below(2)
        let keys = (0..<keyCount).map { _ in random.pick(["account.score", "side", "account.region", "x + 1"]) }
        let head = random.chance(50) ? "tiers" : "table \(name())"
        let hit = random.pick(["", " hit unique", " hit first"])
        var text = "\(head) by \(keys.joined(separator: ", "))\(hit) {" + trailingComment() + "\n"
        for _ in 0..<random.below(5) {
            if random.chance(10) { text += ownLineComment() }
            let patterns = (0..<keyCount).map { _ in pattern() }.joined(separator: ", ")
            let body = random.chance(50) ? " " + inlineBlock() : ""
            text += "  \(patterns)\(space())->\(space())\(name().capitalized)\(body)"
                + random.pick(["", ";", ","]) + trailingComment() + "\n"
        }
        return text + "}"
    }

    private mutating func inlineBlock() -> String {
        "{ " + (0..<(1 + random.below(3))).map { _ in property() }.joined(separator: "; ") + " }"
    }

    private mutating func pattern() -> String {
        switch random.below(5) {
        case 0: return interval(1)
        case 1: return random.pick(["<", "<=", ">", ">="]) + space() + additive(1)
        case 2: return "else"
        case 3: return "(\(expr(1)))"
        default: return (0..<(1 + random.below(3))).map { _ in patternValue() }.joined(separator: space() + "|" + space())
        }
    }

    /// A value that cannot start with `(` (which would read as a parenthesised pattern).
    private mutating func patternValue() -> String {
        random.pick(["long", "short", "\"EU\"", "\"UK\"", "-1", "42", "account.tag", "f(1)"])
    }

    private mutating func curve() -> String {
        let head = "curve \(name())(utilization)\(space())=\(space())"
        switch random.below(3) {
        case 0:
            return head + "kinked(base: \(number()), slope1: \(number()), kink: \(number()), slope2: \(number()))"
        case 1:
            return head + expr(2)
        default:
            let kind = random.pick(["points", "steps"])
            let points = (0..<(1 + random.below(6))).map { _ in "\(expr(1))\(space())->\(space())\(expr(1))" }
            let broken = random.chance(40)
            let separator = broken ? ",\n  " : "," + space()
            let trailing = random.chance(30) ? "," : ""
            return head + kind + (broken ? " {\n  " : " { ") + points.joined(separator: separator) + trailing
                + (broken ? "\n}" : " }")
        }
    }

    private mutating func scenario() -> String {
        let shocks = (0..<random.below(5)).map { _ in
            "\(random.pick(["major", "alt", "vol", "BTC.price", "ETH.vol"])):\(space())\(random.pick(["-", "+", ""]))\(number())"
        }
        if random.chance(50) {
            return "scenario \(name()) {\(space())\(shocks.joined(separator: random.pick([", ", "; ", ","])))\(space())}"
        }
        return "scenario \(name()) {\n" + shocks.map { "  \($0)\(random.pick(["", ",", ";"]))\(trailingComment())\n" }.joined() + "}"
    }

    // MARK: - Expressions, by grammar level

    private mutating func interval(_ depth: Int) -> String {
        random.pick(["[", "("]) + additive(depth) + "," + space() + additive(depth) + random.pick(["]", ")"])
    }

    /// expr = conditional
    mutating func expr(_ depth: Int) -> String {
        conditional(depth)
    }

    /// scaled = multiplicative [ "per" multiplicative "of" multiplicative [ "above" multiplicative ] ]
    private mutating func scaled(_ depth: Int) -> String {
        let base = unary(depth)
        guard depth > 0, random.chance(10) else { return base }
        let above = random.chance(50) ? " above \(unary(depth - 1))" : ""
        return "\(base) per \(unary(depth - 1)) of \(unary(depth - 1))\(above)"
    }

    private mutating func conditional(_ depth: Int) -> String {
        guard depth > 0, random.chance(10) else { return disjunction(depth) }
        return "if \(expr(depth - 1)) then \(expr(depth - 1)) else \(expr(depth - 1))"
    }

    private mutating func disjunction(_ depth: Int) -> String {
        guard depth > 0, random.chance(10) else { return negation(depth) }
        let op = random.pick([" or ", " and "])
        return negation(depth - 1) + op + negation(depth - 1)
    }

    private mutating func negation(_ depth: Int) -> String {
        guard depth > 0, random.chance(8) else { return comparison(depth) }
        return random.pick(["not ", "not"]) + (random.chance(50) ? " " : "") + "(\(expr(depth - 1)))"
    }

    private mutating func comparison(_ depth: Int) -> String {
        guard depth > 0, random.chance(20) else { return additive(depth) }
        if random.chance(30) { return "\(additive(depth - 1)) in \(interval(depth - 1))" }
        let op = random.pick(["==", "!=", "<", "<=", ">", ">="])
        return additive(depth - 1) + space() + op + space() + additive(depth - 1)
    }

    private mutating func additive(_ depth: Int) -> String {
        guard depth > 0, random.chance(40) else { return unary(depth) }
        let op = random.pick(["+", "-", "*", "/", "^"])
        let rhs = op == "^" ? unary(depth - 1) : scaled(depth - 1)
        return scaled(depth - 1) + space() + op + space() + rhs
    }

    private mutating func unary(_ depth: Int) -> String {
        guard depth > 0, random.chance(15) else { return primary(depth) }
        return random.pick(["-", "+", "- "]) + unary(depth - 1)
    }

    private mutating func primary(_ depth: Int) -> String {
        switch random.below(depth > 0 ? 10 : 6) {
        case 0, 1: return number()
        case 2: return random.pick(["vol", "notional", "x", "health", "initial", "side", "long", "asset", "class", "venue"])
        case 3: return random.pick(["account.score", "tier.credit_line", "BTC.price"])
        case 4: return random.pick(["true", "false", "\"EU\"", "\"a\\\"b\\\\c\""])
        case 5: return random.pick(["count(positions)", "f()"])
        case 6: return "(\(expr(depth - 1)))" + (random.chance(10) ? ".field" : "")
        case 7: return "\(random.pick(["max", "min", "clamp", "sqrt"]))(\(arguments(depth - 1)))"
        case 8: return "sum(\(expr(depth - 1)) where \(expr(depth - 1)))"
        default: return "kinked(base:\(space())\(number()), slope1: \(expr(depth - 1)))"
        }
    }

    private mutating func arguments(_ depth: Int) -> String {
        var text = expr(depth)
        for _ in 0..<random.below(3) {
            // Sometimes a line break inside the call, with or without a comment: the formatter
            // joins the line and moves the comment to its end.
            var separator = random.chance(10) ? "," + trailingComment() + "\n    " : "," + space()
            if random.chance(3) { separator += ownLineComment() }
            text += separator + expr(depth)
        }
        return text
    }

    /// Digits as people write them, an optional magnitude, an optional unit (`%` attached or not).
    private mutating func number() -> String {
        let digits = random.pick(["0", "1", "2.5", "1_000", "1e3", "0.25", "60", "1E-2"])
        let magnitude = random.chance(15) ? random.pick(["k", "M", "B"]) : ""
        let unit: String
        switch random.below(6) {
        case 0: unit = random.pick(["%", " %"])
        case 1: unit = random.pick([" USD", " bps", " days", " d", " h", " hours", " y", " years", " s", " seconds", " day", " hour", " year"])
        case 2: unit = magnitude.isEmpty ? random.pick(["USD", "days", "bps"]) : ""
        default: unit = ""
        }
        return digits + magnitude + unit
    }
}
