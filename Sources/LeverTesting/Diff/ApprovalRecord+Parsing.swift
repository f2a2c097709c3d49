import Lever

extension ApprovalRecord {
    /// Why a file is not an approval record: the member at fault (`old_policy.hash`) and what is
    /// wrong with it.
    public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong, naming the member.
        public var description: String

        /// An error saying `description`.
        public init(_ description: String) { self.description = description }
    }

    /// Reads a record written by `json`. Members the format does not name are ignored; a missing
    /// or mistyped member, or a `format` other than `ApprovalRecord.format`, is an error.
    public static func parse(_ bytes: [UInt8]) -> Result<ApprovalRecord, ReadError> {
        switch JSONValue.parse(bytes) {
        case .failure(let error): return .failure(ReadError("not JSON: \(error.kind.message) at byte \(error.offset)"))
        case .success(let root):
            do { return .success(try read(root)) } catch let error as ReadError { return .failure(error) } catch {
                return .failure(ReadError("\(error)"))
            }
        }
    }

    static func read(_ root: JSONValue) throws -> ApprovalRecord {
        let r = Members(root: root)
        let format = try r.string("format")
        guard format == Self.format else { throw ReadError("`format` is `\(format)`, not `\(Self.format)`") }
        var record = ApprovalRecord(
            approver: try r.optionalString("approval.approver"), approvedAt: try r.time("approval.approved_at"),
            engine: try r.string("engine"),
            oldPolicy: try r.policy("old_policy"), oldFile: try r.string("old_policy.file"),
            newPolicy: try r.policy("new_policy"), newFile: try r.string("new_policy.file"),
            book: FileDigest(file: try r.string("book.file"), sha256: try r.string("book.sha256")),
            market: FileDigest(file: try r.string("market.file"), sha256: try r.string("market.sha256")),
            asOf: try r.optionalString("market.as_of").map { try r.time("market.as_of", text: $0) },
            horizonDays: try r.number("options.horizon_days"), top: try r.count("options.top"),
            breaches: try r.breaches("guardrails.breaches"), totals: try r.totals("totals"),
            diffSHA256: try r.string("diff_sha256"))
        // Optional: records written before guards had an `every` list no changes.
        if case .array(let items)? = root["guardrails"]?["changed"] {
            record.guardedChanges = try items.map { item in
                guard case .string(let s) = item else { throw ReadError("`guardrails.changed` holds a non-string") }
                return s
            }
        }
        return record
    }

    /// Members of the record by dotted path, each read with the error naming it.
    struct Members {
        let root: JSONValue

        func value(_ path: String) throws -> JSONValue {
            var value = root
            for key in path.split(separator: ".") {
                guard let member = value[String(key)] else { throw ReadError("missing `\(path)`") }
                value = member
            }
            return value
        }

        func string(_ path: String) throws -> String {
            guard case .string(let s) = try value(path) else { throw ReadError("`\(path)` is not a string") }
            return s
        }

        func optionalString(_ path: String) throws -> String? {
            let v = try value(path)
            if case .null = v { return nil }
            guard case .string(let s) = v else { throw ReadError("`\(path)` is neither a string nor null") }
            return s
        }

        /// A number, or JSONOutput's `"Infinity"` / `"-Infinity"`.
        func number(_ path: String) throws -> Double {
            switch try value(path) {
            case .number(let x): return x
            case .string("Infinity"): return .infinity
            case .string("-Infinity"): return -.infinity
            default: throw ReadError("`\(path)` is not a number")
            }
        }

        func count(_ path: String) throws -> Int {
            let x = try number(path)
            guard x >= 0, x <= 1e15, x == x.rounded() else { throw ReadError("`\(path)` is not a count") }
            return Int(x)
        }

        func time(_ path: String, text: String? = nil) throws -> Timestamp {
            let text = try text ?? string(path)
            guard let time = Timestamp(iso8601: text) else { throw ReadError("`\(path)` is not an RFC 3339 time: `\(text)`") }
            return time
        }

        func policy(_ path: String) throws -> PolicyIdentity {
            PolicyIdentity(name: try string(path + ".name"), version: try string(path + ".version"),
                           hash: try string(path + ".hash"))
        }

        func breaches(_ path: String) throws -> [ChangeViolation] {
            guard case .array(let items) = try value(path) else { throw ReadError("`\(path)` is not an array") }
            return try items.indices.map { i in
                let item = Members(root: items[i])
                do {
                    return ChangeViolation(parameter: try item.string("parameter"), message: try item.string("message"))
                } catch let error as ReadError {
                    throw ReadError("in `\(path)[\(i)]`: \(error.description)")
                }
            }
        }

        func totals(_ path: String) throws -> ImpactTotals {
            var t = ImpactTotals(group: try string(path + ".group"))
            (t.oldInitial, t.newInitial) = try pair(path + ".initial_requirement")
            (t.oldMaintenance, t.newMaintenance) = try pair(path + ".maintenance_requirement")
            (t.oldCredit, t.newCredit) = try pair(path + ".credit_extended")
            (t.oldCollateral, t.newCollateral) = try pair(path + ".collateral")
            return t
        }

        func pair(_ path: String) throws -> (Double, Double) {
            (try number(path + ".old"), try number(path + ".new"))
        }
    }
}
