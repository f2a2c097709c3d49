extension Parser {
    /// guard = "guard" guard_target "moves" "at" "most" expr [ "relative" ] [ "every" expr ] ;
    mutating func parseGuard() -> GuardDecl {
        advance()
        let (isParam, target) = parseGuardTarget()
        var cap = missing()
        if expectWords(["moves", "at", "most"], after: "the guarded name") {
            cap = parseExpr()
        }
        let isRelative = !current.newlineBefore && eat(word: "relative") != nil
        let every = !current.newlineBefore && eat(word: "every") != nil ? parseExpr() : nil
        return GuardDecl(isParam: isParam, target: target, cap: cap, isRelative: isRelative, every: every)
    }

    /// guard_target = [ "param" ] path | "margin" "." IDENT ;
    mutating func parseGuardTarget() -> (isParam: Bool, target: Name) {
        if eat(.keyword(.param)) != nil { return (true, parsePath("after `guard param`")) }
        if at(.keyword(.margin)), peek().kind == .dot {
            let keyword = advance()
            advance()
            let setting = expectName("after `margin.`")
            return (false, Name("margin." + setting.text, span: keyword.span.to(setting.span)))
        }
        return (false, parsePath("after `guard` (the guarded parameter)"))
    }

    /// Consumes each word in order, or reports the rest of the phrase as expected and returns false.
    private mutating func expectWords(_ words: [String], after context: String) -> Bool {
        for (index, word) in words.enumerated() where eat(word: word) == nil {
            let rest = words[index...].joined(separator: " ")
            let after = index == 0 ? context : "`\(words[index - 1])`"
            report(.expected("`\(rest)`", "after \(after)", found: current))
            return false
        }
        return true
    }
}
