import TaktKernel

/// Breakdowns, wear, sensors, repair crews and maintenance: what keeps machines running, and
/// the hidden truth about their condition.
///
/// The mechanisms are in this folder (`FactoryModel+Breakdowns`, `+Crews`, `+Maintenance`,
/// `+Wear`). Only sensor readings and failures seen leave it, through the observation.
struct Reliability {
    /// Per machine (fleet index).
    var health: ContiguousArray<MachineHealth> = []
    var crewMembers: ContiguousArray<CrewMember> = []
    /// First member of each crew, and one past the last.
    var crewFirstMember: [Int] = []
    /// Machines waiting for a member of each crew, first come first served.
    var repairQueues: [RingBuffer<Int32>]
    /// Crew member repairing each machine, or -1.
    var repairingMember: [Int32]
    var sensorStreams: [Xoshiro256StarStar]
    /// Latest non-missing sensor values per (machine, sensor) and their times; failures seen per machine.
    var latestReading: [Double]
    var latestReadingTime: [Double]
    var failuresSeen: [Int]

    init(_ configuration: FactoryConfiguration, streams: RandomStreams, machineCount: Int) {
        for station in configuration.stations {
            for k in 0..<station.machines {
                let entity = "\(station.name)/\(k)"
                health.append(MachineHealth(
                    rngWear: streams.stream(entity: entity, purpose: "wear"),
                    rngFailure: streams.stream(entity: entity, purpose: "time-to-failure"),
                    rngRepair: streams.stream(entity: entity, purpose: "repair"),
                    rngWearFailure: streams.stream(entity: entity, purpose: "wear-failure"),
                    rngOnset: streams.stream(entity: entity, purpose: "degradation-onset")))
            }
        }
        repairQueues = Array(repeating: RingBuffer(capacity: 4), count: configuration.repairCrews.count)
        repairingMember = Array(repeating: -1, count: machineCount)
        sensorStreams = configuration.sensors.map { streams.stream(entity: "sensor/\($0.name)/\($0.station)",
                                                                   purpose: "noise") }
        latestReading = Array(repeating: .nan, count: machineCount * configuration.sensors.count)
        latestReadingTime = Array(repeating: .nan, count: machineCount * configuration.sensors.count)
        failuresSeen = Array(repeating: 0, count: machineCount)
        for (crewIndex, crew) in configuration.repairCrews.enumerated() {
            crewFirstMember.append(crewMembers.count)
            for k in 0..<crew.size {
                crewMembers.append(CrewMember(
                    crew: Int32(crewIndex), repairing: -1, sideJob: nil, sideJobRemaining: 0, busySince: 0,
                    rng: streams.stream(entity: "crew/\(crew.name)/\(k)", purpose: "side-job")))
            }
        }
        crewFirstMember.append(crewMembers.count)
    }
}
