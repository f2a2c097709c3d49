/// The timed repetitions of one engine at one thread count, and what they say per account.
public struct Timing: Sendable, Equatable {
    /// Each timed repetition's wall time in nanoseconds, in run order.
    public var samples: [Double]
    /// Accounts evaluated per repetition.
    public var accounts: Int

    /// Repetitions taking `samples` nanoseconds each over `accounts` accounts.
    public init(samples: [Double], accounts: Int) {
        self.samples = samples
        self.accounts = accounts
    }

    /// The median repetition (the mean of the middle two for an even count), in nanoseconds.
    public var median: Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .nan }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// The fastest repetition, in nanoseconds.
    public var minimum: Double { samples.min() ?? .nan }

    /// Median nanoseconds per account; NaN over no accounts, where a figure per account means
    /// nothing (the benchmark times no empty book).
    public var medianPerAccount: Double { accounts > 0 ? median / Double(accounts) : .nan }
    /// Fastest nanoseconds per account; NaN over no accounts.
    public var minimumPerAccount: Double { accounts > 0 ? minimum / Double(accounts) : .nan }
    /// Accounts per second at the median.
    public var accountsPerSecond: Double { Double(accounts) / median * 1e9 }
}

extension Duration {
    /// The duration in nanoseconds.
    var nanoseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    }
}
