/// "Did you mean" support: the closest known name by edit distance, if it is close enough.
///
/// The search is bounded, because names come from files a hostile user writes. Only a distance
/// of at most 3 is ever offered, so a candidate whose length differs by more than that is skipped
/// without comparing, one whose letters alone differ by more is skipped after counting them, and
/// a comparison stops as soon as it is sure to exceed the bound (`EditDistance.bounded`). Names
/// longer than `maxNameLength` neither get nor are suggestions, and at most `maxCandidates`
/// candidates are looked at per name. A run that makes many searches (a check, a book load)
/// shares one `SuggestionBudget` between them, so that the total is bounded too.
public enum Suggestion {
    /// Names longer than this many UTF-8 bytes get no suggestion and are never suggested: a
    /// misspelling is a slip of a few letters in a name someone typed, not of a 60,000-letter name.
    public static let maxNameLength = 256
    /// Candidates looked at per suggestion, in the order given; the rest are ignored.
    public static let maxCandidates = 10_000
    /// The largest distance ever offered; shorter names get a smaller one (`limit(forLength:)`).
    public static let maxDistance = 3

    /// The candidate nearest to `name`, when the distance is small relative to the name's length.
    ///
    /// Letter case is ignored when measuring (`Notional` is 0 from `notional`) but a candidate
    /// equal to `name` is never offered. Among candidates at the same distance the one first in
    /// alphabetical order wins, so the answer does not depend on the order of `candidates`
    /// (as long as there are at most `maxCandidates` of them). One search alone is bounded by
    /// the caps; a caller making many should share a `SuggestionBudget` instead.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        var unlimited = SuggestionBudget(work: .max)
        return unlimited.closest(to: name, in: candidates)
    }

    /// ` (did you mean `x`?)` for the closest candidate, or nothing: the tail of a message that
    /// names something the user got wrong (an account, a field, a scenario).
    public static func hint(for name: String, in candidates: some Sequence<String>) -> String {
        closest(to: name, in: candidates).map { " (did you mean `\($0)`?)" } ?? ""
    }

    /// The largest distance offered for a name of `length` characters: 1 up to 4 characters,
    /// 2 up to 7, 3 beyond, so that a short name is not "corrected" into an unrelated one.
    public static func limit(forLength length: Int) -> Int {
        max(1, min(maxDistance, (length + 2) / 3))
    }

    /// Damerau–Levenshtein (optimal string alignment) distance between two strings, case and
    /// all; unbounded, for tests and short strings (suggestions use the bounded form).
    public static func distance(_ a: String, _ b: String) -> Int {
        var codes = CharacterCodes()
        let x = codes.encode(Array(a)), y = codes.encode(Array(b))
        let bound = max(x.count, y.count)
        var rows: [Int] = [], work = 0
        return x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in EditDistance.bounded(x, y, bound: bound, rows: &rows, work: &work) }
        } ?? bound
    }
}

/// The work "did you mean" searches may still do in one run: one check of a policy, one load of
/// a book or a market. Each search spends from it (a unit is about one step: a byte read or a
/// table cell computed); a search that would overspend it offers nothing, and so does every
/// later one. A policy with a few hundred misspellings among thousands of names stays well within
/// it; a generated file with thousands of unknown names gets suggestions for the first of them.
public struct SuggestionBudget: Sendable {
    /// The work one run may spend: about a tenth of a second in a release build.
    public static let perRun = 50_000_000

    /// Work units left.
    public private(set) var remaining: Int

    /// A budget of `work` units.
    public init(work: Int = SuggestionBudget.perRun) {
        remaining = work
    }

    /// As `Suggestion.closest(to:in:)`, spending from this budget.
    public mutating func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        guard remaining > 0 else { return nil }
        return closest(to: name, in: Array(candidates.prefix(Suggestion.maxCandidates)))
    }

    /// As `Suggestion.closest(to:in:)`, spending from this budget (the common case, without
    /// a generic sequence in the loop).
    public mutating func closest(to name: String, in candidates: [String]) -> String? {
        guard remaining > 0, name.utf8.count <= Suggestion.maxNameLength else { return nil }
        var search = NameSearch(query: name, limit: Suggestion.limit(forLength: name.count))
        for candidate in candidates.prefix(Suggestion.maxCandidates) {
            search.consider(candidate)
            guard search.work < remaining else {
                remaining = 0
                return nil
            }
        }
        remaining -= search.work
        return search.best?.word
    }
}

