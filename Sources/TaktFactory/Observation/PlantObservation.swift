/// What a controller sees of the plant at one instant: only what a real plant could observe —
/// machine states as the shop floor reports them, queue lengths, the latest sensor readings,
/// failures seen so far, who is at work, the current recipe setpoints, the environment as
/// measured. Hidden state (a machine's wear, a part's defect) is not here and cannot be reached
/// from here: it lives in internal fields of `FactoryModel`, invisible outside TaktFactory.
public struct PlantObservation: Sendable {
    /// Simulated time (seconds).
    public var now: Double
    /// The plant's fixed, observable facts.
    public var layout: PlantLayout
    /// State of every machine (idle, busy, down…), by global machine index.
    public var machineStates: [MachineState]
    /// Jobs waiting at each station.
    public var queueLengths: [Int]
    /// Latest non-missing reading of each sensor on each machine (`[machine][sensor]`, NaN
    /// before the first one) and when it was taken.
    public var latestReadings: [[Double]]
    public var latestReadingTimes: [[Double]]
    /// Each machine's hour meter: processing hours since the start of the run.
    public var operatingHours: [Double]
    /// Failures seen on each machine since the start of the run.
    public var failuresSeen: [Int]
    /// Workers of each pool at work now, and of those the ones free.
    public var workersAtWork: [Int]
    public var workersFree: [Int]
    /// Current setpoints of each operation's recipe (by route index).
    public var setpoints: [[Double]]
    /// Environment variables as measured now (by index in `layout.environmentVariables`).
    public var environment: [Double]
}
