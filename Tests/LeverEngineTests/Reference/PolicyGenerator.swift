/// Random valid Lever policies, built from a seed: classes with inheritance and `=`, `+=`, `-=`,
/// `*=` overrides (and a class-defined custom property), assets, venues with adjustments, tiers
/// by `account.score` (closed/half-open intervals under `unique`, comparisons and `else` under
/// `hit first`), kinked / points / steps / expression curves, a margin block, measures with
/// aggregates and `where` filters, `if`, `min`/`max`/`clamp`/`abs`/`sqrt`, `per … of … above`,
/// and scenarios.
///
/// Every piece is written to type-check by construction; the tests count the policies the
/// checker still refuses, so the generator cannot quietly drift into producing mostly rejects.
struct PolicyGenerator {
    var random: SeededRandom
    private(set) var assets: [String] = []
    private(set) var venues: [String] = []
    private(set) var classes: [String] = []
    /// Tier boundaries on the score, for books that hit them exactly.
    private(set) var boundaries: [Double] = []
    private var rootOf: [String: String] = [:]
    private var customRoots: Set<String> = []
    private var curves: [String] = []
    private var hasTiers = false
    private var tierFields: Set<String> = []
    /// How many scenarios (`s0`, `s1`, …) the policy declares; measures may read them with `under`.
    private var scenarioCount = 0
    /// The margin `bonus` depends on the account: the engine's liquidation plans then pay no
    /// bonus at all (see `ReferenceKnownIssueTests.accountLevelMarginBonusIsPaid`).
    private(set) var accountLevelBonus = false
    /// Whether some rule makes the haircut depend on the position (not only on its asset).
    private var positionLevelHaircut = false
    /// Per class: whether its haircut chain reads the position (`notional`, `side`).
    private var classHaircutPositional: [String: Bool] = [:]
    /// Whether the last `ratio()` read the position.
    private var lastRatioPositional = false
    /// Set by `override` when it replaces the haircut: the new value's positional flag.
    private var replacedHaircut: Bool? = nil

