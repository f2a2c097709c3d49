import LeverSyntax

extension TypeChecker {
    mutating func checkClass(_ name: Name, parent: Name?, body: [Property]) {
        if let parent, symbols.lookup(.class, parent.text) == nil {
            let suggestion = suggestions.closest(to: parent.text, in: symbols.names(.class))
            diagnostics.append(.unknownParent(parent, suggestion: suggestion))
        }
        let inherited = parent.map { defined(class: $0.text) } ?? []
        for (index, property) in body.enumerated() {
            let earlier = Set(body[..<index].map(\.name.text))
            if property.op == .set, Vocabulary.standardProperties[property.name.text] == nil,
               let standard = suggestions.closest(to: property.name.text, in: Vocabulary.standardProperties.keys),
               !inherited.contains(property.name.text) {
                diagnostics.append(.customPropertyLooksStandard(property.name, standard: standard))
            }
            checkAssetProperty(property, inherited: inherited.union(earlier), owner: "class `\(name.text)`",
                               mayDefine: true)
        }
    }

    mutating func checkAsset(_ name: Name, cls: Name, body: [Property]) {
        guard symbols.lookup(.class, cls.text) != nil else {
            diagnostics.append(.unknownClass(cls, suggestion: suggestions.closest(to: cls.text, in: symbols.names(.class))))
            body.forEach { _ = propertyValueType($0, usedAt: $0.span) }
            return
        }
        let inherited = defined(class: cls.text)
        for (index, property) in body.enumerated() {
            let earlier = Set(body[..<index].map(\.name.text))
            checkAssetProperty(property, inherited: inherited.union(earlier), owner: "asset `\(name.text)`",
                               mayDefine: false, known: inherited)
        }
    }

    mutating func checkVenue(_ name: Name, body: [Property]) {
        let defined = allDefinedProperties()
        let known = defined.union(Vocabulary.standardProperties.keys)
        for property in body {
            checkAssetProperty(property, inherited: known, owner: "venue `\(name.text)`", mayDefine: false, known: defined)
        }
    }

    /// Checks one line of a class, asset or venue body: the name is known (or may be defined
    /// here), `+=` and friends have something to adjust, and the value has the property's unit.
    private mutating func checkAssetProperty(_ property: Property, inherited: Set<String>, owner: String,
                                             mayDefine: Bool, known: Set<String> = []) {
        let name = property.name.text
        let isStandard = Vocabulary.standardProperties[name] != nil
        let got = propertyValueType(property, usedAt: property.span)
        if !mayDefine, !isStandard, !known.contains(name) {
            let candidates = known.union(Vocabulary.standardProperties.keys)
            diagnostics.append(.unknownProperty(property.name, in: owner, suggestion: suggestions.closest(to: name, in: candidates)))
            return
        }
        if property.op == .when {
            diagnostics.append(.wrongPropertyOp(property, isCondition: false))
            return
        }
        if property.op != .set, !inherited.contains(name) {
            diagnostics.append(.nothingToAdjust(property, owner: owner))
        }
        let expected = propertyType(name, usedAt: property.name.span)
        checkValue(property, expected: expected, got: got, range: Vocabulary.standardProperties[name]?.range)
    }

    /// Checks a property's value against the property's type; `*=` takes a ratio. A ratio with a
    /// `range` is also checked for a number written without its unit (`ltv = 75`, L0324).
    mutating func checkValue(_ property: Property, expected: LeverType, got: LeverType,
                             range: ClosedRange<Double>? = nil) {
        guard !expected.isUnchecked, !got.isUnchecked else { return }
        if property.op == .multiply {
            if got.dimension?.isDimensionless != true {
                diagnostics.append(.scaleNotRatio(property.name, got: got, at: property.value.span))
            }
            return
        }
        if let e = expected.dimension, let g = got.dimension {
            if e != g {
                diagnostics.append(.propertyUnitMismatch(property.name, expected: expected, got: got, at: property.value.span))
            } else {
                checkPlainRatio(property, range: range)
            }
        } else if !Self.comparable(expected, got) {
            diagnostics.append(.propertyTypeMismatch(property.name, expected: expected, got: got, at: property.value.span))
        }
    }

