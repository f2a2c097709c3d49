import LeverSyntax

// A remedy as the reports show it.
//
// JSON (an account's `remedy`, with `lever eval --remedy`):
//   {"target": "healthy", "status": "margin_call", "note": null,
//    "actions": [{"kind": "top_up", "asset": "USDC", "position": null, "units": 44.44…, "usd": 44.44…,
//                 "status_after": "healthy", "status_with_1pct_less": "margin_call"}]}
// `position` is the 0-based index of the debt repaid (or perpetual reduced) among the account's positions; units
// are exact (the least amount found, at most a billionth above the least). A reduction adds `settled` (its realised
// profit, negative for a loss, in units of `settled_in`) and `settled_in`.
//
// Text: one line per action, amounts rounded up to six significant digits (so the amount shown
// is always enough), with the verification.

extension ReportRenderer {
    static func json(_ remedy: Remedy) -> JSONOutput {
        let actions: [JSONOutput] = remedy.actions.map(json)
        var members: [String: JSONOutput] = [
            "target": .string(remedy.target.rawValue),
            "status": .string(remedy.status),
            "note": remedy.note.map(JSONOutput.string) ?? .null,
            "actions": .array(actions),
        ]
        // Only a policy that offers hedges has any; reports of others keep their bytes.
        if !remedy.hedges.isEmpty {
            members["hedges"] = .array(remedy.hedges.map { h in
                .object(["underlying": .string(h.underlying), "delta_usd": .number(h.delta), "band_usd": .number(h.band),
                         "perp_size": .number(h.size), "delta_after_usd": .number(h.deltaAfter),
                         "band_after_usd": .number(h.bandAfter), "status_after": .string(h.statusAfter)])
            })
        }
        return .object(members)
    }

    static func json(_ action: Remedy.Action) -> JSONOutput {
        let position: JSONOutput = action.position.map(JSONOutput.int) ?? .null
        let usd: JSONOutput = action.usd.map(JSONOutput.number) ?? .null
        return .object([
            "kind": .string(action.kind.rawValue),
            "asset": .string(action.asset),
            "position": position,
            "units": .number(action.units),
            "usd": usd,
            "status_after": .string(action.statusAfter),
            "status_with_1pct_less": .string(action.statusWithLess),
        ].merging(action.settledIn.map { asset in
            ["settled": action.settled.map(JSONOutput.number) ?? .null, "settled_in": .string(asset)]
        } ?? [:]) { first, _ in first })
    }

    /// The remedy as lines of text, each indented by `indent`: a heading, then an action a line.
    public static func text(_ remedy: Remedy, indent: String = "") -> [String] {
        let head = "\(indent)\(remedy.account): \(remedy.status), to \(remedy.target.rawValue)"
        let hedges = remedy.hedges.map { h in
            "\(indent)  hedge \(h.underlying): delta \(usd(h.delta)) USD, beyond ±\(NumberText.fixed(h.band, decimals: 2, grouped: true)) USD; a \(h.underlying) perpetual of "
                + "\(h.size < 0 ? "-" : "+")\(roundedUp(abs(h.size))) brings it to \(usd(h.deltaAfter)) USD (±\(NumberText.fixed(h.bandAfter, decimals: 2, grouped: true)) USD); "
                + "with it, \(h.statusAfter)"
        }
        guard !remedy.actions.isEmpty else { return [head + " — " + (remedy.note ?? "nothing found")] + hedges }
        return [head + ", any one of:"] + remedy.actions.map { action in
            let amount = "\(roundedUp(action.units)) \(action.asset)"
            let what = switch action.kind {
            case .topUp: "top up \(amount)"
            case .repay: "repay \(amount) of the debt in its \(ordinal((action.position ?? 0) + 1)) position"
            case .reduce:
                "reduce its \(ordinal((action.position ?? 0) + 1)) position, the \(action.asset) \(action.instrument ?? "position"), by \(roundedUp(action.units))"
                    + (action.settledIn.map { asset in
                        let settled = action.settled ?? .nan
                        guard settled != 0 else { return ", settling nothing" }
                        return ", \(settled < 0 ? "paying" : "receiving") \(roundedUp(abs(settled))) \(asset)"
                    } ?? "")
            }
            let usd = action.usd.map { " (\(NumberText.fixed(($0 * 100).rounded(.up) / 100, decimals: 2, grouped: true)) USD)" } ?? ""
            return "\(indent)  \(what)\(usd): \(action.statusAfter); with 1% less, \(action.statusWithLess)"
        } + hedges
    }

    /// `+1,234,567.89`: a signed USD amount to the cent.
    private static func usd(_ x: Double) -> String {
        (x > 0 ? "+" : "") + NumberText.fixed(x, decimals: 2, grouped: true)
    }

    /// `1st`, `2nd`, `3rd`, `4th`, …, `11th`, `12th`, `13th`, `21st`.
    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }

    /// `x` rounded up to six significant digits, as plain digits: never less than `x`. Amounts
    /// too large or too small for plain digits are written exactly, in shortest form.
    static func roundedUp(_ x: Double) -> String {
        guard x.isFinite, x > 0 else { return NumberText.fixed(x, decimals: 0, grouped: true) }
        guard x >= 1e-12, x < 1e15 else { return NumberText.shortest(x) }
        var exponent = 0, v = x  // x = v × 10^exponent, 1 ≤ v < 10
        while v >= 10 { v /= 10; exponent += 1 }
        while v < 1 { v *= 10; exponent -= 1 }
        let decimals = max(0, 5 - exponent)
        let scale = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
        var text = NumberText.fixed((x * scale).rounded(.up) / scale, decimals: decimals, grouped: true)
        // 0.0312500 reads as 0.03125: the zeros after the last digit say nothing.
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
