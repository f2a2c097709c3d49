import Foundation
import Lever

/// One golden case: a directory holding `market.json`, `book.json`, `expected.json` and,
/// optionally, `case.json` with the policy, horizon, tolerance and partial selections.
///
/// The layout is `Tests/Golden/<policy-stem>/<case>/`; the directory name above the case names
/// the policy (`Rules/<policy-stem>.lever`, found by walking up from the case) unless `case.json`
/// says otherwise, so most cases need no `case.json` at all.
public struct GoldenCase: Sendable, Hashable {
    /// The case directory (as discovered: relative paths stay relative).
    public var directory: String
    /// `<policy-stem>/<case>`: the two last components of the directory.
    public var name: String
    /// The policy file, or nil when neither `case.json` nor the `Rules/` search found one.
    public var policy: String?
    /// The horizon as written (`1d`, `30d`).
    public var horizon: String
    /// Relative tolerance for numbers: `|a − b| ≤ tolerance × max(|a|, |b|)`.
    public var tolerance: Double
    /// Only these accounts are expected (nil: every account of the book).
    public var accounts: [String]?
    /// Only these outputs are expected (nil: every output, plus notes, liquidation and the report header).
    public var fields: [String]?
    /// Accounts with input errors are reported as not evaluated instead of failing the case.
    public var keepGoing: Bool
    /// A problem with `case.json` itself (unreadable, bad key or type); the case fails with it.
    public var problem: String?

    /// Default relative tolerance: tight enough to catch any real change, loose enough for
    /// the last bits of floating-point summation order.
    public static let defaultTolerance = 1e-9
    /// Default horizon, as `lever eval` uses.
    public static let defaultHorizon = "1d"

    /// The policy stem: the name of the directory above the case.
    public var stem: String { String(name.split(separator: "/").first ?? "") }

    /// The case's input and expectation files.
    public var marketPath: String { join(directory, "market.json") }
    /// The book of accounts.
    public var bookPath: String { join(directory, "book.json") }
    /// The stable JSON report the case expects.
    public var expectedPath: String { join(directory, "expected.json") }
    /// Optional settings.
    public var settingsPath: String { join(directory, "case.json") }

    /// Reads the case in `directory`, applying `case.json` when present.
    public init(directory: String) {
        self.directory = directory
        let url = URL(fileURLWithPath: directory).standardized
        let stem = url.deletingLastPathComponent().lastPathComponent
        name = stem + "/" + url.lastPathComponent
        horizon = Self.defaultHorizon
        tolerance = Self.defaultTolerance
        keepGoing = false
        policy = Self.findPolicy(stem: stem, from: url)
        if FileManager.default.fileExists(atPath: settingsPath) { applySettings() }
    }

    /// `Rules/<stem>.lever` in the nearest ancestor of the case that has one.
    static func findPolicy(stem: String, from directory: URL) -> String? {
        var current = directory
        for _ in 0..<64 {
            let candidate = current.appendingPathComponent("Rules").appendingPathComponent(stem + ".lever")
            if FileManager.default.fileExists(atPath: candidate.path) { return displayPath(candidate.path) }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
        return nil
    }

    /// Reads `case.json`; any problem is kept in `problem` (user mistakes never throw).
    mutating func applySettings() {
        guard let data = FileManager.default.contents(atPath: settingsPath) else {
            problem = "cannot read `\(settingsPath)`"
            return
        }
        switch JSONValue.parse([UInt8](data)) {
        case .failure(let error): problem = "`\(settingsPath)` is not valid JSON (\(error))"
        case .success(.object(let members)):
            for member in members where problem == nil { apply(member) }
        case .success: problem = "`\(settingsPath)` must be a JSON object"
        }
    }

    private mutating func apply(_ member: JSONValue.Member) {
        switch (member.key, member.value) {
        case ("policy", .string(let path)):
            let resolved = path.hasPrefix("/") ? path : join(directory, path)
            // Absolute before standardizing: a relative URL drops the `..` that climb above its own
            // first component (`protocols/case/../../../../Rules` became `/Rules`).
            policy = Self.displayPath(URL(fileURLWithPath: resolved).absoluteURL.standardized.path)
        case ("horizon", .string(let text)) where Horizon.parse(text) != nil: horizon = text
        case ("tolerance", .number(let value)) where value >= 0 && value.isFinite: tolerance = value
        case ("accounts", .array(let items)): accounts = Self.strings(items) ?? { problem = invalid(member.key); return nil }()
        case ("fields", .array(let items)): fields = Self.strings(items) ?? { problem = invalid(member.key); return nil }()
        case ("keep_going", .bool(let flag)): keepGoing = flag
        case ("$comment", _): break
        case ("policy", _), ("horizon", _), ("tolerance", _), ("accounts", _), ("fields", _), ("keep_going", _):
            problem = invalid(member.key)
        default:
            problem = "`\(settingsPath)`: unknown key `\(member.key)` (known: policy, horizon, tolerance, accounts, fields, keep_going)"
        }
    }

    private func invalid(_ key: String) -> String {
        let shapes = ["policy": "a path string", "horizon": "a duration such as \"1d\"",
                      "tolerance": "a non-negative number", "accounts": "an array of strings",
                      "fields": "an array of strings", "keep_going": "true or false"]
        return "`\(settingsPath)`: `\(key)` must be \(shapes[key] ?? "valid")"
    }

    private static func strings(_ items: [JSONValue]) -> [String]? {
        var result: [String] = []
        for item in items {
            guard case .string(let text) = item else { return nil }
            result.append(text)
        }
        return result
    }

    /// An absolute path shown relative to the working directory when it lies beneath it, so
    /// rule locations read `Rules/prime.lever:12:3`.
    static func displayPath(_ absolute: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let standardized = URL(fileURLWithPath: absolute).standardized.path
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return standardized.hasPrefix(prefix) ? String(standardized.dropFirst(prefix.count)) : standardized
    }
}

/// `directory/file` without doubling a trailing slash.
func join(_ directory: String, _ file: String) -> String {
    directory.hasSuffix("/") ? directory + file : directory + "/" + file
}
