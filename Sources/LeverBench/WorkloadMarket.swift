import Lever

/// The shared margin workload's market (../shared/workloads/margin/README.md): 20 assets, fixed
/// values, built in so that `lever bench` runs from a fresh clone with no file at all.
///
/// The same numbers as the workload's `market.json` (Tests/LeverEngineTests/Fixtures/margin);
/// a test keeps the two in step.
public enum WorkloadMarket {
    /// The class floors of the workload's haircut rule, by class name.
    public enum AssetClass: String, Sendable, CaseIterable {
        case stable, major, alt

        /// The floor under the volatility haircut (`floor(class_a)` in the workload README).
        public var haircutFloor: Double {
            switch self {
            case .stable: 0.02
            case .major: 0.10
            case .alt: 0.25
            }
        }
    }

    /// Symbol, class, price (USD), annualised vol, pool utilization, in the file's order.
    static let rows: [(String, AssetClass, Double, Double, Double)] = [
        ("USDC", .stable, 1.0, 0.02, 0.85), ("USDT", .stable, 1.0003, 0.03, 0.92),
        ("USDE", .stable, 0.9987, 0.12, 0.7), ("BTC", .major, 97250.5, 0.55, 0.45),
        ("ETH", .major, 3420.75, 0.7, 0.78), ("SOL", .major, 182.4, 0.95, 0.62),
        ("BNB", .major, 640.1, 0.6, 0.35), ("XRP", .major, 2.31, 0.85, 0.8),
        ("ADA", .alt, 0.98, 1.05, 0.4), ("AVAX", .alt, 38.2, 1.1, 0.55),
        ("DOT", .alt, 7.45, 1.0, 0.3), ("LINK", .alt, 22.6, 1.05, 0.66),
        ("POL", .alt, 0.52, 1.15, 0.81), ("DOGE", .alt, 0.38, 1.45, 0.58),
        ("ATOM", .alt, 9.8, 1.0, 0.47), ("UNI", .alt, 13.9, 1.15, 0.88),
        ("ARB", .alt, 1.02, 1.5, 0.73), ("OP", .alt, 2.15, 1.6, 0.95),
        ("APT", .alt, 11.4, 1.2, 0.64), ("PEPE", .alt, 0.0000198, 2.6, 0.99),
    ]

    /// The snapshot, with no as-of time (as the workload's file has none).
    public static var snapshot: MarketSnapshot {
        MarketSnapshot(asOf: nil, assets: rows.map { symbol, assetClass, price, vol, util in
            AssetQuote(symbol: symbol, classHint: assetClass.rawValue, price: price, vol: vol, utilization: util)
        })
    }

    /// The class the workload's policy gives `symbol` (the policy, not the market file, decides).
    public static func assetClass(of symbol: String) -> AssetClass? {
        rows.first { $0.0 == symbol }?.1
    }
}
