import TaktFactory
import TaktKernel
import XCTest

/// The observation interface: built from observable state only, and consistent with what the
/// plant logged. (That hidden state cannot be reached at all is checked by the compiler: see
/// scripts/tests/test_observation_boundary.py.)
final class ObservationTests: XCTestCase {
    /// The names of every stored property reachable from a value, recursively (arrays included).
    func fieldNames(of value: Any, into names: inout Set<String>, depth: Int = 0) {
        guard depth < 6 else { return }
        for child in Mirror(reflecting: value).children {
            if let label = child.label { names.insert(label) }
            fieldNames(of: child.value, into: &names, depth: depth + 1)
        }
    }

    func testObservationHoldsNoHiddenState() {
        var station = StationSpec(name: "press", machines: 3, bufferCapacity: 1)
        station.wear = WearSpec(incrementPerCycle: .gamma(shape: 2, scale: 0.5), failureThreshold: 10,
                                repairTime: .constant(5))
        var configuration = FactoryConfiguration(
            stations: [station],
            products: [ProductSpec(name: "part", routing: [OperationSpec(name: "press", stations: [0],
                                                                         processTime: .constant(1))])],
            orderSources: [OrderSourceSpec(name: "supply", arrivals: .renewal(interarrival: .constant(0.1), count: nil,
                                                                              until: nil),
                                           mix: [(product: 0, weight: 1)], whenFull: .reject)])
        configuration.sensors = [SensorSpec(name: "vibration", station: 0, interval: 10, offset: 2, gain: 3,
                                            noiseSD: 0.5,
                                            missingProbability: 0.1)]
        var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 4),
                                                        recording: RecordingOptions.full()),
                                    limits: RunLimits(endTime: 20_000))
        _ = simulation.run()
        let observation = simulation.model.observation(at: simulation.now)
        var names = Set<String>()
        fieldNames(of: observation, into: &names)
        for hidden in ["wear", "defect", "wornOut", "timeToFailure", "incrementPerCycle", "failureThreshold", "terms",
                       "intercept",
                       "confusion", "noiseSD", "truth"] {
            XCTAssertFalse(names.contains(hidden), "the observation exposes '\(hidden)'")
        }
        // consistent with the plant's log: the latest non-missing reading of each machine is the last one recorded
        let records = simulation.model.takeRecords()
        for m in 0..<configuration.stations[0].machines {
            let last = records.sensors.last { $0.machine == Int32(m) && !$0.value.isNaN }
            XCTAssertEqual(observation.latestReadings[m][0], last?.value)
            XCTAssertEqual(observation.latestReadingTimes[m][0], last?.time)
        }
        XCTAssertEqual(observation.failuresSeen.reduce(0, +), simulation.model.statistics.failures.reduce(0, +))
        XCTAssertGreaterThan(observation.failuresSeen.reduce(0, +), 0)
        XCTAssertEqual(observation.layout.sensors.map { $0.name }, ["vibration"])
        XCTAssertEqual(observation.machineStates.count, configuration.stations[0].machines)
    }
}
