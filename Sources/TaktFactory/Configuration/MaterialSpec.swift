import TaktKernel

/// A purchased material with an inventory and a replenishment policy.
public struct MaterialSpec: Sendable {
    public var name: String
    /// Units on hand at the start.
    public var initialStock: Int
    /// When and how much to reorder.
    public var policy: ReplenishmentPolicy
    /// Supplier lead time from order to receipt.
    public var leadTime: Distribution

    public init(name: String, initialStock: Int, policy: ReplenishmentPolicy, leadTime: Distribution) {
        self.name = name
        self.initialStock = initialStock
        self.policy = policy
        self.leadTime = leadTime
    }
}

/// How a material is replenished, reviewed continuously on the inventory position
/// (on hand + on order − backordered).
public enum ReplenishmentPolicy: Sendable, Equatable {
    /// Never reordered.
    case none
    /// (s, S): when the position falls to `s` or below, order up to `S`.
    case minMax(s: Int, S: Int)
    /// (r, Q): when the position falls to `r` or below, order `Q` (repeatedly, until above `r`).
    case reorderPoint(r: Int, Q: Int)
}
