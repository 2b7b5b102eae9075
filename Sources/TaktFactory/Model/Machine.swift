import TaktKernel

/// One machine of a station, with its state and the bookkeeping of its current step.
struct Machine {
    var station: Int32
    /// Index within its station (for names "<station>/<k>").
    var indexInStation: Int32
    var state: MachineState
    var stateSince: Double
    /// Setup family the machine is set up for, or -1.
    var family: Int32
    /// Jobs held (the batch being processed, or finished jobs waiting for downstream space).
    var heldCount: Int32
    /// The pending completion (setup or step), for cancellation by a failure.
    var completion: EventID?
    /// Whether the pending completion ends a setup (then processing follows) or a step.
    var inSetup: Bool
    /// Remaining duration of an interrupted setup/step, and its full length (for restart).
    var remaining: Double
    var stepLength: Double
    /// When the current setup/step started (Gantt) and when setup started.
    var stepStart: Double
    var setupStart: Double
    /// State to return to after a repair (busy or setup), if a step was interrupted.
    var interrupted: MachineState?
    /// Operating-time basis: time to failure left; calendar basis: unused.
    var timeToFailure: Double
    var operatingSince: Double
    var failureEvent: EventID?
    var failedAt: Double
    /// Planned maintenance waiting for the current step to end (its duration), or 0.
    var pendingMaintenance: Double
    /// Blocked on this station's buffer (index), or -1.
    var blockedOn: Int32
    /// Hidden wear (see `WearSpec`): internal to this module, never part of an observation.
    var wear: Double
    /// The wear level at which it fails next (hazard-based wear; hidden like the wear itself).
    var failureLevel: Double = .infinity
    /// Working time has ended; the machine stops as soon as its current activity ends.
    var offShiftPending: Bool = false
    /// True while the machine is down because of wear (not a random breakdown).
    var wornOut: Bool = false
    /// Worker operating the machine (setup or step), or -1.
    var operatorWorker: Int32 = -1
    /// Technician repairing it (a worker), or -1.
    var technician: Int32 = -1
    /// Off shift only because no qualified operator is at work (it is free to take work).
    var awaitsWorker: Bool = false
    /// Efficiency of the operator running the current step (1 without one), for quality models.
    var operatorEfficiency: Double = 1
    /// The recipe's factor on the wear of the cycle in progress (1 without a recipe effect).
    var recipeWearFactor: Double = 1
    /// Processing time since the start of the run (the machine's hour meter: observable).
    var operatingSeconds: Double = 0
    /// The pending maintenance was ordered by a controller: it renews the failure clock.
    var maintenanceRenews: Bool = false
    var rngWear: Xoshiro256StarStar
    var rngFailure: Xoshiro256StarStar
    var rngRepair: Xoshiro256StarStar
    var rngSetup: Xoshiro256StarStar
    var rngWearFailure = Xoshiro256StarStar(seed: 0)
}

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
