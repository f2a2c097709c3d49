import Dispatch
import LeverSyntax
import Synchronization

/// The later parts of a large book, decoded on other threads while the loader reads the first
/// part in order, so a book loads at the speed of several cores with the result of one.
///
/// How it stays exact: each part starts at a *guess* of where an account begins (`{"id"` after
/// a comma in a document, the first `{` of a line in JSON Lines), decoded as the accounts that
/// follow, up to the next part's guess. The loader, reading in order, takes a part only when it
/// arrives at the part's first byte exactly where an account begins (which proves the guess),
/// and only when the part decoded cleanly: no diagnostic of any kind, no "did you mean" search
/// (which spends a budget shared by the whole book), no account id already seen, the account
/// limit respected. It then appends the part's columns and skips its bytes;
/// otherwise it reads them itself. A part is the same code over the same bytes as the reading in
/// order, so the book is the same whether a part is taken or not (`BookSegmentTests`).
final class BookSegments: @unchecked Sendable {
    /// One part: where it starts, and once decoded, what it read.
    final class Part: @unchecked Sendable {
        let start: Int
        let group = DispatchGroup()
        /// Set by the decoding thread before it leaves `group`.
        var state: BookState?
        var end = 0
        var count = 0
        var clean = false
        init(start: Int) { self.start = start }
    }

    private(set) var parts: [Part]
    private var next = 0

    /// Starts decoding the parts of `buffer` beyond the first on other threads (none when the
    /// book is small or one thread is asked for).
    init(_ buffer: UnsafeBufferPointer<UInt8>, lines: Bool, threads: Int, template: BookState, fileID: Int,
         options: LoadOptions) {
        parts = []
        guard threads > 1, buffer.count >= 1 << 20 else { return }
        // Several parts a thread, of a megabyte at least: the reading in order (which takes
        // the parts, one after another) then reads only the first, and the parts are shared
        // out among the threads as they come free. Sixteen a thread, so that the last part to
        // finish keeps one thread busy for little time (with four, for a tenth of the load).
        let count = max(threads, min(threads * 16, buffer.count >> 20))
        var starts: [Int] = []
        for k in 1..<count {
            let guess = buffer.count / count * k
            if let start = Self.accountStart(in: buffer, from: max(guess, (starts.last ?? 0) + 1), lines: lines) {
                starts.append(start)
            }
        }
        parts = starts.map(Part.init)
        let bytes = UnsafeSendable(buffer)  // read, never written, by the parts
        for part in parts { part.group.enter() }
        // `threads` workers take the parts in order, one after another: never more decoding at
        // once than asked for, however many cores the machine has (the reading thread mostly
        // waits for the parts and appends them, so it is not counted).
        let all = parts, next = Mutex(0)
        for _ in 0..<min(threads, all.count) {
            DispatchQueue.global().async {
                while true {
                    let i = next.withLock { i in
                        defer { i += 1 }
                        return i
                    }
                    guard i < all.count else { return }
                    let limit = i + 1 < all.count ? all[i + 1].start : nil
                    Self.decode(all[i], bytes.value, until: limit, lines: lines, template: template, fileID: fileID, options: options)
                    all[i].group.leave()
                }
            }
        }
    }

    /// Waits for every part still decoding (a load that ended early must not leave a thread
    /// reading its bytes).
    func finish() {
        for part in parts { part.group.wait() }
    }

    /// The decoded part that starts at `offset`, when the loader reading in order is at an
    /// account's first byte there and the part can be taken as it is; nil otherwise.
    func part(at offset: Int) -> Part? {
        while next < parts.count, parts[next].start < offset { next += 1 }
        guard next < parts.count, parts[next].start == offset else { return nil }
        let part = parts[next]
        next += 1
        part.group.wait()
        return part.clean ? part : nil
    }

    /// The first account start at or after `from`: `{"id"` after a comma (a document's accounts
    /// array) or the first `{` of a line (JSON Lines).
    static func accountStart(in b: UnsafeBufferPointer<UInt8>, from: Int, lines: Bool) -> Int? {
        var p = from
        let n = b.count
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }
        while p < n {
            if lines {
                guard let newline = (p..<n).first(where: { b[$0] == 0x0A }) else { return nil }
                var q = newline + 1
                while q < n, isSpace(b[q]) { q += 1 }
                if q < n, b[q] == UInt8(ascii: "{") { return q }
                p = q
            } else {
                // `{"id"` whose previous non-space byte is a comma.
                guard p + 5 <= n else { return nil }
                if b[p] == UInt8(ascii: "{"), b[p + 1] == 0x22, b[p + 2] == UInt8(ascii: "i"), b[p + 3] == UInt8(ascii: "d"),
                   b[p + 4] == 0x22 {
                    var q = p - 1
                    while q >= 0, isSpace(b[q]) { q -= 1 }
                    if q >= 0, b[q] == UInt8(ascii: ",") { return p }
                }
                p += 1
            }
        }
        return nil
    }

    /// Decodes accounts from the part's start until the next part's start, the end of the
    /// accounts (`]` of a document, the end of a JSON Lines file), or the first sign of trouble.
    private static func decode(_ part: Part, _ buffer: UnsafeBufferPointer<UInt8>, until limit: Int?, lines: Bool,
                               template: BookState, fileID: Int, options: LoadOptions) {
        var d = DocumentDecoder(buffer, fileID: fileID, maxDepth: options.maxDepth,
                                maxStringLength: options.limits.maxStringLength)
        d.reader.position = part.start
        d.reader.depth = lines ? 0 : 2  // inside the root object and its `accounts` array
        var s = template
        // A part's own table (the template's is sized for the whole file), recording its hashes.
        s.accountIDs = AccountIDs(recordingHashes: true)
        s.reserve(forBytes: (limit ?? buffer.count) - part.start)
        var count = 0
        while true {
            BookDecoding.decodeAccount(&d, &s, index: count)
            count += 1
            guard !d.reader.failed, d.diagnostics.isEmpty, s.rejected.isEmpty, s.names?.hasSearched != true else { return }
            d.reader.skipWhitespace()
            let p = d.reader.position
            if lines {
                if p >= buffer.count || p == limit {
                    part.end = p
                    break
                }
            } else {
                guard p < buffer.count else { return }
                if buffer[p] == UInt8(ascii: "]") {
                    part.end = p
                    break
                }
                guard buffer[p] == UInt8(ascii: ",") else { return }
                var q = p + 1
                while q < buffer.count, [0x20, 0x0A, 0x0D, 0x09].contains(buffer[q]) { q += 1 }
                if q == limit {
                    part.end = p  // the comma: the loader reads it, then finds the next part
                    break
                }
                d.reader.position = q
            }
            if let limit, d.reader.position > limit { return }
        }
        part.count = count
        part.state = s
        part.clean = true
    }
}
