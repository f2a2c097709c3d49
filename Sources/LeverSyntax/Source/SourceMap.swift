/// Every file loaded in one run, so a span can be rendered whichever file it points into.
public struct SourceMap: Sendable {
    public private(set) var files: [SourceFile] = []

    public init() {}

    /// Adds a file and returns it with its id assigned.
    @discardableResult
    public mutating func add(path: String, text: String) -> SourceFile {
        add(path: path, bytes: Array(text.utf8))
    }

    @discardableResult
    public mutating func add(path: String, bytes: [UInt8]) -> SourceFile {
        let file = SourceFile(id: files.count, path: path, bytes: bytes)
        files.append(file)
        return file
    }

    public func file(_ id: Int) -> SourceFile? {
        files.indices.contains(id) ? files[id] : nil
    }

    /// `path:line:col` of a span's start, or `<unknown>` for synthetic spans.
    public func location(_ span: Span) -> String {
        guard let file = file(span.file) else { return "<unknown>" }
        let (line, col) = file.location(of: span.start)
        return "\(file.path):\(line):\(col)"
    }
}
