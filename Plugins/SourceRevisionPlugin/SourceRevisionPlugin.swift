import Foundation
import PackagePlugin

/// Writes the package's git revision (`git rev-parse --short HEAD`, with `-dirty` when tracked
/// files differ from it) into `SourceRevision+Generated.swift` of the target it is applied to
/// (`LeverBuildInfo`), so that `lever --version` and every artifact can name the source they were
/// built from.
///
/// A build command whose inputs are what the revision depends on: git's `HEAD`, index, the
/// checked-out branch's ref and `packed-refs` (a commit, a checkout or staging changes one of
/// them), and every source file of the package and its manifest (an edit makes the tree dirty).
/// So the command runs again exactly when the answer may have changed — SwiftPM runs a
/// prebuild command only when it plans the build afresh, which a commit of unchanged sources
/// does not cause, so a prebuild command went stale. The script writes the file only when its
/// text changes, so an unchanged revision recompiles nothing; a new one recompiles this one
/// tiny module and relinks `lever`.
///
/// It never fails the build: without `git`, outside a work tree (a source tarball), or when the
/// enclosing work tree belongs to another project (a tarball unpacked inside some repository), the
/// revision is empty and `lever` reports the release number alone. The executable is `/bin/sh`
/// so that nothing needs building first.
@main
struct SourceRevisionPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let work = context.pluginWorkDirectoryURL
        let generated = work.appendingPathComponent("generated")
        let package = context.package.directoryURL
        let path = (ProcessInfo.processInfo.environment["PATH"].map { $0 + ":" } ?? "") + "/usr/local/bin:/usr/bin:/bin"
        let sources = context.package.targets.compactMap { $0 as? SourceModuleTarget }.flatMap { $0.sourceFiles.map(\.url) }
        return [
            .buildCommand(
                displayName: "Reading the source revision of \(context.package.displayName)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", Self.script, "source-revision", generated.path, work.path, package.path],
                environment: ["PATH": path, "GIT_OPTIONAL_LOCKS": "0"],
                inputFiles: [package.appendingPathComponent("Package.swift")] + Self.gitState(of: package) + sources,
                outputFiles: [generated.appendingPathComponent("SourceRevision+Generated.swift")]),
        ]
    }

    /// The files a commit, a checkout or `git add` rewrites: `HEAD`, `index`, the branch's ref and
    /// `packed-refs`, in the package's own git directory (`.git`, or the one a worktree's `.git`
    /// file names, whose refs live in its `commondir`). Only files that exist; none without git.
    static func gitState(of package: URL) -> [URL] {
        let fm = FileManager.default
        let dotGit = package.appendingPathComponent(".git")
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: dotGit.path, isDirectory: &isDirectory) else { return [] }
        var gitDirectory = dotGit
        if !isDirectory.boolValue {
            guard let link = try? String(contentsOf: dotGit, encoding: .utf8), link.hasPrefix("gitdir: ") else { return [] }
            gitDirectory = resolve(link.dropFirst(8), against: package)
        }
        let common = (try? String(contentsOf: gitDirectory.appendingPathComponent("commondir"), encoding: .utf8))
            .map { resolve(Substring($0), against: gitDirectory) } ?? gitDirectory
        var files = [gitDirectory.appendingPathComponent("HEAD"), gitDirectory.appendingPathComponent("index"),
                     common.appendingPathComponent("packed-refs")]
        if let head = try? String(contentsOf: gitDirectory.appendingPathComponent("HEAD"), encoding: .utf8),
           head.hasPrefix("ref: ") {
            files.append(common.appendingPathComponent(head.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return files.filter { fm.fileExists(atPath: $0.path) }
    }

    /// A path read from a git file, absolute or relative to `base`.
    static func resolve(_ text: Substring, against base: URL) -> URL {
        let path = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
    }

    /// `$1` the output directory, `$2` a scratch directory, `$3` the package directory. Every step
    /// tolerates failure; the script always exits 0 having written (or kept) the file.
    static let script = #"""
        out="$1"; scratch="$2"; package="$3"
        revision=""
        if command -v git >/dev/null 2>&1; then
            top="$(git -C "$package" rev-parse --show-toplevel 2>/dev/null)" || top=""
            here="$(cd "$package" 2>/dev/null && pwd -P)" || here=""
            if [ -n "$top" ] && [ "$(cd "$top" 2>/dev/null && pwd -P)" = "$here" ]; then
                revision="$(git -C "$package" rev-parse --short HEAD 2>/dev/null)" || revision=""
                case "$revision" in *[!0-9a-f]*) revision="" ;; esac
                if [ -n "$revision" ]; then
                    git -C "$package" diff --quiet HEAD -- >/dev/null 2>&1
                    [ "$?" = 1 ] && revision="$revision-dirty"
                fi
            fi
        fi
        mkdir -p "$out" "$scratch" || exit 0
        file="$out/SourceRevision+Generated.swift"
        {
            echo "// Generated by the SourceRevisionPlugin build-tool plugin; do not edit."
            echo "let generatedRevision = \"$revision\""
        } > "$scratch/revision.swift.tmp" || exit 0
        if cmp -s "$scratch/revision.swift.tmp" "$file"; then
            rm -f "$scratch/revision.swift.tmp"
        else
            mv -f "$scratch/revision.swift.tmp" "$file"
        fi
        exit 0
        """#
}
