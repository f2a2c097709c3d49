extension Lever {
    /// Which rules a checked policy holds: name and version from its `policy` header, and the
    /// SHA-256 of its canonical form, so a stored report says exactly which rules produced it.
    ///
    /// The canonical form is `lever fmt`'s output, so re-indenting or re-spacing a policy keeps
    /// its hash while any change to a rule (or a comment) gives a new one. A policy with imports
    /// hashes the formatted text of every file in load order (imports first, the root last),
    /// joined by a NUL character, which no policy text can contain; file paths are left out so
    /// that moving the files keeps the hash. The name and version come from the root file's
    /// header, or else from the last imported file that has one.
    public static func identity(of checked: CheckResult) -> PolicyIdentity {
        let header = checked.root?.policy.header ?? checked.files.reversed().lazy.compactMap(\.policy.header).first
        let canonical = checked.files.map(Formatter.format).joined(separator: "\u{0}")
        return PolicyIdentity(name: header?.name ?? "", version: header?.version ?? "", hash: ContentDigest.sha256(canonical))
    }
}
