/// One account under both versions of a policy: status, health, tier and credit before and after.
public struct AccountImpact: Sendable, Hashable {
    /// The account's id in the book.
    public var id: String
    /// The status under the old version: `healthy`, `margin_call`, `liquidatable`, or `not evaluated`.
    public var oldStatus: String
    /// The status under the new version.
    public var newStatus: String
    /// Health under the old version; nil when not computed.
    public var oldHealth: Double?
    /// Health under the new version; nil when not computed.
    public var newHealth: Double?
    /// The tier row label under the old version.
    public var oldTier: String?
    /// The tier row label under the new version.
    public var newTier: String?
    /// Collateral (USD) under the old version.
    public var oldCollateral: Double?
    /// Collateral (USD) under the new version.
    public var newCollateral: Double?

    /// True when the status differs between the versions.
    public var statusChanged: Bool { oldStatus != newStatus }

    /// New health minus old; nil unless both are finite.
    public var healthDelta: Double? {
        guard let a = oldHealth, let b = newHealth, a.isFinite, b.isFinite else { return nil }
        return b - a
    }

    /// New collateral minus old; nil unless both are known.
    public var collateralDelta: Double? {
        guard let a = oldCollateral, let b = newCollateral else { return nil }
        return b - a
    }
}

/// Sums of one group of accounts (everything, a tier, an asset) under both versions.
public struct ImpactTotals: Sendable, Hashable {
    /// The group: `all`, a tier label, or an asset.
    public var group: String
    /// Σ initial requirement (USD), old version.
    public var oldInitial = 0.0
    /// Σ initial requirement (USD), new version.
    public var newInitial = 0.0
    /// Σ maintenance requirement (USD), old version.
    public var oldMaintenance = 0.0
    /// Σ maintenance requirement (USD), new version.
    public var newMaintenance = 0.0
    /// Σ credit line extended (USD), old version.
    public var oldCredit = 0.0
    /// Σ credit line extended (USD), new version.
    public var newCredit = 0.0
    /// Σ collateral (USD), old version.
    public var oldCollateral = 0.0
    /// Σ collateral (USD), new version.
    public var newCollateral = 0.0
    /// Σ notional of long spot positions (for the effective haircut per asset), old version.
    public var oldGross = 0.0
    /// Σ notional of long spot positions, new version.
    public var newGross = 0.0

    /// Empty sums for `group`.
    public init(group: String) { self.group = group }

    /// Effective haircut of the group: 1 − collateral ÷ gross value; nil without gross value.
    public func haircut(new: Bool) -> Double? {
        let gross = new ? newGross : oldGross
        guard gross > 0 else { return nil }
        return 1 - (new ? newCollateral : oldCollateral) / gross
    }
}
