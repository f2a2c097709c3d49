import Foundation
import Lever
import Testing

/// What a golden comparison may do with the file on disk, read from the environment.
///
/// `LEVER_BLESS=1` rewrites mismatching goldens; `CI` (any value) forbids every write, so a missing
/// or stale golden fails the build instead of being silently recorded (Pkl, CUE, ArgumentParser).
public enum GoldenMode: Sendable, Equatable {
    /// Compare; a missing golden is recorded and the test fails.
    case compare
    /// Compare, and rewrite a mismatching golden instead of failing.
    case bless
    /// Compare only; never write.
    case ci

    /// The mode for this process: `CI` wins over `LEVER_BLESS`.
    public static func from(environment: [String: String]) -> GoldenMode {
        if let ci = environment["CI"], !ci.isEmpty { return .ci }
        if let bless = environment["LEVER_BLESS"], !bless.isEmpty, bless != "0" { return .bless }
        return .compare
    }

    /// The mode for the running test process.
    public static var current: GoldenMode { from(environment: ProcessInfo.processInfo.environment) }
}

/// Compares `actual` with the golden file at `path`, writing it back as `mode` allows.
///
/// Both sides are normalised to `\n` line endings. A missing golden is written (outside CI) and
/// the test still fails with "recorded new golden; re-run", so a new case is never green unseen.
public func assertGolden(
    actual: String, path: String, mode: GoldenMode = .current,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let actual = normalizedNewlines(actual)
    guard let data = FileManager.default.contents(atPath: path) else {
        if mode == .ci {
            Issue.record("missing golden \(path) (not written because CI is set)", sourceLocation: sourceLocation)
        } else {
            writeGolden(actual, to: path, sourceLocation: sourceLocation)
            Issue.record("recorded new golden \(path); re-run", sourceLocation: sourceLocation)
        }
        return
    }
    let expected = normalizedNewlines(String(decoding: data, as: UTF8.self))
    guard expected != actual else { return }
    if mode == .bless {
        writeGolden(actual, to: path, sourceLocation: sourceLocation)
        return
    }
    let hint = mode == .ci ? "" : "\n(run with LEVER_BLESS=1 to accept the new output)"
    Issue.record("golden mismatch: \(path)\n\(lineDiff(expected: expected, actual: actual))\(hint)",
                 sourceLocation: sourceLocation)
}

/// The golden file `relative` under the `Golden` directory next to the calling test file.
///
/// Goldens are found through `#filePath`, not `Bundle.module`, so blessing writes into the source tree.
public func goldenPath(_ relative: String, filePath: String = #filePath) -> String {
    URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent(relative).path
}

/// Files under `Golden/<directory>` next to the calling test file whose names end in `.<ext>`,
/// sorted, as paths relative to `Golden`; for `@Test(arguments:)` so each case names its file.
public func goldenCases(_ directory: String, ext: String, filePath: String = #filePath) -> [String] {
    let root = goldenPath(directory, filePath: filePath)
    guard let names = FileManager.default.subpaths(atPath: root) else { return [] }
    return names.filter { $0.hasSuffix("." + ext) }.sorted().map { directory + "/" + $0 }
}

/// Lines only in the golden start with `-`, lines only in the output with `+` (at most 40 shown).
public func lineDiff(expected: String, actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let changes = new.difference(from: old).map { change -> (Int, String) in
        switch change {
        case .remove(let offset, let line, _): (offset, "-\(line)")
        case .insert(let offset, let line, _): (offset, "+\(line)")
        }
    }
    let shown = changes.prefix(40).map { "line \($0.0 + 1): \($0.1)" }
    let more = changes.count > 40 ? ["… \(changes.count - 40) more changed lines"] : []
    return (shown + more).joined(separator: "\n")
}

func normalizedNewlines(_ text: String) -> String {
    text.replacingOccurrences(of: "\r\n", with: "\n")
}

private func writeGolden(_ text: String, to path: String, sourceLocation: SourceLocation) {
    let url = URL(fileURLWithPath: path)
    do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try OutputFile.write(text, to: path)
    } catch {
        Issue.record("could not write golden \(path): \(error)", sourceLocation: sourceLocation)
    }
}
