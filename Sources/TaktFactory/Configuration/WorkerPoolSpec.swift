/// A pool of interchangeable people (operators, technicians, inspectors): how many, what each
/// may do and how well, when they are at work, and what an hour costs.
///
/// A worker with several skills is one person: operating a machine, repairing another and
/// inspecting parts compete for the same time.
public struct WorkerPoolSpec: Sendable {
    /// Unique name, e.g. "operators".
    public var name: String
    /// Head count.
    public var count: Int
    /// What the pool's workers may do, with an efficiency factor (1: standard pace; 0.8: the
    /// task takes 1/0.8 times its standard duration). A skill not listed cannot be done.
    public var skills: [WorkerSkill: Double]
    /// When the workers are at work (nil: always).
    public var calendar: ShiftCalendar?
    /// Wage per paid hour, before premiums.
    public var costPerHour: Double
    /// Premium on scheduled hours (e.g. 0.25 for a night-shift pool), as a fraction of the wage.
    public var shiftPremium: Double
    /// Premium on overtime hours (work finished after the end of a shift), as a fraction.
    public var overtimePremium: Double

    public init(name: String, count: Int, skills: [WorkerSkill: Double], calendar: ShiftCalendar? = nil,
                costPerHour: Double = 0, shiftPremium: Double = 0, overtimePremium: Double = 0) {
        self.name = name
        self.count = count
        self.skills = skills
        self.calendar = calendar
        self.costPerHour = costPerHour
        self.shiftPremium = shiftPremium
        self.overtimePremium = overtimePremium
    }
}

/// Something a worker may be qualified for.
public enum WorkerSkill: Hashable, Sendable {
    /// Operating the machines of a station (index into `FactoryConfiguration.stations`): setups,
    /// processing, or inspection when the station inspects.
    case operate(station: Int)
    /// Repairing failed machines and doing planned maintenance.
    case repair
}

/// Which free qualified worker takes a task when several could.
public enum WorkerChoice: String, Sendable, CaseIterable {
    /// The first in pool order, then by index within the pool.
    case firstFree = "first_free"
    /// The one with the least busy time so far (spreads the work).
    case leastBusy = "least_busy"
    /// The one with the highest efficiency for the task (ties: first free).
    case mostQualified = "most_qualified"
}

/// When a station's machines need an operator.
public enum OperatorNeed: String, Sendable, CaseIterable {
    /// Only for setups (changeovers); processing runs unattended.
    case setup
    /// For the whole step: setup, loading, processing and unloading.
    case step
}
