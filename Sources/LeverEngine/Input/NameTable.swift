/// Interned names, found by their UTF-8 bytes: the loader looks up every position's asset (and
/// venue) straight from the file's bytes, with no `String` made for a name it has seen before.
///
/// Open addressing over a power-of-two table, hashed with the standard library's seeded
/// `Hasher`, so no file can be written to make its names collide.
struct NameTable: Sendable {
    /// The names, in order of first appearance; a name's index is its position here.
    private(set) var names: [String] = []
    /// Every name's bytes, one after another; name `i` is `bytes[offsets[i] ..< offsets[i + 1]]`.
    private var bytes: [UInt8] = []
    private var offsets: [Int] = [0]
    private var hashes: [Int] = []
    /// Name index per slot, −1 for an empty slot.
    private var slots = [Int32](repeating: -1, count: 16)
    /// Names of 1 to 8 bytes without a NUL byte (every ticker) are found without hashing their
    /// text: their bytes, packed into one integer, are the key itself, mixed with a per-process
    /// seed.
    private var shortSlots = [Int32](repeating: -1, count: 64)
    private var shortKeys = [UInt64](repeating: 0, count: 64)
    private var shortCount = 0
    private let seed = UInt64(truncatingIfNeeded: Hasher().finalize()) | 1

    /// The index of the name spelt `text`, added if new.
    mutating func index(of text: UnsafeBufferPointer<UInt8>) -> Int32 {
        // A NUL byte (only from an escaped name) would make two lengths one key.
        if (1...8).contains(text.count), !text.contains(0) { return shortIndex(of: text) }
        return hashedIndex(of: text)
    }

    private mutating func shortIndex(of text: UnsafeBufferPointer<UInt8>) -> Int32 {
        var key: UInt64 = 0
        for k in 0..<text.count { key |= UInt64(text[k]) << (8 * UInt64(k)) }
        let mask = shortSlots.count - 1
        var slot = shortSlot(key)
        while shortSlots[slot] >= 0 {
            if shortKeys[slot] == key { return shortSlots[slot] }
            slot = (slot + 1) & mask
        }
        let i = hashedIndex(of: text)
        shortSlots[slot] = i
        shortKeys[slot] = key
        shortCount += 1
        if shortCount * 2 > shortSlots.count { growShort() }
        return i
    }

    /// The home slot of a packed short name (Fibonacci hashing of the seeded key).
    private func shortSlot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: ((key ^ seed) &* 0x9E37_79B9_7F4A_7C15) >> 40) & (shortSlots.count - 1)
    }

    private mutating func growShort() {
        let entries = zip(shortKeys, shortSlots).filter { $0.1 >= 0 }
        shortSlots = [Int32](repeating: -1, count: shortSlots.count * 2)
        shortKeys = [UInt64](repeating: 0, count: shortKeys.count * 2)
        let mask = shortSlots.count - 1
        for (key, i) in entries {
            var slot = shortSlot(key)
            while shortSlots[slot] >= 0 { slot = (slot + 1) & mask }
            shortSlots[slot] = i
            shortKeys[slot] = key
        }
    }

    private mutating func hashedIndex(of text: UnsafeBufferPointer<UInt8>) -> Int32 {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(text))
        let hash = hasher.finalize()
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] >= 0 {
            let i = Int(slots[slot])
            if hashes[i] == hash, offsets[i + 1] - offsets[i] == text.count, equal(i, text) { return Int32(i) }
            slot = (slot + 1) & mask
        }
        let i = Int32(names.count)
        names.append(String(decoding: text, as: UTF8.self))
        bytes.append(contentsOf: text)
        offsets.append(bytes.count)
        hashes.append(hash)
        slots[slot] = i
        if names.count * 2 > slots.count { grow() }
        return i
    }

    /// The index of `name`, added if new.
    mutating func index(of name: String) -> Int32 {
        var name = name
        return name.withUTF8 { index(of: $0) }
    }

    private func equal(_ i: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[i]
        for k in 0..<text.count where bytes[start + k] != text[k] { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (i, hash) in hashes.enumerated() {
            var slot = hash & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(i)
        }
    }
}
