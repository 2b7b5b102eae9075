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
    /// `plan.makeMaintenance = { layout, replication in MyController(...) }`. They are handed the
    /// plant's observable layout and the replication's index — never the configuration, whose
    /// failure laws, wear and defect models are the simulator's secret.
    public var makeMaintenance: (@Sendable (PlantLayout, Int) -> any MaintenanceController)?
    public var makeQuality: (@Sendable (PlantLayout, Int) -> any QualityController)?
    public var makeInventory: (@Sendable (PlantLayout, Int) -> any InventoryController)?
    public var makeRouting: (@Sendable (PlantLayout, Int) -> any RoutingPolicy)?
    public var makeScheduling: (@Sendable (PlantLayout, Int) -> any SchedulingController)?

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
        let builtIn = maintenance != nil || shadowMaintenance != nil || quality != nil || shadowQuality != nil
        let custom = makeMaintenance != nil || makeQuality != nil || makeInventory != nil || makeRouting != nil
            || makeScheduling != nil
        // What a plant knows (names, machines, sensors, recipe ranges, prices): built-in and custom
        // controllers alike are made from it, never from the configuration's truth.
        let layout = builtIn || custom ? PlantLayout(configuration) : nil
        return Controllers(maintenance: layout.flatMap { makeMaintenance?($0, replication)
                        ?? maintenance?.controller(for: $0) },
                    quality: layout.flatMap { makeQuality?($0, replication)
                        ?? quality?.controller(for: $0, replication: replication) },
                    shadowMaintenance: layout.flatMap { shadowMaintenance?.controller(for: $0) },
                    shadowQuality: layout.flatMap { shadowQuality?.controller(for: $0, replication: replication) },
                    inventory: layout.flatMap { makeInventory?($0, replication) },
                    routing: layout.flatMap { makeRouting?($0, replication) },
                    scheduling: layout.flatMap { makeScheduling?($0, replication) } ?? scheduling?.controller(),
                    shadowScheduling: shadowScheduling?.controller(),
                    deployment: deployment)
    }
}
