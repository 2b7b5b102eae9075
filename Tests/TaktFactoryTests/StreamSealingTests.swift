import Foundation
import TaktFactory
import TaktKernel
import XCTest

/// The model's random streams cannot be replayed from the seed through the public API.
///
/// An audit predicted the wear level at every first failure from the seed alone, by deriving the
/// model's streams with `RandomStreams` and the documented names. The model now draws from
/// streams re-keyed under a key private to Takt (`RandomStreams.sealedForModel`). The probe here
/// is an "oracle" controller handed the seed: it predicts each machine's first failure time
/// from the stream named `<station>/<k>`, `time-to-failure`, and counts the failures it
/// observes at the predicted instant. Through the public derivation it must hit none; through
/// the sealed derivation (package access, which a controller's package lacks) it hits every
/// one — so the probe itself is right and would catch the door reopening.
final class StreamSealingTests: XCTestCase {
    /// Counts observed first failures that come at the predicted time (to a microsecond).
    struct SeedOracle: MaintenanceController {
        let name = "seed-oracle"
        var predicted: [Double]
        var seen = Set<Int>()
        var hits = 0

        init(streams: RandomStreams, machines: Int, timeToFailure: Distribution) {
            predicted = (0..<machines).map { k in
                var rng = streams.stream(entity: "press/\(k)", purpose: "time-to-failure")
                return timeToFailure.sampleDuration(&rng)
            }
        }

        mutating func observe(_ event: PlantEvent, plant: PlantObservation) -> [MaintenanceOrder] {
            if case .failure(let machine, let time) = event, seen.insert(machine).inserted,
               abs(time - predicted[machine]) < 1e-6 {
                hits += 1
            }
            return []
        }

        func metrics() -> [ControllerMetric] {
            [ControllerMetric("hits", "first failures predicted", value: Double(hits)),
             ControllerMetric("seen", "first failures seen", value: Double(seen.count))]
        }
    }

    /// 40 presses failing on the calendar basis (exponential, mean 10 h; repair 1 h), no work:
    /// the first failure of press k comes exactly at its first draw of time to failure.
    func hitsAndFirstFailures(oracleStreams: (RandomStreams) -> RandomStreams) -> (hits: Double, seen: Double) {
        let timeToFailure = Distribution.exponential(mean: 10 * 3600)
        var station = StationSpec(name: "press", machines: 40, bufferCapacity: 1)
        station.breakdowns = BreakdownSpec(timeToFailure: timeToFailure, basis: .calendarTime,
                                           repairTime: .constant(3600))
        let configuration = FactoryConfiguration(
            stations: [station],
            products: [ProductSpec(name: "part", routing: [OperationSpec(name: "press", stations: [0],
                                                                         processTime: .constant(60))])],
            orderSources: [])
        let streams = RandomStreams(seed: 2026).replication(3)
        var controllers = Controllers()
        controllers.shadowMaintenance = SeedOracle(streams: oracleStreams(streams), machines: 40,
                                                   timeToFailure: timeToFailure)
        var simulation = Simulation(model: FactoryModel(configuration, streams: streams, controllers: controllers),
                                    limits: RunLimits(endTime: 30 * 86_400))
        _ = simulation.run()
        simulation.finish()
        let metrics = Dictionary(uniqueKeysWithValues: simulation.model.controllerMetrics
            .flatMap { $0.metrics }.map { ($0.name, $0.value) })
        return (metrics["hits"] ?? -1, metrics["seen"] ?? -1)
    }

    func testTheSeedAndThePublicNamesDoNotReplayTheModel() {
        let (hits, seen) = hitsAndFirstFailures { $0 }
        XCTAssertEqual(seen, 40)   // in 30 days every press fails (P(no failure) = e^{−72})
        XCTAssertEqual(hits, 0)
    }

    func testTheSealedDerivationDoesReplayIt() {
        let (hits, seen) = hitsAndFirstFailures { $0.sealedForModel }
        XCTAssertEqual(seen, 40)
        XCTAssertEqual(hits, 40)
    }
}
