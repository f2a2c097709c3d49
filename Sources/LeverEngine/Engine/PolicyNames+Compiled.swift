import LeverCompile

extension PolicyNames {
    /// The names `policy` declares and the attribute values it compares with.
    public init(policy: CompiledPolicy) {
        let attributes = AttributeComparisons(plan: policy.plan, strings: policy.strings)
        self.init(assets: policy.assets, venues: policy.venues, attributes: attributes.read,
                  attributeValues: attributes.literals)
        chains = policy.bridge.chains
    }
}
