import Lever

/// Which assets a change to a class reaches, as the compiler sees it: an asset is reached when
/// the live part of its rule chain for the property (from the last `=` on, class root → asset)
/// differs between the two versions. A class rule that every asset of the class sets again is
/// dead, and the diff says so rather than implying it moves collateral.
struct RuleReach {
    let old: CheckResult
    let new: CheckResult
    private let oldText: PolicyFlattener
    private let newText: PolicyFlattener

    init(old: CheckResult, new: CheckResult) {
        self.old = old
        self.new = new
        self.oldText = PolicyFlattener(old)
        self.newText = PolicyFlattener(new)
    }

    /// Adds `appliesTo` to every change whose subject is a class.
    func annotate(_ changes: [ParameterChange]) -> [ParameterChange] {
        changes.map { change in
            guard change.subject.hasPrefix("class ") else { return change }
            let cls = String(change.subject.dropFirst("class ".count))
            // A class no asset belongs to reaches nothing, which needs no saying.
            guard !assets(under: cls).isEmpty else { return change }
            var annotated = change
            annotated.appliesTo = change.item == "class" ? assets(under: cls) : assets(under: cls, reachedFor: change.item)
            return annotated
        }
    }

    /// Assets present in both versions whose class chain includes `cls` in either.
    func assets(under cls: String) -> [String] {
        let names = Set(old.symbols.names(.asset)).intersection(new.symbols.names(.asset))
        return new.symbols.names(.asset).filter { asset in
            names.contains(asset) && (Self.isUnder(asset, cls, old.symbols) || Self.isUnder(asset, cls, new.symbols))
        }
    }

    /// Those of them whose live chain for `property` differs between the versions.
    func assets(under cls: String, reachedFor property: String) -> [String] {
        assets(under: cls).filter { asset in
            let a = Self.live(old.symbols.propertyChain(asset: asset, property: property))
            let b = Self.live(new.symbols.propertyChain(asset: asset, property: property))
            let x = oldText.properties("", a), y = newText.properties("", b)
            return x.count != y.count || !zip(x, y).allSatisfy { $0.means($1) }
        }
    }

    static func isUnder(_ asset: String, _ cls: String, _ symbols: SymbolTable) -> Bool {
        guard let info = symbols.assetInfo(asset) else { return false }
        return symbols.classChain(info.cls.text).contains { $0.name.text == cls }
    }

    /// The rules that decide the value: the last `=` (or `when`) and the adjustments after it.
    static func live(_ chain: [Property]) -> [Property] {
        guard let last = chain.lastIndex(where: { $0.op == .set || $0.op == .when }) else { return chain }
        return Array(chain[last...])
    }
}
