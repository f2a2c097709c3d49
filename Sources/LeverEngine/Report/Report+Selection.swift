import LeverCompile
import LeverSyntax

/// Output names asked for that a report does not have (`lever eval --fields`).
public struct UnknownOutputs: Error, Sendable, Hashable {
    /// The names not found, in the order asked.
    public var names: [String]
    /// Every output the report has, in report order, for the message.
    public var available: [String]

    /// `unknown field `lverage` (did you mean `leverage`?); available fields: tier, collateral, …`.
    public var message: String {
        let list = names.map { "`\($0)`" + Suggestion.hint(for: $0, in: available) }.joined(separator: ", ")
        let noun = names.count == 1 ? "field" : "fields"
        return "unknown \(noun) \(list); available fields: \(available.joined(separator: ", "))"
    }

    /// The names of `requested` missing from `available`, or nil when all are there; lets a
    /// command reject a bad `--fields` before evaluating a whole book.
    public static func check(_ requested: [String], available: [String]) -> UnknownOutputs? {
        let known = Set(available)
        var seen: Set<String> = []
        let missing = requested.filter { !known.contains($0) && seen.insert($0).inserted }
        return missing.isEmpty ? nil : UnknownOutputs(names: missing, available: available)
    }
}

extension Report {
    /// The report with only the named outputs, in the order given (a name given twice is shown
    /// once). Unknown names are all reported together rather than the first alone.
    public func selecting(outputs names: [String]) -> Result<Report, UnknownOutputs> {
        if let unknown = UnknownOutputs.check(names, available: outputs.map(\.name)) { return .failure(unknown) }
        var seen: Set<String> = []
        let columns = names.filter { seen.insert($0).inserted }.compactMap(index(of:))
        var copy = self
        // The summary counts every account's status, shown or not: `--fields equity` must not
        // turn every account `unvalued` because the status column is not printed.
        copy.selectedStatuses = selectedStatuses ?? statusCounts
        copy.outputs = columns.map { outputs[$0] }
        for a in copy.accounts.indices where copy.accounts[a].evaluated {
            let values = copy.accounts[a].values
            copy.accounts[a].values = columns.map { values[$0] }
        }
        return .success(copy)
    }
}