    /// True when the policy hits the compiler crash on a purely per-asset haircut combined with
    /// a per-account tier discount (`PlanBuilder.lift` has no asset → account move; see
    /// `ReferenceKnownIssueTests`). Such policies are counted, not run.
    var hitsAssetHaircutTierDiscountCrash: Bool { false }  // fixed: asset × account values meet per position

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    mutating func policy() -> String {
        var lines = ["policy \"generated\" version \"1\"", "input account.score in [0, 1000]", "input vol in [0, 5]",
                     "input asset.depth in [0 USD, 1000B USD]",
                     "param z = \(random.pick(["2.33", "1.65", "3"]))",
                     "param h = \(random.int(1...10)) days"]
        lines += curveDecls()
        lines += classDecls()
        lines += assetDecls()
        lines += venueDecls()
        lines += tierDecls()
        lines += marginBlock()
        lines += tableDecls()
        let scenarios = scenarioDecls()
        scenarioCount = scenarios.filter { $0.hasPrefix("scenario s") }.count  // `under` reads these by name; a grid's members are not
        lines += measureDecls()
        lines += scenarios
        lines += oracleBlock()
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Percentages and small pieces

    mutating func pct(_ range: ClosedRange<Int>) -> String { "\(random.int(range))%" }

    /// A position-level ratio for a property body.
    mutating func ratio() -> String {
        let choice = random.int(0...7)
        lastRatioPositional = [2, 3, 7].contains(choice)
        switch choice {
        case 0: return pct(1...40)
        case 1: return "clamp(z * vol * sqrt(h), \(pct(1...10)), \(pct(20...60)))"
        case 2: return "min(\(pct(5...20)), 1% per 1M USD of notional above \(random.int(1...20))M USD)"
        case 3: return "if notional > \(random.int(1...50))k USD then \(pct(10...30)) else \(pct(1...10))"
        case 4: return "max(\(pct(1...10)), \(pct(5...30)) * utilization)"
        case 5: return "abs(\(pct(1...10)) - \(pct(5...30)))"
        case 6: return "\(pct(1...20)) + 0.5 * \(pct(1...20))"
        default: return "if side == short then \(pct(20...40)) else \(pct(2...20))"
        }
    }

    // MARK: - Declarations

    mutating func curveDecls() -> [String] {
        var out: [String] = []
        if random.chance(0.6) {
            out.append("curve borrow_rate(utilization) = kinked(base: \(pct(0...2)), slope1: \(pct(2...8)), kink: \(pct(60...90)), slope2: \(pct(20...100)))")
            curves.append("borrow_rate")
        }
        switch random.int(0...3) {
        case 0: out.append("curve house_rate(utilization) = points { 0% -> \(pct(0...1)), \(pct(50...85)) -> \(pct(2...5)), 90% -> \(pct(6...10)), 100% -> \(pct(30...60)) }")
        case 1: out.append("curve house_rate(utilization) = steps { 0% -> \(pct(0...1)), 50% -> \(pct(2...4)), 90% -> \(pct(5...20)) }")
        case 2: out.append("curve house_rate(utilization) = \(pct(0...2)) + \(pct(5...20)) * utilization")
        default: out.append("curve house_rate(utilization) = kinked(base: 0%, slope1: 4%, kink: 80%, slope2: 75%)")
        }
        curves.append("house_rate")
        return out
    }

    mutating func classDecls() -> [String] {
        var out: [String] = []
        let roots = random.int(1...3)
        for r in 0..<roots {
            let name = "root\(r)"
            classes.append(name)
            rootOf[name] = name
            var body = ["haircut = \(ratio())", "liquidation_threshold = \(pct(50...95))"]
            classHaircutPositional[name] = lastRatioPositional
            if random.chance(0.5) {
                body.append("extra = \(pct(0...5))")
                customRoots.insert(name)
                body.append("haircut += extra")
            }
            if random.chance(0.5) { body.append("borrow_rate = house_rate(utilization)") }
            if random.chance(0.3) { body.append("liquidation_bonus = \(pct(2...10))") }
            if random.chance(0.3) { body.append("reserve_factor = \(pct(5...20))") }
            out.append("class \(name) { \(body.joined(separator: "; ")) }")
        }
        for c in 0..<random.int(0...3) {
            let parent = random.pick(classes)
            let name = "kid\(c)"
            classes.append(name)
            rootOf[name] = rootOf[parent]
            var body: [String] = []
            var positional = classHaircutPositional[parent] ?? false
            for _ in 0..<random.int(0...3) {
                replacedHaircut = nil
                body.append(override(custom: customRoots.contains(rootOf[parent]!)))
                if let replaced = replacedHaircut { positional = replaced }
            }
            classHaircutPositional[name] = positional
            out.append(body.isEmpty ? "class \(name) : \(parent)" : "class \(name) : \(parent) { \(body.joined(separator: "; ")) }")
        }
        return out
    }

    /// One override of an inherited property.
    mutating func override(custom: Bool) -> String {
        switch random.int(0...6) {
        case 0: return "haircut += \(pct(1...10))"
        case 1: return "haircut -= \(pct(1...5))"
        case 2: return "haircut *= \(random.pick(["1.1", "0.9", "1.25"]))"
        case 3:
            let text = "haircut = \(ratio())"
            replacedHaircut = lastRatioPositional
            return text
        case 4: return "liquidation_threshold -= \(pct(1...10))"
        case 5: return custom ? "extra += \(pct(1...5))" : "ltv = \(pct(40...80))"
        default: return "borrow_rate = house_rate(utilization) + \(pct(0...3))"
        }
    }

    mutating func assetDecls() -> [String] {
        (0..<random.int(2...5)).map { a in
            let name = "A\(a)"
            assets.append(name)
            let cls = random.pick(classes)
            let inherited = classHaircutPositional[cls] ?? false
            if inherited { positionLevelHaircut = true }
            switch random.int(0...4) {
            case 0:
                positionLevelHaircut = true
                return "asset \(name) : \(cls) { haircut += min(\(pct(5...15)), 1% per 1M USD of notional above \(random.int(1...10))M USD) }"
            case 1: return "asset \(name) : \(cls) { liquidation_threshold = \(pct(60...90)) }"
            case 2: return "asset \(name) : \(cls) { haircut *= 1.5; haircut -= 1% }"
            default: return "asset \(name) : \(cls)"
            }
        }
    }

    mutating func venueDecls() -> [String] {
        (0..<random.int(0...3)).map { v in
            let name = "V\(v)"
            venues.append(name)
            switch random.int(0...4) {
            case 0:
                positionLevelHaircut = true
                return "venue \(name) { haircut += \(pct(1...5)) }"
            case 1:
                positionLevelHaircut = true
                return "venue \(name) { haircut *= 1.1; liquidation_threshold -= \(pct(1...5)) }"
            case 2:
                positionLevelHaircut = true
                return "venue \(name) { haircut += 1% per 10M USD of notional above 1M USD }"
            case 3:
                return "venue \(name) { liquidation_threshold = \(pct(40...70)) }"
            default: return "venue \(name)"
            }
        }
    }

    mutating func tierDecls() -> [String] {
        guard random.chance(0.8) else { return [] }
        hasTiers = true
        var cuts = Set<Int>()
        while cuts.count < 3 { cuts.insert(random.int(1...99) * 10) }
        let b = cuts.sorted()
        boundaries = [0, 1000] + b.map(Double.init)
        func body() -> String {
            var fields: [String] = []
            if random.chance(0.7) {
                fields.append(random.chance(0.2) ? "credit_line = 5% * collateral" : "credit_line = \(random.int(0...5))M USD")
                tierFields.insert("credit_line")
            }
            if random.chance(0.6) {
                fields.append("haircut_discount = \(random.int(-15...30))%")
                tierFields.insert("haircut_discount")
            }
            return fields.isEmpty ? "" : " { \(fields.joined(separator: "; ")) }"
        }
        if random.chance(0.5) {
            let top = "1000]"  // a gap is an error (L0401), so `unique` tiers cover [0, 1000]
            return ["tiers by account.score {",
                    "  [\(b[2]), \(top) -> Prime\(body())", "  [\(b[1]), \(b[2])) -> Core\(body())",
                    "  [\(b[0]), \(b[1])) -> Basic\(body())", "  [0, \(b[0])) -> Watch\(body())", "}"]
        }
        return ["tiers by account.score hit first {",
                "  >= \(b[2]) -> Prime\(body())", "  > \(b[1]) -> Core\(body())",
                "  >= \(b[0]) -> Basic\(body())", "  else -> Watch\(body())", "}"]
    }

    private var tables: [String] = []

    /// Generic tables (keys are account-level): by a result, with comparisons and `else`, and
    /// by two columns under `hit first`.
    mutating func tableDecls() -> [String] {
        var out: [String] = []
        if random.chance(0.5) {
            tables.append("size_band")
            out += ["table size_band by collateral hit first {",
                    "  < \(random.int(1...100))k USD -> Small { add = 0% }",
                    "  <= \(random.int(1...20))M USD -> Medium { add = \(pct(1...5)); floor = 1k USD }",
                    "  else -> Large { add = \(pct(5...15)) }", "}"]
        }
        if random.chance(0.4) {
            tables.append("grid")
            out += ["table grid by account.score, equity hit first {",
                    "  >= \(random.int(3...7) * 100), >= 0 USD -> Good { m = 1 }",
                    "  else, >= 0 USD -> Mid { m = \(random.pick(["1.5", "2"])) }",
                    "  else, else -> Bad { m = 3 }", "}"]
        }
        if hasTiers, random.chance(0.5) {
            // Keyed on another table's row: labels compare by that table's row index.
            tables.append("tier_band")
            out += ["table tier_band by tier hit first {",
                    "  Prime -> High { cap = \(random.int(2...4)) }",
                    "  Watch -> Low { cap = 1 }",
                    "  else -> Mid { cap = 1.5 }", "}"]
        }
        return out
    }

    mutating func marginBlock() -> [String] {
        guard random.chance(0.9) else { return [] }
        var body: [String] = []
        if random.chance(0.8) {
            body.append(random.pick(["initial = max(5%, 0.1% * sqrt(notional / 1 USD))", "initial = \(pct(5...20))",
                                     "initial = if kind == option then 15% else 10%"]))
            if random.chance(0.8) { body.append("maintenance = \(pct(40...80)) * initial") }
        } else if random.chance(0.5) {
            body.append("maintenance = \(pct(2...10))")
        }
        if random.chance(0.8) { body.append("liquidate when health < \(random.pick(["1", "1.05", "0.9"]))") }
        if random.chance(0.7) {
            body.append(random.pick(["margin_call when health < 1.1", "margin_call when health < 1.2 or equity < 0 USD",
                                     "margin_call when margin_ratio < 1.5 and debt > 0 USD"]))
        }
        if random.chance(0.7) { body.append("close_factor = if health < 0.95 then 100% else \(pct(20...60))") }
        if random.chance(0.3) { body.append("interest_accrual = \(random.pick(["compound", "taylor", "linear"]))") }
        if random.chance(0.5) {
            accountLevelBonus = random.chance(0.3)
            body.append(accountLevelBonus ? "bonus = if health < 0.9 then 10% else 5%" : "bonus = \(pct(2...10))")
        }
        return ["margin {"] + body.map { "  " + $0 } + ["}"]
    }

    /// Measures that need nothing from the rest of the policy.
    static let fixedMeasures = [
        "measure eu per account = account.region == \"EU\"",
        "measure region_label per account = if account.region == \"EU\" then \"eu\" else if account.region == \"US\" then \"us\" else \"other\"",
        "measure seasoned per account = account.age > 365",
        "measure long_notional per account = sum(notional where side == long and kind == spot)",
        "measure perp_count per account = count(positions where kind == perp)",
        "measure biggest per account = max(notional)",
        "measure smallest per account = min(notional where side == short)",
        "measure avg_delta per account = avg(delta where kind == option)",
        "measure concentration per account = max(notional) / (sum(notional) + 1 USD)",
        "measure stress per account = if health < 1.5 then clamp(debt / (collateral + 1 USD), 0, 10) else 0",
        "measure band per account = if account.score in [500, 800) then 1 else 0",
        "measure exposure per position = abs(market_value) * (1 + haircut)",
        "measure sq per account = sqrt(abs(equity) * 1 USD)",
        "measure excess per account = 1% per 1M USD of collateral above 5M USD",
        "measure flagged per account = debt > 1M USD or health < 1.2",
        "measure cover per account = collateral / debt",
        "measure shortfall per account = min(0 USD, equity - maintenance_requirement)",
        "measure pnl_ratio per account = sum(market_value where kind == perp) / (abs(sum(market_value where kind == option)) + 1 USD)",
        "measure puts per account = sum(abs(quantity) where kind == option and right == put)",
        "measure rounded per account = round(collateral / 1k USD) * 1k USD",
        "measure growth per account = exp(ln(1 + abs(equity) / 1M USD))",
        "measure squared per account = (debt / 1M USD) ^ 2",
        "measure not_low per account = not (health < 1)",
        "measure floored per account = floor(health * 10) / 10 + ceil(margin_ratio) * 0",
        "measure quanta per account = floor_div(collateral, 1k USD) + ceil_div(debt, 250 USD) + isqrt(equity / 1 USD)",
        "measure directed per account = rounded_down(collateral * 3% / 7) + rounded_up(debt / 3) + rounded_half_even(equity * 0.5)",
        "measure worst_spot per account = max(notional - collateral_value where kind == spot)",
        "measure mid_size per account = count(positions where notional in [1k USD, 1M USD))",
        "measure ltv_power per account = sum(notional * ltv where side == long)",
        "measure rate_load per account = sum(debt_value * borrow_rate) + sum(debt_value * supply_rate)",
        "measure long_count per account = count(side == long)",
        "measure depth_use per account = sum(notional / (depth + 1 USD) where kind == spot)",
        "measure net_by_asset per account = sum(abs(sum(quantity * price, by: asset)))",
        "measure net_charge per account = sum(5% * max(0 USD, abs(sum(quantity * price, by: asset where kind != option)) - 100k USD))",
        "measure worst_venue per account = max(sum(notional, by: venue) / (sum(notional) + 1 USD))",
        "measure classes_short per account = count(sum(market_value, by: class) < 0 USD)",
        "measure avg_class_delta per account = avg(sum(delta * quantity, by: class where kind == option))",
        "measure min_asset_net per account = min(sum(debt_value - collateral_value, by: asset))",
    ]

    /// Measures that name the policy's classes, assets, venues, tables or tiers.
    mutating func measurePool() -> [String] {
        var pool = Self.fixedMeasures + [
            "measure class_notional per account = sum(notional where class == \(random.pick(classes)))",
            "measure asset_cover per account = sum(notional * (1 - haircut) where asset == \(random.pick(assets)))",
            "measure px per account = \(random.pick(assets)).price * 2",
            "measure stale_held per account = count(positions where price_status == stale)",
            "measure funding_due per account = sum(funding where kind == perp)",
            "measure horizon_cost per account = debt * 5% * horizon / 365 days",
            "measure supply_usage per account = sum(borrowed / (supplied + unbacked + 1 USD))",
            "measure oi_weight per account = sum(notional / (open_interest + 1 USD) where kind == perp)",
            "measure unpriced per account = count(positions where price_status == missing or price_status == invalid)",
            "measure quoted_debt per account = sum(abs(quantity) * quoted_price where side == short and price_status != fresh)",
        ]
        if tables.contains("size_band") {
            pool.append("measure banded per account = collateral * size_band.add + size_band.floor")
            pool.append("measure large per account = size_band == Large")
        }
        if tables.contains("grid") { pool.append("measure grid_load per account = sum(debt_value * grid.m)") }
        if tables.contains("tier_band") { pool.append("measure banded per account = tier_band.cap * equity") }
        if random.chance(0.15) {
            pool.append("measure collateral per account = sum(collateral_value where side == long and kind == spot)")
        }
        if random.chance(0.15) {
            pool.append("measure health per account = if debt == 0 USD then 99 else sum(collateral_value * liquidation_threshold) / debt")
        }
        if scenarioCount > 0 {
            let s = "s\(random.int(0...(scenarioCount - 1)))"
            pool.append("measure stressed_loss per account = equity - under(\(s), equity)")
            pool.append("measure stressed_health per account = under(\(s), if health < 1.5 then health else 1.5)")
            pool.append("measure stressed_options per account = sum(under(\(s), option_value) where kind == option)")
            pool.append("measure stressed_delta per account = sum(under(\(s), delta * quantity) where kind == option)")
            pool.append("measure stressed_vega per account = under(\(s), sum(vega * quantity + rho + dividend_rho))")
            pool.append("measure stressed_haircut per account = max(under(\(s), haircut))")
            pool.append("measure stress_buffer per account = equity - worst_scenario_loss")
            pool.append("measure standalone_stress per account = sum(worst_loss(market_value))")
            pool.append("measure equity_stress per account = worst_loss(equity) - worst_scenario_loss")
        }
        if let v = venues.first {
            pool.append("measure venue_notional per account = sum(collateral_value where venue == \(v))")
            pool.append("measure off_venue per account = count(positions where venue != \(v) and side != short)")
        }
        if hasTiers {
            pool.append("measure prime per account = tier == Prime")
            pool.append("measure power per account = sum(collateral_value * liquidation_threshold where side == long) + tier.credit_line")
            if tierFields.contains("haircut_discount") { pool.append("measure disc per account = tier.haircut_discount * 2") }
        }
        return pool
    }

    mutating func measureDecls() -> [String] {
        let pool = measurePool()
        var chosen = (0..<random.int(2...8)).map { _ in random.pick(pool) }
        if chosen.contains(where: { $0.hasPrefix("measure exposure") }) {
            chosen.append("measure total_exposure per account = sum(exposure where kind != option)")
        }
        var seen = Set<String>()
        return chosen.filter { seen.insert($0.split(separator: " ")[1].description).inserted }
    }

    mutating func oracleBlock() -> [String] {
        guard random.chance(0.4) else { return [] }
        let skew = random.chance(0.3) ? "max_clock_skew = \(random.pick(["10 s", "300 s", "3 h"])); " : ""
        let empty = random.chance(0.3) ? "empty_pool_utilization = \(random.pick(["0%", "100%", "50%"])); " : ""
        let inputs = random.chance(0.4) ? "max_input_age = \(random.pick(["1 h", "1 day", "7 days"])); " : ""
        return ["oracle { max_price_age = \(random.pick(["1 h", "2 days", "30 days"])); " + skew + empty + inputs
                + "stale_price = \(random.pick(["zero", "reject", "keep"])) }"]
    }

    mutating func scenarioDecls() -> [String] {
        var grid: [String] = []
        if random.chance(0.3) {
            // A grid: price moves of a class crossed with vol moves (four scenarios).
            grid = ["scenario array { \(random.pick(classes)): [-\(random.int(5...30))%, +\(random.int(5...30))%], vol: [+20%, -20%] }"]
        }
        return (0..<random.int(0...3)).map { s in
            var shocks: [String] = []
            for _ in 0..<random.int(1...3) {
                let magnitude = "\(random.chance(0.7) ? "-" : "+")\(random.int(5...60))%"
                switch random.int(0...8) {
                case 0: shocks.append("\(random.pick(classes)): \(magnitude)")
                case 1: shocks.append("\(random.pick(assets)).price: \(magnitude)")
                case 2: shocks.append("\(random.pick(assets)).vol: +\(random.int(10...100))%")
                case 3: shocks.append("vol: +\(random.int(10...100))%")
                case 4: shocks.append("\(random.pick(classes)).vol: +\(random.int(10...100))%")
                case 5: shocks.append("\(random.pick(["risk_free_rate", "dividend_yield", "depth"])): \(magnitude)")
                case 6: shocks.append("\(random.pick(classes)).\(random.pick(["risk_free_rate", "dividend_yield"])): \(magnitude)")
                // Perpetual inputs: a mark moved apart from its price (a basis move), funding, crowding.
                case 7:
                    let input = random.pick(["mark_price", "funding_rate", "open_interest"])
                    shocks.append(random.chance(0.3) ? "\(input): \(magnitude)" : "\(random.pick(assets + classes)).\(input): \(magnitude)")
                default: shocks.append("\(random.pick(assets)): \(magnitude)")
                }
            }
            if random.chance(0.3) { shocks.append("weight: \(random.pick(["35%", "50%", "100%", "0%"]))") }
            return "scenario s\(s) { \(shocks.joined(separator: ", ")) }"
        } + grid
    }
}
