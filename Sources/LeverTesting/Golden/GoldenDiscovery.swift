import Foundation

/// Finds golden cases: every directory holding both `book.json` and `market.json`.
///
/// A case need not have `expected.json` yet (bless writes it), so the inputs mark a case.
/// Results are sorted by path so runs and reports are in a stable order.
public enum GoldenDiscovery {
    /// Why discovery could not start.
    public struct Missing: Error, CustomStringConvertible, Sendable {
        /// The path that does not exist or is not a directory.
        public var path: String
        /// The message `lever test` prints.
        public var description: String { "error: `\(path)` is not a directory" }
    }

    /// The cases under each of `paths` (a path may itself be a case), deduplicated, sorted.
    public static func cases(under paths: [String]) throws -> [GoldenCase] {
        var directories: Set<String> = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
            else { throw Missing(path: path) }
            directories.formUnion(caseDirectories(under: path))
        }
        return directories.sorted().map { GoldenCase(directory: $0) }
    }

    /// Directories at or below `root` that are cases; hidden directories are skipped.
    static func caseDirectories(under root: String) -> [String] {
        let base = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        var found = isCase(base) ? [base] : []
        guard let walker = FileManager.default.enumerator(atPath: base) else { return found }
        while let relative = walker.nextObject() as? String {
            let path = join(base, relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if isCase(path) { found.append(path) }
        }
        return found
    }

    static func isCase(_ directory: String) -> Bool {
        let manager = FileManager.default
        return manager.fileExists(atPath: join(directory, "book.json")) && manager.fileExists(atPath: join(directory, "market.json"))
    }
}
