import TaktKernel

/// One machine of a station: its state, what it holds and the bookkeeping of its current setup
/// or step. Its health (failure clock, hidden wear, repairs) is `MachineHealth`, kept by
/// `Reliability` under the same index.
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
    /// The pending completion (setup or step), for cancellation by a failure or a shift end.
    var completion: EventID?
    /// Whether the pending completion ends a setup (then processing follows) or a step.
    var inSetup: Bool
    /// Remaining duration of a suspended setup/step, and its full length (for a restart).
    var remaining: Double
    var stepLength: Double
    /// When the current setup/step started (Gantt) and when setup started.
    var stepStart: Double
    var setupStart: Double
    /// State to return to when a suspended setup or step resumes (busy or setup).
    var interrupted: MachineState?
    /// Working time has ended; the machine stops as soon as its current activity ends.
    var offShiftPending: Bool = false
    /// Off shift only because no qualified operator is at work (it is free to take work).
    var awaitsWorker: Bool = false
    /// Blocked on this station's buffer (index), or -1.
    var blockedOn: Int32
    /// Processing time since the start of the run (the machine's hour meter: observable).
    var operatingSeconds: Double = 0
    /// Worker operating the machine (setup or step), or -1.
    var operatorWorker: Int32 = -1
    /// Efficiency of the operator running the current step (1 without one), for quality models.
    var operatorEfficiency: Double = 1
    var rngSetup: Xoshiro256StarStar
}
