import Foundation
import LeverSyntax

/// Reads and parses a policy file and, transitively, the files it imports.
///
/// Files come back in load order, imports first, so the symbol table can apply `override`
/// by replacing earlier declarations. A file imported twice is read once; an import cycle and
/// an unreadable file become diagnostics at the `import`.
struct PolicyLoader {
    /// Reads a file's bytes; throws only for I/O.
    let read: (String) throws -> [UInt8]
    var sources = SourceMap()
    var files: [ParsedFile] = []
    var diagnostics: [Diagnostic] = []
    private var loaded: Set<String> = []
    private var stack: [String] = []
    /// Import chains deeper than this are cut off, so no input exhausts the stack.
    static let maxDepth = 64

    init(read: @escaping (String) throws -> [UInt8]) {
        self.read = read
    }

    /// Loads the root file and everything it imports; a root that cannot be read gives a
    /// span-less diagnostic.
    mutating func loadRoot(_ path: String) {
        do {
            let bytes = try read(path)
            load(path, bytes: bytes)
        } catch {
            diagnostics.append(.cannotRead(path, reason: Self.reason(error)))
        }
    }

    /// Parses text already in memory as the root (`check(source:path:)`).
    mutating func load(_ path: String, bytes: [UInt8]) {
        let key = Self.normalize(path)
        loaded.insert(key)
        stack.append(key)
        let parsed = Parser.parse(sources.add(path: path, bytes: bytes))
        for imp in parsed.policy.imports { loadImport(imp, from: path) }
        stack.removeLast()
        files.append(parsed)
    }

    private mutating func loadImport(_ imp: Import, from importer: String) {
        let path = Self.resolve(imp.path, relativeTo: importer)
        let key = Self.normalize(path)
        if stack.contains(key) { diagnostics.append(.importCycle(imp.path, at: imp.span)); return }
        guard !loaded.contains(key), stack.count < Self.maxDepth else { return }
        do {
            load(path, bytes: try read(path))
        } catch {
            diagnostics.append(.cannotImport(imp.path, reason: Self.reason(error), at: imp.span))
        }
    }

    /// The path of an import, relative to the importing file's directory.
    static func resolve(_ path: String, relativeTo importer: String) -> String {
        if path.hasPrefix("/") { return path }
        let dir = (importer as NSString).deletingLastPathComponent
        return dir.isEmpty ? path : (dir as NSString).appendingPathComponent(path)
    }

    static func normalize(_ path: String) -> String {
        (path as NSString).standardizingPath
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError || ns.code == 260 {
            return "no such file"
        }
        if let posix = error as? POSIXError { return String(describing: posix.code) }
        return "the file could not be read"
    }
}
