// Numbers: JSON's grammar checked byte by byte, then converted to the nearest Double.

extension JSONReader {
    /// Reads a number, correctly rounded to the nearest `Double` (ties to even).
    ///
    /// A number too large for a Double reads as ±infinity and one too small as ±0, as `strtod`
    /// does; the loader reports the infinite case. `-0` keeps its sign.
    public mutating func readNumber() -> Double? {
        skipWhitespace()
        valueStart = position
        var scan = NumberScan()
        guard let end = scan.run(bytes, from: position) else {
            fail(.invalidNumber, at: scan.errorOffset)
            return nil
        }
        let range = position..<end
        position = end
        return scan.value(of: bytes, range)
    }
}

/// One pass over a JSON number's bytes: validates the grammar and collects up to 19 significant
/// digits, so that most numbers convert exactly without calling `strtod`.
struct NumberScan {
    var negative = false
    var mantissa: UInt64 = 0
    var digits = 0
    var exponent = 0
    var truncated = false
    var errorOffset = 0

    /// Powers of ten that are exact in a Double (10^0 … 10^22).
    static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Clinger's fast path: when the digits fit in 53 bits and the power of ten is exact, one
    /// IEEE multiplication or division is correctly rounded. Otherwise nil (use `strtod`).
    var fastValue: Double? {
        if mantissa == 0 && !truncated { return negative ? -0.0 : 0.0 }
        guard !truncated, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
        let m = Double(mantissa)
        let v = exponent >= 0 ? m * Self.exactPowers[exponent] : m / Self.exactPowers[-exponent]
        return negative ? -v : v
    }

    /// The value of the number scanned from `range` of `b`: exact from the digits when they
    /// allow it, else parsed from the text.
    @inline(__always)
    func value(of b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        if let exact = fastValue ?? provenValue { return exact }
        return NumberParser.parse(UnsafeBufferPointer(rebasing: b[range]))
    }

    /// Scans from `start`; returns the offset after the number, or nil when it is malformed.
    @inline(__always)
    mutating func run(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var p = start
        if p < b.count, b[p] == UInt8(ascii: "-") { negative = true; p += 1 }
        guard p < b.count, isDigit(b[p]) else { errorOffset = p; return nil }
        if b[p] == UInt8(ascii: "0") {
            p += 1
            if p < b.count, isDigit(b[p]) { errorOffset = p; return nil }  // no leading zeros
        } else {
            while p < b.count, isDigit(b[p]) {
                let run = addRun(b, at: p, fraction: false)
                if run > 0 { p += run; continue }
                add(b[p], fraction: false)
                p += 1
            }
        }
        if p < b.count, b[p] == UInt8(ascii: ".") {
            p += 1
            guard p < b.count, isDigit(b[p]) else { errorOffset = p; return nil }
            while p < b.count, isDigit(b[p]) {
                let run = addRun(b, at: p, fraction: true)
                if run > 0 { p += run; continue }
                add(b[p], fraction: true)
                p += 1
            }
        }
        if p < b.count, b[p] | 0x20 == UInt8(ascii: "e") {
            guard let end = scanExponent(b, from: p + 1) else { return nil }
            p = end
        }
        return p
    }

    /// Adds the digits at `p` that lie within the next eight bytes, all at once, and returns
    /// how many (up to eight, the run stopping at the first byte that is not a digit); 0, with
    /// nothing added, when fewer than eight bytes remain, when the mantissa has room for fewer
    /// digits than the run (`add` then counts the 19th and drops the rest), or when the run may
    /// begin with zeros that are not significant (a fraction before the first nonzero digit).
    /// Every digit of a run is significant: the integer part never starts with a zero here.
    /// The eight bytes are read as one little-endian word, the first byte the lowest.
    @inline(__always)
    private mutating func addRun(_ b: UnsafeBufferPointer<UInt8>, at p: Int, fraction: Bool) -> Int {
        guard mantissa != 0 || !fraction, p + 8 <= b.count, let base = b.baseAddress else { return 0 }
        let word = UInt64(littleEndian: UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self))
        let highs: UInt64 = 0x8080_8080_8080_8080
        // Per byte, its high bit set when the byte is a digit: at least 0x30, below 0x3A, ASCII.
        // With every high bit set first, no subtraction borrows from the byte above it.
        let atLeast30 = ((word | highs) &- 0x3030_3030_3030_3030) & highs
        let atLeast3A = ((word | highs) &- 0x3A3A_3A3A_3A3A_3A3A) & highs
        let digitBits = atLeast30 & ~atLeast3A & ~word & highs
        let run = ((~digitBits & highs).trailingZeroBitCount) >> 3  // 8 when all are digits
        guard run > 0, digits + run <= 19 else { return 0 }
        // The run's digits, with 8 − run zeros in front: pairs, then fours, then all eight.
        var v = (word & 0x0F0F_0F0F_0F0F_0F0F) << UInt64(8 * (8 - run))
        v = (v &* 2561) >> 8
        v = ((v & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        v = ((v & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
        mantissa = mantissa &* Self.powerOfTen(run) &+ v
        digits += run
        if fraction { exponent -= run }
        return run
    }

    /// 10^k for k in 1 … 8.
    @inline(__always)
    private static func powerOfTen(_ k: Int) -> UInt64 {
        switch k {
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        default: 100_000_000
        }
    }

    @inline(__always)
    private mutating func add(_ c: UInt8, fraction: Bool) {
        let d = UInt64(c &- UInt8(ascii: "0"))
        if digits < 19 {
            mantissa = mantissa &* 10 &+ d
            if mantissa != 0 { digits += 1 }
            if fraction { exponent -= 1 }
        } else {
            if d != 0 { truncated = true }
            if !fraction { exponent += 1 }
        }
    }

    private mutating func scanExponent(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var p = start
        var sign = 1
        if p < b.count, b[p] == UInt8(ascii: "+") || b[p] == UInt8(ascii: "-") {
            if b[p] == UInt8(ascii: "-") { sign = -1 }
            p += 1
        }
        guard p < b.count, isDigit(b[p]) else { errorOffset = p; return nil }
        var e = 0
        while p < b.count, isDigit(b[p]) {
            if e < 100_000 { e = e * 10 + Int(b[p] - UInt8(ascii: "0")) }  // saturate: 1e100000 is ∞ anyway
            p += 1
        }
        exponent += sign * e
        return p
    }

    @inline(__always)
    private func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }
}
