/// The controllers plugged into one run: the active ones decide; shadow ones observe the same
/// events and decide too, but their decisions are only logged (to be scored against what
/// happened). A deployment makes the shadow controllers active at a given time (the previous
/// active ones become the shadows), and marks the switch in the recorded events.
public struct Controllers: Sendable {
    public var maintenance: (any MaintenanceController)?
    public var quality: (any QualityController)?
    public var shadowMaintenance: (any MaintenanceController)?
    public var shadowQuality: (any QualityController)?
    /// Replaces the replenishment policy of every material (nil: each material's own policy).
    public var inventory: (any InventoryController)?
    /// Chooses among alternative stations (nil: the least-loaded one).
    public var routing: (any RoutingPolicy)?
    /// Decides which job starts next on which machine (nil: each station's dispatching rule).
    public var scheduling: (any SchedulingController)?
    public var shadowScheduling: (any SchedulingController)?
    /// When the shadow controllers take over (nil: never).
    public var deployment: Deployment?

    public init(maintenance: (any MaintenanceController)? = nil, quality: (any QualityController)? = nil,
                shadowMaintenance: (any MaintenanceController)? = nil, shadowQuality: (any QualityController)? = nil,
                inventory: (any InventoryController)? = nil, routing: (any RoutingPolicy)? = nil,
                scheduling: (any SchedulingController)? = nil, shadowScheduling: (any SchedulingController)? = nil,
                deployment: Deployment? = nil) {
        self.scheduling = scheduling
        self.shadowScheduling = shadowScheduling
        self.inventory = inventory
        self.routing = routing
        self.maintenance = maintenance
        self.quality = quality
        self.shadowMaintenance = shadowMaintenance
        self.shadowQuality = shadowQuality
        self.deployment = deployment
    }

    /// True if any controller is plugged in.
    public var isEmpty: Bool {
        maintenance == nil && quality == nil && shadowMaintenance == nil && shadowQuality == nil && inventory == nil
            && routing == nil && scheduling == nil && shadowScheduling == nil
    }
}

/// A controller deployment in the middle of a run: KPIs are reported for the window before
/// `at` (from the end of the warm-up) and after `at + transition`; the transition is excluded.
public struct Deployment: Sendable, Equatable {
    public var at: Double
    public var transition: Double

    public init(at: Double, transition: Double = 0) {
        self.at = at
        self.transition = transition
    }
}
