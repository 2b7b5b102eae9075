import TaktKernel

/// A machine's health, hidden from every controller: its failure clock, its wear and the level
/// at which it fails, its repair and its maintenance. Kept by `Reliability`, indexed like the
/// fleet's machines.
struct MachineHealth {
    /// Operating-time basis: time to failure left; calendar basis: unused.
    var timeToFailure: Double = .infinity
    var operatingSince: Double = 0
    var failureEvent: EventID?
    var failedAt: Double = 0
    /// True while the machine is down because of wear (not a random breakdown).
    var wornOut: Bool = false
    /// Hidden wear (see `WearSpec`): internal to this module, never part of an observation.
    var wear: Double = 0
    /// The wear level at which it fails next (hazard-based wear; hidden like the wear itself).
    var failureLevel: Double = .infinity
    /// Operating seconds left before hidden degradation begins (`WearSpec.onset`; 0: it has).
    var onsetLeft: Double = 0
    /// When the current degradation began (the P point, calendar time; NaN: not begun or no
    /// onset law). Truth, for scoring warnings.
    var degradingSince: Double = .nan
    /// The recipe's factor on the wear of the cycle in progress (1 without a recipe effect).
    var recipeWearFactor: Double = 1
    /// Planned maintenance waiting for the current step to end (its duration), or 0.
    var pendingMaintenance: Double = 0
    /// The pending maintenance was ordered by a controller: it renews the failure clock.
    var maintenanceRenews: Bool = false
    /// Technician repairing or maintaining it (a worker), or -1.
    var technician: Int32 = -1
    var rngWear: Xoshiro256StarStar
    var rngFailure: Xoshiro256StarStar
    var rngRepair: Xoshiro256StarStar
    var rngWearFailure: Xoshiro256StarStar
    var rngOnset: Xoshiro256StarStar
}
