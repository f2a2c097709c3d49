import Foundation
import LeverSyntax

/// Reads and parses a policy file and, transitively, the files it imports.
///
/// Files come back in load order, imports first, so the symbol table can apply `override`
/// by replacing earlier declarations. A file imported twice is read once; an import cycle and
/// an unreadable file become diagnostics at the `import`. The limits (`PolicyLimits`) hold for
/// the files together: past `maxBytes` of text no further file is parsed (L0121), and the
/// declarations of every file count towards `maxDeclarations`.
struct PolicyLoader {
    /// Reads a file's bytes, at most `limits.maxBytes` of them; throws only for I/O.
    let read: (String) throws -> [UInt8]
    let limits: PolicyLimits
    var sources = SourceMap()
    var files: [ParsedFile] = []
    var diagnostics: [Diagnostic] = []
    private var loaded: Set<String> = []
    private var stack: [String] = []
    /// Bytes and declarations of the files parsed so far.
    private var bytesRead = 0
    private var declarations = 0
    /// Import chains deeper than this are cut off, so no input exhausts the stack.
    static let maxDepth = 64

    init(limits: PolicyLimits = .standard, read: @escaping (String) throws -> [UInt8]) {
        self.limits = limits
        self.read = read
    }

    /// Loads the root file and everything it imports; a root that cannot be read gives a
    /// span-less diagnostic (`CheckResult.isUnreadable`).
    mutating func loadRoot(_ path: String) {
        do {
            let bytes = try read(path)
            load(path, bytes: bytes)
        } catch {
            diagnostics.append(Self.unreadable(path, error, limit: limits.maxBytes, at: .synthetic))
        }
    }

    /// Parses text already in memory as the root (`check(source:path:)`).
    mutating func load(_ path: String, bytes: [UInt8], importedAt span: Span = .synthetic) {
        // Bytes already read are kept no longer than it takes to say that they are too many.
        guard bytesRead + bytes.count <= limits.maxBytes else {
            diagnostics.append(.policyTooLarge(path, limit: limits.maxBytes, together: bytesRead > 0, at: span))
            return
        }
        bytesRead += bytes.count
        let key = Self.normalize(path)
        loaded.insert(key)
        stack.append(key)
        let parsed = Parser.parse(sources.add(path: path, bytes: bytes), limits: limits, declarationsBefore: declarations)
        declarations += parsed.policy.declarations.count
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
            load(path, bytes: try read(path), importedAt: imp.span)
        } catch {
            diagnostics.append(Self.unreadable(imp.path, error, limit: limits.maxBytes, at: imp.span))
        }
    }

    /// The diagnostic for a file that could not be read: too large (L0121) or unreadable (L0205).
    static func unreadable(_ path: String, _ error: Error, limit: Int, at span: Span) -> Diagnostic {
        if let read = error as? InputFile.ReadError, case .tooLarge = read.reason {
            return .policyTooLarge(path, limit: limit, together: false, at: span)
        }
        return span == .synthetic ? .cannotRead(path, reason: reason(error))
                                  : .cannotImport(path, reason: reason(error), at: span)
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
        if let read = error as? InputFile.ReadError { return read.reason.description }
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError || ns.code == 260 {
            return "no such file"
        }
        if let posix = error as? POSIXError { return String(describing: posix.code) }
        return "the file could not be read"
    }
}
