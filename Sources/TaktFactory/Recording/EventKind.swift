/// The kinds of logged factory events (stored as an HDF5 enum; raw values are stable).
public enum EventKind: UInt8, CaseIterable, Sendable {
    case orderArrival = 0
    case orderLost = 1
    case release = 2
    case queueEnter = 3
    case setupStart = 4
    case processStart = 5
    case processEnd = 6
    case jobFinished = 7
    case jobScrapped = 8
    case rework = 9
    case blocked = 10
    case failure = 11
    case repairStart = 12
    case repairEnd = 13
    case maintenanceStart = 14
    case maintenanceEnd = 15
    case materialOrdered = 16
    case materialReceived = 17
    case stockout = 18
    case maintenanceOrder = 19
    case shadowMaintenanceOrder = 20
    case setpointChange = 21
    case shadowSetpointChange = 22
    case controllerDeployed = 23
    case shadowDispatch = 24
    case transportStart = 25
    case transportEnd = 26

    /// snake_case name (the HDF5 enum member name).
    public var name: String {
        switch self {
        case .orderArrival: return "order_arrival"
        case .orderLost: return "order_lost"
        case .release: return "release"
        case .queueEnter: return "queue_enter"
        case .setupStart: return "setup_start"
        case .processStart: return "process_start"
        case .processEnd: return "process_end"
        case .jobFinished: return "job_finished"
        case .jobScrapped: return "job_scrapped"
        case .rework: return "rework"
        case .blocked: return "blocked"
        case .failure: return "failure"
        case .repairStart: return "repair_start"
        case .repairEnd: return "repair_end"
        case .maintenanceStart: return "maintenance_start"
        case .maintenanceEnd: return "maintenance_end"
        case .materialOrdered: return "material_ordered"
        case .materialReceived: return "material_received"
        case .stockout: return "stockout"
        case .maintenanceOrder: return "maintenance_order"
        case .shadowMaintenanceOrder: return "shadow_maintenance_order"
        case .setpointChange: return "setpoint_change"
        case .shadowSetpointChange: return "shadow_setpoint_change"
        case .controllerDeployed: return "controller_deployed"
        case .shadowDispatch: return "shadow_dispatch"
        case .transportStart: return "transport_start"
        case .transportEnd: return "transport_end"
        }
    }
}
