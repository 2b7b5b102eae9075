/// Decides when and how much of a purchased material to reorder, from its observable inventory:
/// on hand, on order, and the time. Called at every review (each consumption), in place of the
/// material's own `ReplenishmentPolicy`; the order arrives after the supplier's lead time.
public protocol InventoryController: Sendable {
    var name: String { get }
    /// The quantity to order now (0: none).
    mutating func reorder(_ inventory: InventoryPosition) -> Int
    func metrics() -> [ControllerMetric]
}

extension InventoryController {
    public func metrics() -> [ControllerMetric] { [] }
}

/// A material's observable inventory at a review.
public struct InventoryPosition: Sendable, Equatable {
    public var material: Int
    public var onHand: Int
    public var onOrder: Int
    public var time: Double

    public init(material: Int, onHand: Int, onOrder: Int, time: Double) {
        self.material = material
        self.onHand = onHand
        self.onOrder = onOrder
        self.time = time
    }

    /// On hand + on order.
    public var position: Int { onHand + onOrder }
}
