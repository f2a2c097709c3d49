/// A half-open range of UTF-8 byte offsets in one source file.
public struct Span: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: Int
    public var start: Int
    public var end: Int

    public init(file: Int, start: Int, end: Int) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    /// A span for nodes made up by the compiler or in tests.
    public static let synthetic = Span(file: -1, start: 0, end: 0)

    public var isEmpty: Bool { start == end }

    /// The smallest span covering both.
    public func to(_ other: Span) -> Span {
        guard file == other.file else { return self }
        return Span(file: file, start: min(start, other.start), end: max(end, other.end))
    }

    public static func < (a: Span, b: Span) -> Bool {
        (a.file, a.start, a.end) < (b.file, b.start, b.end)
    }

    public var description: String { "\(file):\(start)..<\(end)" }
}
