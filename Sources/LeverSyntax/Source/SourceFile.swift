import Synchronization

/// One policy file's text, with a line-start table so that spans turn into lines and columns only
/// when a diagnostic is rendered.
public struct SourceFile: Sendable, Hashable {
    /// Index of this file in its `SourceMap`; spans refer to files by this id.
    public let id: Int
    /// The path as the user typed it, used in rendered locations.
    public let path: String
    /// The text, as UTF-8 bytes (lexing works on bytes; columns are counted in characters).
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`. Found at the first use (a
    /// diagnostic's place), not when the file is read: a large book that loads cleanly never
    /// needs them, and a scan of its every byte on the reading thread was a twentieth of `eval`.
    public var lineStarts: [Int] { lines.starts(of: bytes) }
    private let lines = LineStarts()

    public init(id: Int, path: String, text: String) {
        self.init(id: id, path: path, bytes: Array(text.utf8))
    }

    public init(id: Int, path: String, bytes: [UInt8]) {
        self.id = id
        self.path = path
        self.bytes = bytes
    }

    /// Files are equal when their id, path and text are: the line starts follow from the text.
    public static func == (a: SourceFile, b: SourceFile) -> Bool {
        a.id == b.id && a.path == b.path && a.bytes == b.bytes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(path)
        hasher.combine(bytes)
    }

    /// Offsets after each newline, with 0 first. A book of a gigabyte is scanned here once, eight
    /// bytes at a time: a word with no newline byte (most of them) costs one test.
    static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBytes { raw in
            let n = raw.count
            var i = 0
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let newlines = ones &* 0x0A
            while i + 8 <= n {
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ newlines
                // A zero byte in x is a newline in the word (the classic has-zero-byte test).
                if (x &- ones) & ~x & highs != 0 {
                    for k in i..<(i + 8) where raw[k] == 0x0A { starts.append(k + 1) }
                }
                i += 8
            }
            while i < n {
                if raw[i] == 0x0A { starts.append(i + 1) }
                i += 1
            }
        }
        return starts
    }

    /// The whole text (invalid UTF-8 is repaired with U+FFFD).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// 1-based line and character column of a byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count)), lineStarts = lineStarts
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        let prefix = bytes[lineStarts[lo]..<clamped]
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        return (lo + 1, column)
    }

    /// The text of a 1-based line, without its newline.
    public func lineText(_ line: Int) -> String {
        let lineStarts = lineStarts
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The source text a span covers.
    public func text(of span: Span) -> String {
        let lo = max(0, min(span.start, bytes.count)), hi = max(lo, min(span.end, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }
}

/// A file's line starts, found once, when first asked for, on whichever thread asks: shared by
/// every copy of the file.
private final class LineStarts: Sendable {
    private let found = Mutex<[Int]?>(nil)

    func starts(of bytes: [UInt8]) -> [Int] {
        found.withLock { found in
            if let found { return found }
            let starts = SourceFile.lineStarts(of: bytes)
            found = starts
            return starts
        }
    }
}
