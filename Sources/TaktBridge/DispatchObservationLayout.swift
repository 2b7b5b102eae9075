import TaktFactory

/// The fixed-size observation of a dispatch decision, built from the shop-floor observation only
/// (`ShopObservation`: standard times, due dates, queues, machine states; never drawn durations,
/// wear or defects). Times are in hours. With S stations, M machines and N = `maxJobs`:
///
/// | index | value |
/// |---|---|
/// | 0 | simulated time now (h) |
/// | 1 ..< 1+S | the station offered, one-hot |
/// | 1+S ..< 1+2S | jobs waiting at each station |
/// | 1+2S ..< 1+2S+M | each machine's state (`MachineState` raw value: 0 idle … 7 off shift) |
/// | 1+2S+M ..< 1+2S+2M | each machine free (1) or not (0) |
/// | then N × 8 | per job slot (`names`): present, standard time (h), work left (h), operations left, |
/// |  | due-date slack (h; `noDueDate` when none), time in queue (h), setup match, priority |
///
/// Slot k is the k-th job that can start at the station, in queue order; empty slots are zeros.
public struct DispatchObservationLayout: Sendable {
    /// Features per job slot.
    public static let slotFeatures = 8
    /// The slack written for a job without a due date (hours: about 114 years).
    public static let noDueDate: Float = 1e6

    /// How many jobs a decision offers at most.
    public let maxJobs: Int
    /// Stations and machines of the plant.
    public let stations: Int
    public let machines: Int
    /// The names of the values, in order.
    public let names: [String]

    /// The layout for a plant.
    ///
    /// - Parameters:
    ///   - layout: the plant's observable layout.
    ///   - maxJobs: job slots.
    public init(layout: PlantLayout, maxJobs: Int) {
        self.maxJobs = maxJobs
        stations = layout.stations.count
        machines = layout.machineStation.count
        var names = ["now_h"]
        names += layout.stations.map { "offered.\($0.name)" }
        names += layout.stations.map { "queue.\($0.name)" }
        let machineNames = layout.machineStation.indices.map { machine -> String in
            let station = layout.stations[layout.machineStation[machine]]
            return station.machines.count == 1 ? station.name
                : "\(station.name)[\(machine - station.machines.lowerBound)]"
        }
        names += machineNames.map { "state.\($0)" }
        names += machineNames.map { "free.\($0)" }
        let features = ["present", "standard_time_h", "work_left_h", "operations_left", "slack_h", "queue_time_h",
                        "setup_match", "priority"]
        for slot in 0..<maxJobs { names += features.map { "job\(slot).\($0)" } }
        self.names = names
    }

    /// Values in an observation.
    public var size: Int { 1 + 2 * stations + 2 * machines + Self.slotFeatures * maxJobs }

    /// Writes the observation of `decision` (zeros when nil) into `buffer`.
    func encode(_ decision: DispatchDecision?, into buffer: UnsafeMutableBufferPointer<Float>) {
        for index in 0..<size { buffer[index] = 0 }
        guard let decision else { return }
        let shop = decision.shop
        let hour = 3600.0
        buffer[0] = Float(shop.now / hour)
        buffer[1 + decision.station] = 1
        for station in 0..<stations { buffer[1 + stations + station] = Float(shop.queues[station].count) }
        let machineBase = 1 + 2 * stations
        var freeFamilies: Set<Int> = []
        for machine in 0..<machines {
            let state = shop.machines[machine]
            buffer[machineBase + machine] = Float(state.state.rawValue)
            buffer[machineBase + machines + machine] = state.isFree ? 1 : 0
            if state.isFree && state.station == decision.station { freeFamilies.insert(state.setupFamily) }
        }
        var slot = machineBase + 2 * machines
        for job in decision.jobs {
            buffer[slot] = 1
            buffer[slot + 1] = Float(job.expectedTime / hour)
            buffer[slot + 2] = Float(job.remainingWork / hour)
            buffer[slot + 3] = Float(job.operationsLeft)
            buffer[slot + 4] = job.dueDate.isFinite ? Float((job.dueDate - shop.now) / hour) : Self.noDueDate
            buffer[slot + 5] = Float((shop.now - job.queueEntryTime) / hour)
            buffer[slot + 6] = freeFamilies.contains(job.setupFamily) ? 1 : 0
            buffer[slot + 7] = Float(job.priority)
            slot += Self.slotFeatures
        }
    }
}
