import TaktKernel

/// A pool of repair people shared by the machines whose breakdowns name it.
///
/// Repairs are served first come, first served. If `sideJob` is set, crew members not repairing
/// work on an endless series of side jobs of that duration at lower priority: a breakdown
/// preempts the side job, which resumes with its remaining time afterwards (SimPy's machine-shop
/// repairman).
public struct RepairCrewSpec: Sendable {
    public var name: String
    /// Crew members.
    public var size: Int
    /// Duration of one side job (nil: no side work).
    public var sideJob: Distribution?

    public init(name: String, size: Int = 1, sideJob: Distribution? = nil) {
        self.name = name
        self.size = size
        self.sideJob = sideJob
    }
}
