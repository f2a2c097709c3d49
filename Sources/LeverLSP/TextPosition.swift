import LeverSyntax

/// Converts between the byte offsets spans hold and LSP positions (zero-based line, UTF-16
/// character, as the protocol's default `utf-16` position encoding counts them).
struct TextPosition {
    let file: SourceFile

    /// The LSP position of a byte offset.
    func position(of offset: Int) -> (line: Int, character: Int) {
        let clamped = min(max(offset, 0), file.bytes.count), lineStarts = file.lineStarts
        var line = 0
        // The last line start at or before the offset (lineStarts is ascending, starts with 0).
        var lo = 0, hi = lineStarts.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if lineStarts[mid] <= clamped { line = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        let start = lineStarts.isEmpty ? 0 : lineStarts[line]
        let prefix = String(decoding: file.bytes[start..<clamped], as: UTF8.self)
        return (line, prefix.utf16.count)
    }

    /// The byte offset of an LSP position (clamped to the line's end and to the file).
    func offset(line: Int, character: Int) -> Int {
        let lineStarts = file.lineStarts
        guard !lineStarts.isEmpty else { return 0 }
        guard line < lineStarts.count else { return file.bytes.count }
        let start = lineStarts[max(line, 0)]
        let end = line + 1 < lineStarts.count ? lineStarts[line + 1] : file.bytes.count
        let text = String(decoding: file.bytes[start..<end], as: UTF8.self)
        var units = 0, bytes = 0
        for scalar in text.unicodeScalars {
            if units >= character || scalar == "\n" { break }
            units += scalar.utf16.count
            bytes += scalar.utf8.count
        }
        return start + bytes
    }

    /// `{"start": …, "end": …}` of a span.
    func range(_ span: Span) -> JSONOutput {
        let (a, b) = (position(of: span.start), position(of: span.end))
        return .object(["start": Self.json(a), "end": Self.json(b)])
    }

    static func json(_ p: (line: Int, character: Int)) -> JSONOutput {
        .object(["line": .int(p.line), "character": .int(p.character)])
    }
}
