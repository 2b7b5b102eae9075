import TaktFactory

/// Which controllers a scenario plugs in, as plain values: built afresh for every replication
/// (`instantiate`), so replications never share a controller's learned state.
public struct ControllerPlan: Sendable {
    /// The active maintenance and quality policies (nil: run to failure; fixed recipe).
    public var maintenance: MaintenancePolicy?
    public var quality: QualityPolicy?
    /// Policies running beside the active ones: their decisions are logged, not applied.
    public var shadowMaintenance: MaintenancePolicy?
    public var shadowQuality: QualityPolicy?
    /// Which job starts next on which machine (nil: each station's rule), and a shadow scheduler.
    public var scheduling: SchedulingPolicy?
    public var shadowScheduling: SchedulingPolicy?
    /// When the shadow policies take over (nil: never).
    public var deployment: Deployment?
    /// Your own controllers, built per replication (they replace the active policy of their kind):
    /// `plan.makeMaintenance = { configuration, replication in MyController(...) }`.
    public var makeMaintenance: (@Sendable (FactoryConfiguration, Int) -> any MaintenanceController)?
    public var makeQuality: (@Sendable (FactoryConfiguration, Int) -> any QualityController)?
    public var makeInventory: (@Sendable (FactoryConfiguration, Int) -> any InventoryController)?
    public var makeRouting: (@Sendable (FactoryConfiguration, Int) -> any RoutingPolicy)?
    public var makeScheduling: (@Sendable (FactoryConfiguration, Int) -> any SchedulingController)?

    public init(maintenance: MaintenancePolicy? = nil, quality: QualityPolicy? = nil,
                shadowMaintenance: MaintenancePolicy? = nil,
                shadowQuality: QualityPolicy? = nil, deployment: Deployment? = nil) {
        self.maintenance = maintenance
        self.quality = quality
        self.shadowMaintenance = shadowMaintenance
        self.shadowQuality = shadowQuality
        self.deployment = deployment
    }

    /// True when nothing is plugged in.
    public var isEmpty: Bool {
        maintenance == nil && quality == nil && shadowMaintenance == nil && shadowQuality == nil
            && makeMaintenance == nil && makeQuality == nil
            && makeInventory == nil && makeRouting == nil
            && scheduling == nil && shadowScheduling == nil && makeScheduling == nil
    }

    /// Fresh controllers for one replication of `configuration`.
    public func instantiate(for configuration: FactoryConfiguration, replication: Int) -> Controllers {
        Controllers(maintenance: makeMaintenance?(configuration, replication)
                        ?? maintenance?.controller(for: configuration),
                    quality: makeQuality?(configuration, replication)
                        ?? quality?.controller(for: configuration, replication: replication),
                    shadowMaintenance: shadowMaintenance?.controller(for: configuration),
                    shadowQuality: shadowQuality?.controller(for: configuration, replication: replication),
                    inventory: makeInventory?(configuration, replication),
                    routing: makeRouting?(configuration, replication),
                    scheduling: makeScheduling?(configuration, replication) ?? scheduling?.controller(),
                    shadowScheduling: shadowScheduling?.controller(),
                    deployment: deployment)
    }
}
