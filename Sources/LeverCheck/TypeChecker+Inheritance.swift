import LeverSyntax

extension TypeChecker {
    /// Every property a class chain defines, cached per class so that long chains cost one step
    /// per class overall instead of one walk per class.
    mutating func defined(class name: String) -> Set<String> {
        if let cached = definedByClass[name] { return cached }
        var pending: [ClassInfo] = []
        var seen: Set<String> = []
        var current: String? = name
        while let n = current, definedByClass[n] == nil, !seen.contains(n), let info = symbols.classInfo(n) {
            seen.insert(n)
            pending.append(info)
            current = info.parent?.text
        }
        var inherited = current.flatMap { definedByClass[$0] } ?? []
        for info in pending.reversed() {
            inherited.formUnion(info.body.map(\.name.text))
            definedByClass[info.name.text] = inherited
        }
        return definedByClass[name] ?? []
    }
}

extension TypeChecker {
    /// Every property some class defines: what a venue may adjust besides the standard ones.
    func allDefinedProperties() -> Set<String> {
        Set(symbols.classInfos.values.flatMap { $0.body.map(\.name.text) })
    }
}
