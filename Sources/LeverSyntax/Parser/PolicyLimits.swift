/// How large a policy may be. Each limit, when exceeded, is a located error, and reading or
/// parsing stops there, so no policy file makes Lever exhaust memory or time.
///
/// Nesting (parentheses, calls, `if`, prefix operators) is capped separately at
/// `Parser.maxDepth` levels (L0115); a chain of operators (`a + b + … + z`) is not nesting and
/// has no limit of its own beyond the size of the text.
public struct PolicyLimits: Sendable, Hashable {
    /// Bytes of policy text: each file, and the file and everything it imports together (L0121).
    public var maxBytes: Int
    /// Bytes in one name (L0122). Names are ASCII, so bytes are characters.
    public var maxNameLength: Int
    /// Bytes in one string literal (L0123).
    public var maxStringLength: Int
    /// Declarations in the file and everything it imports together (L0124).
    public var maxDeclarations: Int

    /// The defaults: 16 MiB of text, names of 256 characters, strings of 4,096 bytes,
    /// 50,000 declarations.
    public init(maxBytes: Int = 16 << 20, maxNameLength: Int = 256, maxStringLength: Int = 4096,
                maxDeclarations: Int = 50_000) {
        self.maxBytes = maxBytes
        self.maxNameLength = maxNameLength
        self.maxStringLength = maxStringLength
        self.maxDeclarations = maxDeclarations
    }

    /// The defaults.
    public static let standard = PolicyLimits()
}
