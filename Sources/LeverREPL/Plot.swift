/// A function of utilization sampled for drawing: what `PlotRenderer` turns into text.
///
/// Plain data so that the renderer is pure and testable with golden text.
public struct Plot: Sendable, Equatable {
    /// The heading, e.g. `borrow_rate(utilization)`.
    public var title: String
    /// y at evenly spaced x from 0% to 100%, one per column.
    public var samples: [Double]
    /// Where the curve kinks (a utilization in [0, 1]), marked under the x axis.
    public var kink: Double?
    /// How y values are written on the axis.
    public var format: ValueFormat

    /// A plot of `samples` (evenly spaced over 0%..100%), with an optional kink.
    public init(title: String, samples: [Double], kink: Double? = nil, format: ValueFormat = .percent) {
        self.title = title
        self.samples = samples
        self.kink = kink
        self.format = format
    }
}
