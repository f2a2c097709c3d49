import LeverSyntax
import LeverCompile

// The JSON layout (keys are written sorted):
//
//   { "engine": "0.10.0 (3f2c1ab)", "book": {"file", "sha256"}, "market": {"file", "sha256"},
//     "policy": {"name", "version", "hash", "file"}, "as_of": "2026-11-25T12:00:00Z" | null,
//     "horizon_days": 30, "outputs": [{"name", "unit", "measure"}],
//     "market_issues": [{"asset", "reason", "outcome", "message"} (+ "input" for an input out of range)],
//     "summary": {"statuses": {STATUS: count}, "accounts_with_violations": count},
//     "accounts": [{"id", "evaluated", "values": {NAME: VALUE}, "notes": [{"severity", "message"}],
//                   "violations": [{"assertion", "location", "outcome": "broken" | "undecided",
//                                   "consequence": "margin_call" | "liquidatable" | null,
//                                   "values": {EXPR: number | null},
//                                   "positions": [{"position", "outcome", "values"}]}],
//                   "flags": ["stale_price:BTC", …] (when the policy declares flags),
//                   "liquidation": {"close_factor", "debt_repaid_value", "collateral_seized_value",
//                                   "bad_debt", "steps": [{"repay_asset", "repay_amount", "seize_asset",
//                                   "seize_amount", "bonus"}]} | null}] }
//
// Liquidation amounts are in units of each asset (the bonus in units of the seized asset);
// the `_value` fields and `bad_debt` are USD.
//
// `engine`, `book`, `market`, `what_if` and the policy's `file` come from the report's
// provenance and are left out of a report that has none (`what_if` also when none was applied).
//
// A VALUE is a number (shortest round-trip text), "Infinity"/"-Infinity", true/false for flags,
// a string for labels (tier, status), or null when undefined — and then the account's notes say
// why. An account that was not evaluated has empty `values` and an error note.

extension ReportRenderer {
    /// The JSON tree of a report.
    static func json(_ report: Report) -> JSONOutput {
        var root: [String: JSONOutput] = [
            "policy": report.policy.json(file: report.provenance?.policyFile),
            "as_of": report.asOf.map { .string($0.description) } ?? .null,
            "horizon_days": .number((report.horizon * 365 * 1e6).rounded() / 1e6),
            "outputs": .array(report.outputs.map(json)),
            "market_issues": .array(report.marketIssues.map(json)),
            "accounts": .array(report.accounts.map { json($0, outputs: report.outputs, flags: report.declaresFlags) }),
            "summary": .object([
                "statuses": .object(Dictionary(report.statusSummary.map { ($0.status, .number(Double($0.count))) },
                                               uniquingKeysWith: { a, _ in a })),
                "accounts_with_violations": .number(Double(report.accountsWithViolations)),
            ]),
        ]
        if let provenance = report.provenance {
            root["engine"] = .string(provenance.engine)
            root["book"] = provenance.book?.json
            root["market"] = provenance.market?.json
            root["what_if"] = provenance.whatIf.map(JSONOutput.string)
        }
        return .object(root)
    }

    static func json(_ output: OutputInfo) -> JSONOutput {
        .object(["name": .string(output.name), "unit": .string(unitName(output.kind)), "measure": .bool(output.isMeasure)])
    }

    /// `USD`, `plain`, `years`, … for numbers; `flag` and `label` for the others.
    static func unitName(_ kind: OutputKind) -> String {
        switch kind {
        case .number(let dimension): dimension.description
        case .flag: "flag"
        case .label: "label"
        }
    }

    /// `input` only for an issue of a market input other than the price (out of range, stale,
    /// undeclared): every other issue is the price's.
    static func json(_ issue: MarketIssue) -> JSONOutput {
        var fields: [String: JSONOutput] = [
            "asset": .string(issue.asset), "reason": .string(reasonName(issue.reason)),
            "outcome": .string(outcomeName(issue)), "message": .string(issue.message),
        ]
        if let input = issue.input { fields["input"] = .string(input.rawValue) }
        return .object(fields)
    }

    /// What became of the value: the oracle rule for a price; a market input other than the
    /// price is `undefined` (never zeroed or kept), an undeclared name `not_read`.
    static func outcomeName(_ issue: MarketIssue) -> String {
        if issue.isAboutPrice { return issue.outcome.rawValue }
        if case .undeclaredInput = issue.reason { return "not_read" }
        return "undefined"
    }

    static func reasonName(_ reason: MarketIssue.Reason) -> String {
        switch reason {
        case .missingAsset: "missing_asset"
        case .missingPrice: "missing_price"
        case .invalidPrice: "invalid_price"
        case .stale: "stale"
        case .future: "future"
        case .outsideDeclaredRange: "outside_declared_range"
        case .undeclaredInput: "undeclared_input"
        case .staleInput: "stale_input"
        case .futureInput: "future_input"
        }
    }

    static func json(_ note: AccountNote) -> JSONOutput {
        .object(["severity": .string(note.severity.rawValue), "message": .string(note.message)])
    }

    static func json(_ account: AccountReport, outputs: [OutputInfo], flags: Bool = false) -> JSONOutput {
        var values: [String: JSONOutput] = [:]
        for (output, value) in zip(outputs, account.values) { values[output.name] = json(value) }
        var members: [String: JSONOutput] = [
            "id": .string(account.id), "evaluated": .bool(account.evaluated), "values": .object(values),
            "notes": .array(account.notes.map(json)),
            "liquidation": account.liquidation.map(json) ?? .null,
            "violations": .array(account.violations.map(json)),
        ]
        if flags { members["flags"] = .array(account.flags.map(JSONOutput.string)) }
        // Only when remedies were asked for: a report without them keeps its bytes.
        if let remedy = account.remedy { members["remedy"] = json(remedy) }
        return .object(members)
    }

    static func json(_ violation: AssertionViolation) -> JSONOutput {
        .object([
            "assertion": .string(violation.assertion), "location": .string(violation.location),
            "outcome": .string(violation.outcome.rawValue), "values": json(violation.values),
            "consequence": violation.consequence.map { .string($0) } ?? .null,
            "positions": .array(violation.positions.map { p in
                .object(["position": .string(p.position), "outcome": .string(p.outcome.rawValue), "values": json(p.values)])
            }),
        ])
    }

    /// Compared values by their expression text; an undefined one is null.
    static func json(_ values: [AssertionViolation.Value]) -> JSONOutput {
        .object(Dictionary(values.map { ($0.text, $0.value.map { .number($0) } ?? .null) }, uniquingKeysWith: { a, _ in a }))
    }

    static func json(_ value: ReportValue) -> JSONOutput {
        switch value {
        case .number(let x): .number(x)
        // An exact decimal is a string: a JSON reader would round a number to binary64.
        case .decimal(_, let exact): .string(exact)
        case .flag(let b): .bool(b)
        case .label(let s): .string(s)
        case .undefined: .null
        }
    }

    static func json(_ plan: LiquidationPlanReport) -> JSONOutput {
        .object([
            "close_factor": .number(plan.closeFactor), "bad_debt": .number(plan.badDebt),
            "debt_repaid_value": .number(plan.debtRepaidValue), "collateral_seized_value": .number(plan.collateralSeizedValue),
            "steps": .array(plan.steps.map { step in
                .object([
                    "repay_asset": .string(step.repayAsset), "repay_amount": .number(step.repayAmount),
                    "seize_asset": .string(step.seizeAsset), "seize_amount": .number(step.seizeAmount),
                    "bonus": .number(step.bonus),
                ])
            }),
        ])
    }
}
