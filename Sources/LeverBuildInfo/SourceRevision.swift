/// The source revision the `lever` executable was built from, for `lever --version` and the
/// engine version every artifact records (`EngineVersion.describe(revision:)`).
///
/// The value comes from `SourceRevision+Generated.swift`, which the `SourceRevisionPlugin`
/// build-tool plugin writes before each build (see `Plugins/`). Only the executable reads it: the
/// libraries take the engine version as a value, so their output never depends on the commit.
public enum SourceRevision {
    /// The short commit hash (`3f2c1ab`, or `3f2c1ab-dirty` when tracked files had changes), or
    /// nil when the build had no git work tree of its own (a source tarball, no `git`).
    public static var short: String? { generatedRevision.isEmpty ? nil : generatedRevision }
}
