import LeverSyntax

/// A class declaration's parts, read out of its `Declaration`.
public struct ClassInfo: Sendable, Hashable {
    public var name: Name
    public var parent: Name?
    public var body: [Property]
}

/// An asset declaration's parts.
public struct AssetInfo: Sendable, Hashable {
    public var name: Name
    public var cls: Name
    public var body: [Property]
}

/// A property set by a venue block, with the venue's name.
public struct VenueContribution: Sendable, Hashable {
    public var venue: String
    public var property: Property
}

extension SymbolTable {
    /// The class named, if declared.
    public func classInfo(_ name: String) -> ClassInfo? {
        classInfos[name]
    }

    /// The asset named, if declared.
    public func assetInfo(_ name: String) -> AssetInfo? {
        guard let s = lookup(.asset, name), case .asset(let n, let cls, let body) = s.declaration.kind
        else { return nil }
        return AssetInfo(name: n, cls: cls, body: body)
    }

    /// The body of a venue block, if declared.
    public func venueBody(_ name: String) -> [Property]? {
        guard let s = lookup(.venue, name), case .venue(_, let body) = s.declaration.kind else { return nil }
        return body
    }

    /// The body of the `margin` or `oracle` block, if declared.
    public func settingsBody(_ keyword: Keyword) -> [Property]? {
        guard let s = lookup(.settings, keyword.rawValue), case .settings(_, let body) = s.declaration.kind
        else { return nil }
        return body
    }

    /// The class chain of a class, root first, ending at the class itself.
    ///
    /// Stops at an unknown parent (reported by the resolver) and at a cycle (reported when the
    /// table is built), so the result is always finite.
    public func classChain(_ name: String) -> [ClassInfo] {
        var chain: [ClassInfo] = []
        var seen: Set<String> = []
        var current: String? = name
        while let n = current, !seen.contains(n), let info = classInfo(n) {
            seen.insert(n)
            chain.append(info)
            current = info.parent?.text
        }
        return chain.reversed()
    }

    /// The contributions to one property of an asset in override order:
    /// class chain root → … → class → asset. Venue contributions come from `venueContributions`.
    public func propertyChain(asset: String, property: String) -> [Property] {
        guard let info = assetInfo(asset) else { return [] }
        let classBodies = classChain(info.cls.text).map(\.body)
        return (classBodies + [info.body]).flatMap { body in body.filter { $0.name.text == property } }
    }

    /// The contributions of a class chain to a property (root first), for class-level checks.
    public func propertyChain(class name: String, property: String) -> [Property] {
        classChain(name).flatMap { $0.body.filter { $0.name.text == property } }
    }

    /// What each venue does to a property, in declaration order; applied after the asset's own.
    public func venueContributions(property: String) -> [VenueContribution] {
        symbols(.venue).flatMap { symbol -> [VenueContribution] in
            guard case .venue(let n, let body) = symbol.declaration.kind else { return [] }
            return body.filter { $0.name.text == property }.map { VenueContribution(venue: n.text, property: $0) }
        }
    }

    /// Every property name a class chain defines (root first), for "did you mean" and `+=` checks.
    public func definedProperties(class name: String) -> Set<String> {
        Set(classChain(name).flatMap { $0.body.map(\.name.text) })
    }

    /// Finds each class whose parent chain returns to it, and reports the cycle once.
    ///
    /// Each class is walked at most once overall (classes already walked are `done`), so this is
    /// linear in the number of classes however long the chains are.
    mutating func findClassCycles() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var done: Set<String> = []
        for symbol in symbols(.class) where !done.contains(symbol.name) {
            let loop = walkChain(from: symbol.name, done: &done)
            guard let first = loop.first, let at = lookup(.class, first) else { continue }
            loop.forEach { cyclicClasses.insert($0) }
            diagnostics.append(.classCycle(loop, at: at.nameSpan))
        }
        return diagnostics
    }

    /// Walks parents from `name` until a class already walked, an unknown parent, or a repeat;
    /// returns the classes on the cycle when it is a repeat, else empty.
    private func walkChain(from name: String, done: inout Set<String>) -> [String] {
        var path: [String] = []
        var onPath: [String: Int] = [:]
        var current: String? = name
        while let n = current, !done.contains(n), let info = classInfo(n) {
            if let start = onPath[n] {
                path.forEach { done.insert($0) }
                return Array(path[start...])
            }
            onPath[n] = path.count
            path.append(n)
            current = info.parent?.text
        }
        path.forEach { done.insert($0) }
        return []
    }
}