    /// A chain's bridge rules: constants, each once the engine's unit.
    mutating func checkChain(_ body: [Property]) {
        for property in body {
            guard let entry = Vocabulary.chainProperties[property.name.text] else {
                check(property.value, .constant("a chain's rule"))
                diagnostics.append(.unknownProperty(property.name, in: "a chain",
                                                    suggestion: suggestions.closest(to: property.name.text, in: Vocabulary.chainProperties.keys)))
                continue
            }
            if property.op != .set { diagnostics.append(.nothingToAdjust(property, owner: "a chain")) }
            let before = diagnostics.count
            checkValue(property, expected: entry.type, got: check(property.value, .constant("`\(property.name.text)`")), range: entry.range)
            if diagnostics.count == before, let range = entry.range, let value = folder.fold(property.value), !range.contains(value) {
                diagnostics.append(.settingOutOfRange(property, block: .chain, value: value, range: range))
            }
        }
    }

    mutating func checkSettings(_ keyword: Keyword, body: [Property]) {
        var known = Vocabulary.settingsProperties(keyword)
        if keyword == .reputation {
            // Each score the tiers read may have its own age (`max_rating_age`).
            for score in symbols.reputationScores where score != "score" {
                known[SymbolTable.maxAgeProperty(score: score)] = KnownName(.time, .constant, "oldest usable `account.\(score)`")
            }
        }
        for property in body {
            let name = property.name.text
            guard let entry = known[name] else {
                check(property.value, .account("a `\(keyword.rawValue)` setting"))
                let suggestion = suggestions.closest(to: name, in: known.keys)
                diagnostics.append(.unknownSetting(property.name, block: keyword, suggestion: suggestion))
                continue
            }
            checkSetting(property, entry: entry, keyword: keyword)
        }
        if keyword == .reputation {
            // An age below zero would make every score stale: a typo, not a rule.
            for property in body where property.name.text.hasSuffix("_age") {
                if let v = folder.fold(property.value), v < 0 { diagnostics.append(.negativeAge(property)) }
            }
        }
        let arithmetic = symbols.arithmetic
        if keyword == .arithmetic, !arithmetic.isFixedPoint, let rounding = body.last(where: { $0.name.text == "rounding" }) {
            diagnostics.append(.roundingNeedsFixedPoint(rounding))
        }
        if keyword == .margin, arithmetic.isFixedPoint,
           let accrual = body.last(where: { $0.name.text == "interest_accrual" }), case .name("compound") = accrual.value.kind {
            diagnostics.append(.inexactInFixedPoint("`compound` accrual (e^(rate × time))", arithmetic, at: accrual.value.span))
        }
    }

    private mutating func checkSetting(_ property: Property, entry: KnownName, keyword: Keyword) {
        let purpose = "`\(keyword.rawValue).\(property.name.text)`"
        if keyword == .reputation, property.name.text == "stale_score" {
            // `unvalued` is the one word besides a tier's label; a tier needs the table.
            if case .name("unvalued") = property.value.kind, property.op == .set { return }
            if symbols.table("tier") == nil {
                diagnostics.append(.staleScoreNeedsTiers(property))
                return
            }
        }
        if entry.isReadOnly {
            // Set by the run (`horizon` is `--horizon`, a golden case's "horizon"): one policy
            // answers for a day and for a month alike.
            diagnostics.append(.settingIsReadOnly(property))
            check(property.value, Scope(level: entry.level, purpose: purpose))
            return
        }
        let scope = Scope(level: entry.level, purpose: purpose)
        let isCondition = Vocabulary.conditionProperties.contains(property.name.text)
        if isCondition != (property.op == .when) {
            diagnostics.append(.wrongPropertyOp(property, isCondition: isCondition))
            check(property.value, scope)
            return
        }
        if property.op != .set, property.op != .when {
            diagnostics.append(.nothingToAdjust(property, owner: "`\(keyword.rawValue)`"))
        }
        if isCondition {
            checkCondition(property.value, scope, what: purpose)
        } else {
            let before = diagnostics.count
            checkValue(property, expected: entry.type, got: check(property.value, scope), range: entry.range)
            // A value already wrong (a `%` left out: L0324) is not reported twice.
            if diagnostics.count == before { checkSettingRange(property, entry: entry, keyword: keyword) }
        }
    }

    /// A constant setting with a natural range (a share: `close_factor`, `bonus`,
    /// `empty_pool_utilization`) must lie in it: 150 % of a debt cannot be closed.
    private mutating func checkSettingRange(_ property: Property, entry: KnownName, keyword: Keyword) {
        guard let range = entry.range, property.op == .set, let value = folder.fold(property.value),
              !range.contains(value) else { return }
        diagnostics.append(.settingOutOfRange(property, block: keyword, value: value, range: range))
    }
}
