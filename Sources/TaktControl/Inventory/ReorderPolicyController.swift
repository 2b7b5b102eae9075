import TaktFactory

/// The classic inventory baselines as a controller, per material: (s, S) — order up to S when the
/// position falls to s — or (r, Q) — order Q, repeatedly, while the position is at r or below.
/// Materials without an entry are not reordered.
public struct ReorderPolicyController: InventoryController {
    public var name: String { "reorder" }
    public let policies: [Int: ReplenishmentPolicy]
    var orders = 0

    public init(policies: [Int: ReplenishmentPolicy]) {
        self.policies = policies
    }

    public mutating func reorder(_ inventory: InventoryPosition) -> Int {
        var quantity = 0
        switch policies[inventory.material] ?? ReplenishmentPolicy.none {
        case .none:
            break
        case .minMax(let s, let big):
            if inventory.position <= s { quantity = big - inventory.position }
        case .reorderPoint(let r, let q):
            var projected = inventory.position
            while projected <= r {
                quantity += q
                projected += q
            }
        }
        if quantity > 0 { orders += 1 }
        return quantity
    }

    public func metrics() -> [ControllerMetric] {
        [ControllerMetric("orders", "replenishment orders", value: Double(orders))]
    }
}