/// One "did you mean" search: the query folded once, the best candidate so far, and buffers
/// reused from one comparison to the next so that a search allocates a fixed number of times.
struct NameSearch {
    let query: String
    let limit: Int
    /// The query's characters, lower-cased.
    private let characters: [Character]
    /// The query's lower-cased bytes as codes, when it is plain ASCII (`FoldedName`).
    private let ascii: [UInt32]?
    /// How many times each code occurs in `ascii`, for the letter count filter.
    private var counts = [Int](repeating: 0, count: 128)
    private(set) var best: (word: String, distance: Int)?
    /// Work done so far (see `SuggestionBudget`).
    private(set) var work = 0
    private var rows: [Int] = []
    /// The candidate being measured, folded: its first `length` codes.
    private var buffer = [UInt32](repeating: 0, count: Suggestion.maxNameLength)

    init(query: String, limit: Int) {
        self.query = query
        self.limit = limit
        characters = Array(query.lowercased())
        var folded = [UInt32](repeating: 0, count: Suggestion.maxNameLength)
        let length = FoldedName.foldASCII(query, into: &folded)
        ascii = length.map { Array(folded[..<$0]) }
        for code in ascii ?? [] { counts[Int(code)] += 1 }
    }

    mutating func consider(_ candidate: String) {
        work += 1
        guard candidate != query else { return }
        // A tie is still worth measuring: the alphabetically first of equals wins.
        let bound = min(limit, best?.distance ?? limit)
        let length = candidate.utf8.count
        // A character takes at least one byte, so fewer bytes means fewer characters.
        guard length <= Suggestion.maxNameLength, length + bound >= characters.count else { return }
        guard let distance = measure(candidate, bound: bound) else { return }
        if let best, distance > best.distance || (distance == best.distance && candidate >= best.word) { return }
        best = (candidate, distance)
    }

    /// The distance from the query to `candidate` if it is at most `bound`.
    private mutating func measure(_ candidate: String, bound: Int) -> Int? {
        work += candidate.utf8.count
        if let ascii, let length = FoldedName.foldASCII(candidate, into: &buffer) {
            guard abs(length - ascii.count) <= bound, lettersDiffer(length, by: bound, from: ascii) else { return nil }
            return ascii.withUnsafeBufferPointer { a in
                buffer.withUnsafeBufferPointer { b in
                    EditDistance.bounded(a, UnsafeBufferPointer(rebasing: b[..<length]), bound: bound, rows: &rows, work: &work)
                }
            }
        }
        // Not plain ASCII: compare characters, as the user sees them.
        let other = Array(candidate.lowercased())
        guard abs(other.count - characters.count) <= bound else { return nil }
        var codes = CharacterCodes()
        let a = codes.encode(characters), b = codes.encode(other)
        work += a.count + b.count
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in EditDistance.bounded(a, b, bound: bound, rows: &rows, work: &work) }
        }
    }

    /// False when the letters of the query and of the candidate's first `length` codes in
    /// `buffer`, counted without order, already differ by more than `bound`: each edit changes at
    /// most one letter on each side and a transposition none, so the larger of the two
    /// differences is a lower bound of the distance.
    private mutating func lettersDiffer(_ length: Int, by bound: Int, from ascii: [UInt32]) -> Bool {
        var extra = 0
        counts.withUnsafeMutableBufferPointer { counts in
            buffer.withUnsafeBufferPointer { codes in
                for i in 0..<length {
                    let code = Int(codes[i])
                    counts[code] -= 1
                    if counts[code] < 0 { extra += 1 }
                }
                for i in 0..<length { counts[Int(codes[i])] += 1 }
            }
        }
        work += 2 * length
        let missing = ascii.count - (length - extra)
        return max(extra, missing) <= bound
    }
}

/// Folding a name for comparison.
enum FoldedName {
    /// Writes the lower-cased bytes of `text` at the start of `codes` (which has room for
    /// `Suggestion.maxNameLength`) and returns how many; nil when `text` is longer or not plain
    /// ASCII. A carriage return is not plain: with a line feed after it, the two are one character.
    static func foldASCII(_ text: String, into codes: inout [UInt32]) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            guard bytes.count <= codes.count else { return nil }
            return codes.withUnsafeMutableBufferPointer { codes -> Int? in
                for i in 0..<bytes.count {
                    let byte = bytes[i]
                    guard byte < 0x80, byte != UInt8(ascii: "\r") else { return nil }
                    codes[i] = UInt32(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
                }
                return bytes.count
            }
        }
    }
}

/// Numbers characters as they are met, so that two character strings compare as code arrays.
struct CharacterCodes {
    private var codes: [Character: UInt32] = [:]

    mutating func encode(_ characters: [Character]) -> [UInt32] {
        characters.map { c in
            if let code = codes[c] { return code }
            let code = UInt32(codes.count)
            codes[c] = code
            return code
        }
    }
}
