import LeverSyntax

/// Report text being written, as UTF-8 bytes in a buffer it owns: appending a piece is a bounds
/// check and a copy of its bytes, where appending to a `String` or an `Array` pays for their
/// bookkeeping (uniqueness, growth policy) on every one of a report's many small pieces.
struct TextBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    @inline(__always)
    private mutating func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        grow(to: count + n)
    }

    private mutating func grow(to needed: Int) {
        var grown = capacity * 2
        while grown < needed { grown *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.update(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = grown
    }

    @inline(__always)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        guard let base = bytes.baseAddress else { return }
        // A report is mostly pieces of a few bytes, where a call to `memmove` costs more than the copy.
        if bytes.count <= 16 {
            for i in 0..<bytes.count { start[count + i] = base[i] }
        } else {
            (start + count).update(from: base, count: bytes.count)
        }
        count += bytes.count
    }

    @inline(__always)
    mutating func append(byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ piece: StaticString) {
        append(bytes: UnsafeBufferPointer(start: piece.utf8Start, count: piece.utf8CodeUnitCount))
    }

    @inline(__always)
    mutating func append(_ piece: [UInt8]) {
        piece.withUnsafeBufferPointer { append(bytes: $0) }
    }

    /// A `String`'s bytes (named apart, so a literal, or a choice of two, is a `StaticString`).
    mutating func append(string piece: String) {
        var piece = piece
        piece.withUTF8 { append(bytes: $0) }
    }

    /// A number as `JSONOutput.writeNumber` writes it, formatted in place: Swift's shortest text
    /// (`Double.write(to:)`, the same digits as `description`) without a `String` in between.
    mutating func number(_ x: Double) {
        if x == 0 { return append("0.0") }
        guard x.isFinite else { return append(x.isNaN ? "null" : x > 0 ? "\"Infinity\"" : "\"-Infinity\"") }
        reserve(Self.longestNumber)
        // A whole number below 2^53 is its digits and `.0` (as `description` writes it).
        if x.rounded(.towardZero) == x && x.magnitude < 9_007_199_254_740_992 {
            if x < 0 { append(byte: 0x2D) }
            var digits = UInt64(x.magnitude), end = count + 20, at = end
            repeat {
                at -= 1
                start[at] = 0x30 + UInt8(digits % 10)
                digits /= 10
            } while digits > 0
            let length = end - at
            for i in 0..<length { start[count + i] = start[at + i] }
            count += length
            append(byte: 0x2E)
            append(byte: 0x30)
            return
        }
        var sink = ASCIISink(at: start + count)
        x.write(to: &sink)
        count += sink.count
    }

    /// The longest text `Double.write(to:)` gives: `-2.2250738585072014e-308`, 24 bytes.
    static let longestNumber = 32

    /// A string literal as `JSONOutput.writeString` writes it.
    mutating func jsonString(_ s: String) {
        append(s, quoted: true, plain: { !Self.needsEscaping($0) }) { s in
            var text = ""
            JSONOutput.writeString(s, to: &text)
            return text
        }
    }

    /// A CSV field as `ReportRenderer.csvQuoted` writes it: as it is unless it holds a comma, a
    /// quote or a line break.
    mutating func csvField(_ s: String) {
        append(s, quoted: false, plain: { !$0.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } },
               else: ReportRenderer.csvQuoted)
    }

    /// `s`'s bytes as they are (between double quotes when `quoted`) when `plain` says they may
    /// be, which is nearly always; else the text `escaped` makes of it.
    @inline(__always)
    private mutating func append(_ s: String, quoted: Bool, plain: (UnsafeBufferPointer<UInt8>) -> Bool,
                                 else escaped: (String) -> String) {
        var s = s
        let done = s.withUTF8 { utf8 in
            guard plain(utf8) else { return false }
            if quoted { append(byte: 0x22) }
            append(bytes: utf8)
            if quoted { append(byte: 0x22) }
            return true
        }
        if !done { append(string: escaped(s)) }
    }

    /// `JSONOutput.needsEscaping` over a buffer, without the generic sequence's iteration.
    @inline(__always)
    static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
            i += 1
        }
        return false
    }

    /// The bytes as text (they are UTF-8 by construction).
    var text: String { String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) }

    /// The bytes, copied into an array.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }
}

/// Where `Double.write(to:)` puts a number's text: straight into a buffer with room for the
/// longest one. The standard library formats a `Double` into a buffer on the stack and hands it
/// to `_writeASCII` (the stream's hook for ASCII text), so no `String` is made.
private struct ASCIISink: TextOutputStream {
    let base: UnsafeMutablePointer<UInt8>
    var count = 0

    init(at base: UnsafeMutablePointer<UInt8>) { self.base = base }

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        let n = min(buffer.count, TextBuffer.longestNumber - count)
        for i in 0..<n { base[count + i] = buffer[i] }
        count += n
    }

    mutating func write(_ string: String) {
        for byte in string.utf8 where count < TextBuffer.longestNumber {
            base[count] = byte
            count += 1
        }
    }
}
