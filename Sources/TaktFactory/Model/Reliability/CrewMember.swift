import TaktKernel

/// A member of a repair crew.
struct CrewMember {
    var crew: Int32
    /// Machine under repair, or -1.
    var repairing: Int32
    /// Side job in progress (its completion), remaining time when preempted.
    var sideJob: EventID?
    var sideJobRemaining: Double
    var busySince: Double
    var rng: Xoshiro256StarStar
}
