import LeverCheck
import LeverSyntax

extension Lowerer {
    /// An aggregate over groups (`sum(abs(sum(market_value, by: asset)))`): its argument is
    /// lowered once per key value (each policy asset, venue or class), with the grouped
    /// aggregates inside it counting only that group's positions, and the results are folded
    /// over the groups the account has a position in.
    ///
    /// Groups are the policy's declared assets, venues (and no venue) or classes, so the plan holds one copy of
    /// the argument per key value: a policy with 40 assets and one grouped charge has 40 filtered
    /// sums. An empty account has no group: every fold gives 0, as an aggregate over no position.
    mutating func lowerOverGroups(_ kind: AggregateKind, _ argument: Expr, key: String, _ ctx: LowerContext) -> NodeRef {
        // Positions held on no venue are a group of their own (venue −1), never left out.
        let groups: Range<Int> = switch key {
        case "asset": 0..<assets.count
        case "venue": -1..<venues.count
        default: 0..<classes.count
        }
        var total = builder.constant(0), present = builder.constant(0)
        var best: NodeRef?
        for g in groups {
            var own = ctx
            own.group = (key, g)
            let label = switch key {
            case "asset": assets[g]
            case "venue": g < 0 ? "no venue" : venues[g]
            default: classes[g]
            }
            // Named, so `explain` shows each group's value under the aggregate.
            let value = named(lower(argument, own), "\(key) \(label)", "`\(source(argument.span))` for \(key) \(label), counted if the account holds a position in it")
            // A group is present when the account holds a position in it, whatever the grouped
            // aggregates' own filters keep.
            let holds = builder.binary(.greater, builder.aggregate(.count, builder.constant(1), filter: groupMember(key, g)),
                                       builder.constant(0))
            present = builder.binary(.add, present, holds)
            switch kind {
            // `bits` is no language builtin (it never reaches here); it folds as a sum would.
            case .sum, .avg, .count, .bits: total = builder.binary(.add, total, builder.select(holds, value, builder.constant(0)))
            case .max, .min:
                let op: BinaryKernel = kind == .max ? .max : .min
                best = best.map { builder.select(holds, builder.binary(op, $0, value), $0) }
                    ?? builder.select(holds, value, builder.constant(kind == .max ? -.infinity : .infinity))
            }
        }
        let any = builder.binary(.greater, present, builder.constant(0))
        switch kind {
        case .sum, .count, .bits: return total
        case .avg: return builder.select(any, builder.binary(.divide, total, present), builder.constant(0))
        case .max, .min: return builder.select(any, best ?? builder.constant(0), builder.constant(0))
        }
    }

    /// Per position: 1 when it belongs to group `index` of `key`.
    mutating func groupMember(_ key: String, _ index: Int) -> NodeRef {
        let field: NodeRef = switch key {
        case "asset": builder.add(.positionKey(.asset))
        case "venue": builder.add(.positionKey(.venue))
        default: positionField("class", LowerContext())
        }
        return builder.binary(.equal, field, builder.constant(Double(index)))
    }
}
