import Lever

extension BenchReport {
    /// The report as JSON with stable keys (`JSONOutput`); times in nanoseconds.
    public var json: String {
        var bookMembers: [String: JSONOutput] = ["source": .string(book), "accounts": .int(accounts),
                                                 "positions": .int(positions), "not_evaluated": .int(notEvaluated)]
        bookMembers["first_note"] = firstNote.map(JSONOutput.string)
        var root: [String: JSONOutput] = [
            "policy": .string(policy),
            "book": .object(bookMembers),
            "market": .object(["source": .string(market), "assets": .int(assets)]),
            "optimized": .bool(optimized),
            "warmups": .int(warmups),
            "repeats": .int(repeats),
            "baseline": Self.json(baseline),
            "runs": .array(runs.map(Self.json)),
        ]
        var region: [String: JSONOutput] = ["lever": .string(Self.leverRegion)]
        root["native"] = Self.json(native)
        if runs.contains(where: { $0.native != nil }) { region["native"] = .string(Self.nativeRegion) }
        if case .agrees = baseline { region["baseline"] = .string(baselineKind.region) }
        if let adaptation {
            region["adaptation"] = .string(Self.adaptationRegion)
            root["adaptation"] = Self.json(adaptation)
        }
        if let repricing {
            region["repricing"] = .string(Self.repricingRegion)
            root["repricing"] = Self.json(repricing)
        }
        if let tick {
            if tick.holders > 0 { region["tick"] = .string(Self.tickRegion) }
            var members: [String: JSONOutput] = [
                "asset": .string(tick.tick.asset), "move": .number(tick.tick.move),
                "holders": .int(tick.holders), "baseline": Self.json(tick.baseline),
                "runs": .array(tick.runs.map(Self.json)),
            ]
            members["adaptation"] = tick.adaptation.map(Self.json)
            members["native"] = Self.json(tick.native)
            root["tick"] = .object(members)
        }
        if let exact {
            region["exact"] = .string(Self.exactRegion)
            root["exact"] = .object([
                "numbers": .string(exact.numbers), "float": Self.json(exact.float), "exact": Self.json(exact.exact),
                "ratio": .number(exact.ratio), "largest_relative_difference": .number(exact.largestRelativeDifference),
                "mismatches": .int(exact.mismatches),
            ])
        }
        root["timed_region"] = .object(region)
        root["engine"] = engineVersion.map(JSONOutput.string)
        if !optimized { root["warning"] = .string(Self.debugWarning) }
        return JSONOutput.object(root).text
    }

    static func json(_ baseline: Baseline) -> JSONOutput {
        switch baseline {
        case .agrees(let n): return .object(["status": .string("agrees"), "accounts": .int(n)])
        case .none(let reason): return .object(["status": .string("none"), "reason": .string(reason)])
        case .disagrees(let found):
            return .object(["status": .string("disagrees"), "disagreements": .array(found.map { d in
                .object(["account": .string(d.account), "field": .string(d.field),
                         "lever": .string(d.lever), "baseline": .string(d.baseline)])
            })])
        }
    }

    static func json(_ native: Native) -> JSONOutput? {
        switch native {
        case .notAsked: nil
        case .unavailable(let reason): .object(["status": .string("unavailable"), "reason": .string(reason)])
        case .identical(let n, let library): .object(["status": .string("identical"), "accounts": .int(n), "library": .string(library)])
        case .differs(let first): .object(["status": .string("differs"), "first": .string(first)])
        }
    }

    static func json(_ run: Run) -> JSONOutput {
        var members: [String: JSONOutput] = ["threads": .int(run.threads), "lever": json(run.lever)]
        members["native"] = run.native.map(json)
        if let ratio = run.nativeRatio, let minimum = run.nativeMinimumRatio {
            members["native_ratio_median"] = .number(ratio)
            members["native_ratio_min"] = .number(minimum)
        }
        if let b = run.baseline, let ratio = run.ratio, let minimum = run.minimumRatio {
            members["baseline"] = json(b)
            members["ratio_median"] = .number(ratio)
            members["ratio_min"] = .number(minimum)
        }
        return .object(members)
    }

    static func json(_ t: Timing) -> JSONOutput {
        .object([
            "samples_ns": .array(t.samples.map { .number($0) }),
            "median_ns_per_account": .number(t.medianPerAccount),
            "min_ns_per_account": .number(t.minimumPerAccount),
            "median_ns": .number(t.median),
            "accounts_per_second": .number(t.accountsPerSecond),
        ])
    }
}
