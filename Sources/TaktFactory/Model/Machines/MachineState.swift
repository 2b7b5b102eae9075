/// What a machine is doing; time in each state is accounted per machine.
public enum MachineState: Int, CaseIterable, Sendable {
    /// Available, nothing to do.
    case idle
    /// Changing over to another product family.
    case setup
    /// Loading, processing or unloading a job.
    case busy
    /// Holding a finished job because the next buffer is full.
    case blocked
    /// Jobs wait, but none can start: components or materials are missing.
    case starved
    /// Failed: waiting for or under repair.
    case down
    /// Planned maintenance.
    case maintenance
    /// Outside working hours (used by shift calendars).
    case offShift

    /// snake_case name for reports.
    public var name: String {
        switch self {
        case .idle: return "idle"
        case .setup: return "setup"
        case .busy: return "busy"
        case .blocked: return "blocked"
        case .starved: return "starved"
        case .down: return "down"
        case .maintenance: return "maintenance"
        case .offShift: return "off_shift"
        }
    }
}
