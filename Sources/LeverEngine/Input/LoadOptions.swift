import LeverSyntax

/// How strictly a book or market file is loaded.
public struct LoadOptions: Sendable, Hashable {
    /// When false (the default) any error fails the load; every problem is still reported.
    /// When true, an account (or market asset) with errors is reported and left out, and the
    /// rest loads; a book checked against a market alone keeps accounts on assets the market
    /// lacks, flagged (`AccountFlags.unknownAsset`).
    /// Syntax errors always fail the load: a broken document has no safe place to resume.
    public var keepGoing: Bool
    /// Deepest JSON nesting read before reporting an error (the formats need 5 levels).
    public var maxDepth: Int
    /// How large the files, the book and its accounts may be.
    public var limits: InputLimits
    /// Threads a large book is read with: its later parts are decoded on other threads while
    /// this one reads the first, and each is taken as it would have been read in order (the
    /// book, every diagnostic and every path are the same at any thread count; see
    /// `BookSegments`).
    public var threads: Int

    /// Strict loading with a 128-level nesting cap and the standard limits unless told otherwise.
    public init(keepGoing: Bool = false, maxDepth: Int = 128, limits: InputLimits = .standard, threads: Int = 1) {
        self.keepGoing = keepGoing
        self.maxDepth = maxDepth
        self.limits = limits
        self.threads = max(1, threads)
    }
}

/// What a load produced: the value, unless it failed, and every problem found.
public struct Loaded<Value: Sendable>: Sendable {
    /// Nil when the load failed (an error without `keepGoing`, or an unreadable document).
    public var value: Value?
    /// Errors and warnings in file order; spans point into the loaded `SourceFile`.
    public var diagnostics: [Diagnostic]

    /// A load result.
    public init(value: Value?, diagnostics: [Diagnostic]) {
        self.value = value
        self.diagnostics = diagnostics
    }
}
