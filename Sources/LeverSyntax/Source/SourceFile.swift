/// One policy file's text, with a line-start table so that spans turn into lines and columns only
/// when a diagnostic is rendered.
public struct SourceFile: Sendable, Hashable {
    /// Index of this file in its `SourceMap`; spans refer to files by this id.
    public let id: Int
    /// The path as the user typed it, used in rendered locations.
    public let path: String
    /// The text, as UTF-8 bytes (lexing works on bytes; columns are counted in characters).
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(id: Int, path: String, text: String) {
        self.init(id: id, path: path, bytes: Array(text.utf8))
    }

    public init(id: Int, path: String, bytes: [UInt8]) {
        self.id = id
        self.path = path
        self.bytes = bytes
        // Over the raw buffer: a book of a gigabyte is scanned here once, at memory speed.
        self.lineStarts = bytes.withUnsafeBufferPointer { buffer in
            var starts = [0]
            for i in 0..<buffer.count where buffer[i] == UInt8(ascii: "\n") { starts.append(i + 1) }
            return starts
        }
    }

    /// The whole text (invalid UTF-8 is repaired with U+FFFD).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// 1-based line and character column of a byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
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
