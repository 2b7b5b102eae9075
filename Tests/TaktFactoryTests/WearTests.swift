import Foundation
import TaktFactory
import TaktKernel
import XCTest

/// Hidden wear with threshold failures, and the sensors that observe it.
final class WearTests: XCTestCase {
    /// One always-busy machine (cycles of 1 time unit), wear gamma(2, 0.5) per cycle, failure at
    /// 10, repair 5 restoring it fully.
    func wornMachine(sensorNoise: Double = 0, missing: Double = 0) -> FactoryConfiguration {
        var station = StationSpec(name: "press", bufferCapacity: 1)
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
                                            noiseSD: sensorNoise, missingProbability: missing)]
        return configuration
    }

    /// Cycles between wear failures match a direct Monte Carlo of the same law (first n with
    /// S_n = X_1 + … + X_n ≥ 10, X ~ Gamma(2, 0.5)), compared by a 99.9% Welch interval on the
    /// difference of means.
    func testCyclesToFailureMatchMonteCarlo() {
        var simulation = Simulation(model: FactoryModel(wornMachine(), streams: RandomStreams(seed: 11)),
                                    limits: RunLimits(endTime: 400_000))
        _ = simulation.run()
        simulation.finish()
        let report = simulation.model.report()
        let failures = report.stations[0].failures
        XCTAssertGreaterThan(failures, 10_000)
        // busy time = cycles; every cycle-to-failure count ends in one failure
        let cycles = Double(report.stations[0].processedUnits)
        let simulatedMean = cycles / Double(failures)
        var rng = RandomStreams(seed: 99).stream(entity: "monte-carlo", purpose: "wear")
        let law = Distribution.gamma(shape: 2, scale: 0.5)
        var counts = Tally()
        for _ in 0..<40_000 {
            var wear = 0.0, n = 0
            while wear < 10 { wear += law.sample(&rng); n += 1 }
            counts.record(Double(n))
        }
        // the simulated mean is a ratio over ~failures renewal cycles; its sd ≈ sd(N)/√failures
        let se = (counts.variance / Double(failures) + counts.variance / Double(counts.count)).squareRoot()
        XCTAssertEqual(simulatedMean, counts.mean, accuracy: 3.3 * se,
                       "simulated \(simulatedMean) vs Monte Carlo \(counts.mean)")
        XCTAssertEqual(report.stations[0].mttr ?? 0, 5, accuracy: 1e-9)
    }

    /// Without noise a reading is offset + gain · wear exactly; readings and truth come in pairs;
    /// with a missing probability some readings are NaN, in about that share.
    func testSensorsObserveWear() {
        var simulation = Simulation(model: FactoryModel(wornMachine(), streams: RandomStreams(seed: 2),
                                                        recording: .full()),
                                    limits: RunLimits(endTime: 20_000))
        _ = simulation.run()
        let records = simulation.model.takeRecords()
        XCTAssertEqual(records.sensors.count, records.truth.count)
        XCTAssertGreaterThan(records.sensors.count, 1_000)
        for (reading, truth) in zip(records.sensors, records.truth) {
            XCTAssertEqual(reading.time, truth.time)
            XCTAssertEqual(reading.value, 2 + 3 * truth.wear, accuracy: 1e-9)
        }
        XCTAssertGreaterThan(Set(records.truth.map(\.wear)).count, 100, "wear moves")

        var noisy = Simulation(model: FactoryModel(wornMachine(sensorNoise: 0.5, missing: 0.2),
                                                   streams: RandomStreams(seed: 2),
                                                   recording: .full()), limits: RunLimits(endTime: 20_000))
        _ = noisy.run()
        let readings = noisy.model.takeRecords().sensors
        let missingShare = Double(readings.filter { $0.value.isNaN }.count) / Double(readings.count)
        XCTAssertEqual(missingShare, 0.2, accuracy: 4.5 * (0.2 * 0.8 / Double(readings.count)).squareRoot())
    }

    /// Hazard-based wear: one unit of wear per cycle and a Weibull(β = 2, η = 30) hazard in wear,
    /// renewed by each repair. The machine fails at the end of cycle N = ⌈L⌉, so the mean number
    /// of cycles between failures is E[N] = Σ_{k≥0} P(L > k) = Σ exp(−(k/30)²) ≈ 27.09 (summed
    /// here). The simulated mean over ~7,000 failures must lie within 4 standard errors
    /// (SD of N ≈ η·√(1 − π/4) ≈ 13.9).
    func testWeibullHazardInWear() {
        var configuration = wornMachine()
        configuration.stations[0].wear = WearSpec(incrementPerCycle: .constant(1), failureThreshold: .infinity,
                                                  repairTime: .constant(5))
        configuration.stations[0].wear?.hazard = (shape: 2, scale: 30)
        configuration.sensors = []
        var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 9)),
                                    limits: RunLimits(endTime: 230_000))
        _ = simulation.run()
        simulation.finish()
        let report = simulation.model.report()
        let failures = report.stations[0].failures
        let expected = (0..<1_000).reduce(0.0) { $0 + exp(-pow(Double($1) / 30, 2)) }
        let cyclesPerFailure = Double(report.stations[0].processedUnits) / Double(failures)
        let standardError = 30 * (1 - Double.pi / 4).squareRoot() / Double(failures).squareRoot()
        XCTAssertGreaterThan(failures, 6_000)
        XCTAssertEqual(cyclesPerFailure, expected, accuracy: 4 * standardError, "cycles per failure")
    }

    /// Wear per operating hour as a gamma process: 30-minute steps under gamma(shape 2 per hour,
    /// scale 0.5) add Gamma(1, 0.5) = exponential(mean 0.5) each, so with failure at 10 the
    /// number of steps to failure is 1 + Poisson(20): mean exactly 21, SD √20. The simulated mean
    /// over ~5,000 failures must lie within 4 standard errors.
    func testWearPerOperatingHourIsAGammaProcess() {
        var configuration = wornMachine()
        configuration.stations[0].wear = WearSpec(incrementPerCycle: .gamma(shape: 2, scale: 0.5), failureThreshold: 10,
                                                  repairTime: .constant(1))
        configuration.stations[0].wear?.perOperatingHour = true
        configuration.products[0].routing[0].processTime = .constant(1800)
        configuration.orderSources[0].arrivals = .renewal(interarrival: .constant(60), count: nil, until: nil)
        configuration.sensors = []
        var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 12)),
                                    limits: RunLimits(endTime: 5_000 * 21 * 1800))
        _ = simulation.run()
        simulation.finish()
        let report = simulation.model.report()
        let failures = report.stations[0].failures
        let stepsPerFailure = Double(report.stations[0].processedUnits) / Double(failures)
        XCTAssertGreaterThan(failures, 4_500)
        XCTAssertEqual(stepsPerFailure, 21, accuracy: 4 * 20.0.squareRoot() / Double(failures).squareRoot())
    }
}

