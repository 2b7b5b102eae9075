import TaktKernel

/// The machines of every station, in station order, and the jobs each holds.
///
/// Owns the machine states and the step in progress on each machine; the mechanisms that start,
/// suspend, resume and end steps are in this folder (`FactoryModel+Steps`,
/// `+StepInterruptions`, `+Shifts`), and the time a machine spends in each state is accounted
/// by `FactoryModel.setState`.
struct MachineFleet {
    var machines: ContiguousArray<Machine> = []
    /// Jobs held by machine m: `held[m * maxBatch ..< m * maxBatch + heldCount]`.
    var held: ContiguousArray<Int32>
    /// The largest batch any machine takes (1 without batch stations).
    let maxBatch: Int
    /// First machine of each station, and one past the last.
    let stationFirstMachine: [Int]

    init(_ configuration: FactoryConfiguration, streams: RandomStreams) {
        maxBatch = max(1, configuration.stations.map { $0.batch?.maxSize ?? 1 }.max() ?? 1)
        var first: [Int] = []
        var total = 0
        for station in configuration.stations {
            first.append(total)
            total += station.machines
        }
        first.append(total)
        stationFirstMachine = first
        for (stationIndex, station) in configuration.stations.enumerated() {
            for k in 0..<station.machines {
                machines.append(Machine(
                    station: Int32(stationIndex), indexInStation: Int32(k), state: .idle, stateSince: 0, family: -1,
                    heldCount: 0, completion: nil, inSetup: false, remaining: 0, stepLength: 0, stepStart: 0,
                    setupStart: .nan, interrupted: nil, blockedOn: -1,
                    rngSetup: streams.stream(entity: "\(station.name)/\(k)", purpose: "setup")))
            }
        }
        held = ContiguousArray(repeating: -1, count: total * maxBatch)
    }

    /// The machines of `station`.
    @inline(__always)
    func machines(of station: Int) -> Range<Int> { stationFirstMachine[station]..<stationFirstMachine[station + 1] }
}
