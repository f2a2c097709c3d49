import LeverNumerics

/// A small seeded generator (SplitMix64): the same seed gives the same policies and books on
/// every machine, so a failure reproduces from its seed alone.
struct SeededRandom: RandomNumberGenerator {
    private var core: SplitMix64

    init(seed: UInt64) { core = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { core.next() }
    /// Uniform-ish in `0..<n` by remainder (the fuzz and reader tests' draws, kept as they were).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func double(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &self) }
    mutating func chance(_ p: Double) -> Bool { double(0...1) < p }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(0...(xs.count - 1))] }
}