/// A recipe parameter that drives wear.
final class RecipeWearTests: XCTestCase {
    /// Wear 1 per cycle scaled by 1 + 0.05 · (current − 100): at 100 A a machine fails every 20
    /// cycles (threshold 20), at 120 A (factor 2) every 10 — exactly.
    func testARecipeParameterScalesWear() {
        func cyclesPerFailure(current: Double) -> Double {
            var station = StationSpec(name: "weld", bufferCapacity: 1)
            station.wear = WearSpec(incrementPerCycle: .constant(1), failureThreshold: 20 - 1e-9,
                                    repairTime: .constant(1))
            station.wear?.recipeEffect = RecipeWearEffect(parameter: "current", reference: 100, perUnit: 0.05)
            var weld = OperationSpec(name: "weld", stations: [0], processTime: .constant(10))
            weld.recipe = [RecipeParameter(name: "current", setpoint: current, minimum: 50, maximum: 200)]
            let configuration = FactoryConfiguration(
                stations: [station], products: [ProductSpec(name: "cell", routing: [weld])],
                orderSources: [OrderSourceSpec(name: "cells",
                                               arrivals: .renewal(interarrival: .constant(1), count: nil, until: nil),
                                               mix: [(product: 0, weight: 1)], whenFull: .reject)])
            var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 1)),
                                        limits: RunLimits(endTime: 100_000))
            _ = simulation.run()
            simulation.finish()
            let report = simulation.model.report()
            return Double(report.stations[0].processedUnits) / Double(report.stations[0].failures)
        }
        XCTAssertEqual(cyclesPerFailure(current: 100), 20, accuracy: 0.05)
        XCTAssertEqual(cyclesPerFailure(current: 120), 10, accuracy: 0.05)
    }
}

/// The event log holds what a plant could log: a failure from wear carries no wear level.
final class WearTruthStaysOutOfTheLogTests: XCTestCase {
    func testAWearFailureLogsNoWear() {
        var station = StationSpec(name: "press")
        station.wear = WearSpec(incrementPerCycle: .constant(1), failureThreshold: 10, repairTime: .constant(100))
        let configuration = FactoryConfiguration(
            stations: [station],
            products: [ProductSpec(name: "p", routing: [OperationSpec(name: "a", stations: [0],
                                                                      processTime: .constant(10))])],
            orderSources: [OrderSourceSpec(name: "d", arrivals: .renewal(interarrival: .constant(10), count: 100,
                                                                         until: nil),
                                           mix: [(product: 0, weight: 1)])])
        var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 1),
                                                        recording: .full()))
        _ = simulation.run()
        let failures = simulation.model.takeRecords().events.filter { $0.kind == EventKind.failure.rawValue }
        XCTAssertGreaterThan(failures.count, 5)
        XCTAssertTrue(failures.allSatisfy { $0.value == 0 }, "a failure row must not carry the hidden wear")
    }
}
