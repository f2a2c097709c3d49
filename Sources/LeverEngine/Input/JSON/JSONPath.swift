/// Where a value sits in a document, as `accounts[3].positions[1].size`.
///
/// Kept as a stack of components while loading, and rendered only when a diagnostic is made.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step: an object member or an array element.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps from the document root.
    public var components: [Component]

    /// A path from its steps (empty = the root).
    public init(_ components: [Component] = []) { self.components = components }

    /// `accounts[3].size`; keys that are not plain identifiers are quoted: `assets["US D"]`.
    public var description: String {
        var out = ""
        for component in components {
            switch component {
            case .index(let i): out += "[\(i)]"
            case .key(let k) where Self.isPlain(k): out += out.isEmpty ? k : "." + k
            case .key(let k): out += "[\"" + k.replacingQuotes() + "\"]"
            }
        }
        return out.isEmpty ? "(document)" : out
    }

    /// The path one step deeper.
    public func appending(_ component: Component) -> JSONPath { JSONPath(components + [component]) }

    private static func isPlain(_ key: String) -> Bool {
        guard let first = key.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return key.utf8.allSatisfy { c in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(c)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
                || c == UInt8(ascii: "$")
        }
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var out = ""
        for ch in self { out += ch == "\"" ? "\\\"" : ch == "\\" ? "\\\\" : String(ch) }
        return out
    }
}
