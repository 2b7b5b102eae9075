import TaktFactory
import TaktKernel
import XCTest

/// Environment variables and their declared effects.
final class EnvironmentTests: XCTestCase {
    func station(_ profile: EnvironmentProfile, function: EffectFunction,
                 jobsAt times: [Double]) -> FactoryConfiguration {
        var configuration = FactoryConfiguration(
            stations: [StationSpec(name: "weld"), StationSpec(name: "pack")],
            products: [ProductSpec(name: "p", routing: [
                OperationSpec(name: "weld", stations: [0], processTime: .constant(10)),
                OperationSpec(name: "pack", stations: [1], processTime: .constant(10)),
            ])],
            orderSources: [OrderSourceSpec(name: "plan",
                                           arrivals: .schedule(times.map { ScheduledOrder(time: $0, product: 0) }),
                                           mix: [])],
            recordGantt: true)
        configuration.environment = [EnvironmentVariable(name: "temperature", profile: profile)]
        configuration.effects = [EnvironmentEffect(variable: 0, target: .processTime, stations: [0],
                                                   function: function)]
        return configuration
    }

    func durations(_ configuration: FactoryConfiguration, station: Int32) -> [Double] {
        var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 1)))
        _ = simulation.run()
        return simulation.model.gantt.filter { $0.station == station }.map { $0.end - $0.start }
    }

    /// A hot day slows welding by the declared factor and leaves packing alone:
    /// 30 °C against a 20 °C reference at +1%/°C makes 10 s into 11 s.
    func testLinearEffectScalesOnlyTheDeclaredStation() {
        let configuration = station(.constant(30), function: .linear(reference: 20, slope: 0.01), jobsAt: [0, 100])
        for (a, b) in zip(durations(configuration, station: 0), [11.0, 11.0]) { XCTAssertEqual(a, b, accuracy: 1e-12) }
        XCTAssertEqual(durations(configuration, station: 1), [10, 10])
    }

    /// A step change at t = 50 applies to steps starting after it; the exponential form too.
    func testPiecewiseProfileAndExponentialEffect() {
        let configuration = station(.piecewise(times: [0, 50], values: [20, 20 + log(2) / 0.1]),
                                    function: .exponential(reference: 20, rate: 0.1), jobsAt: [0, 100])
        let welded = durations(configuration, station: 0)
        XCTAssertEqual(welded[0], 10, accuracy: 1e-9)
        XCTAssertEqual(welded[1], 20, accuracy: 1e-9, "e^(0.1·ln2/0.1) = 2")
    }

    /// A daily cycle without noise averages to its mean over whole days and peaks at the peak hour;
    /// with noise, a value depends only on the time (same in every variant, whatever the order of reading).
    func testDailyProfile() {
        let quiet = station(.daily(mean: 22, amplitude: 6, peakSecondOfDay: 15 * 3600, noiseSD: 0),
                            function: .linear(reference: 22, slope: 0.01), jobsAt: [15 * 3600])
        XCTAssertEqual(durations(quiet, station: 0)[0], 10 * 1.06, accuracy: 1e-9, "at the peak: 28 °C")
        let noisy = station(.daily(mean: 22, amplitude: 6, peakSecondOfDay: 15 * 3600, noiseSD: 1),
                            function: .linear(reference: 22, slope: 0.01), jobsAt: [1_000, 90_000, 200_000])
        XCTAssertEqual(durations(noisy, station: 0), durations(noisy, station: 0))
        var shifted = noisy
        shifted.orderSources = [OrderSourceSpec(name: "plan",
                                                arrivals: .schedule([ScheduledOrder(time: 90_000, product: 0)]),
                                                mix: [])]
        XCTAssertEqual(durations(shifted, station: 0)[0], durations(noisy, station: 0)[1],
                       "the weather at 25 h does not depend on other readings")
    }
}

/// Daily and weekly cycles, read back through the observation interface (what a thermometer shows).
final class WeeklyCycleTests: XCTestCase {
    func testDailyAndWeeklyCyclesAddUp() {
        var configuration = FactoryConfiguration(
            stations: [StationSpec(name: "s")],
            products: [ProductSpec(name: "p", routing: [OperationSpec(name: "o", stations: [0],
                                                                      processTime: .constant(1))])],
            orderSources: [OrderSourceSpec(name: "none", arrivals: .renewal(interarrival: .constant(1), count: 0,
                                                                            until: nil),
                                           mix: [(product: 0, weight: 1)])])
        let wednesday15 = 2 * 86_400.0 + 15 * 3600
        configuration.environment = [EnvironmentVariable(name: "temperature", profile: .cycles(
            mean: 20, dailyAmplitude: 4, dailyPeak: 15 * 3600, weeklyAmplitude: 2, weeklyPeak: wednesday15,
            noiseSD: 0))]
        let model = FactoryModel(configuration, streams: RandomStreams(seed: 1))
        let at = { (t: Double) in model.observation(at: t).environment[0] }
        let expected = { (t: Double) in
            20 + 4 * cos(2 * Double.pi * (t - 15 * 3600) / 86_400) + 2
                * cos(2 * Double.pi * (t - wednesday15) / (7 * 86_400))
        }
        for t in stride(from: 0.0, through: 14 * 86_400, by: 3_937) {
            XCTAssertEqual(at(t), expected(t), accuracy: 1e-12)
        }
        XCTAssertEqual(at(wednesday15), 26, accuracy: 1e-9, "Wednesday 15:00: both cycles at their peaks")
        XCTAssertEqual(at(6 * 86_400 + 3 * 3600), 14, accuracy: 1e-9, "Sunday 03:00: both cycles at their troughs")
    }
}

/// The `failure_rate` effect divides every time to failure (docs/scenario-format.md), the first
/// one and those after a maintenance included — not only those drawn after a repair.
final class FailureRateEffectTests: XCTestCase {
    /// Constant 10 h to failure, 1 h repairs, calendar basis, a factor of 2: failures at 5 h and
    /// 11 h (repaired at 6 h); without the effect on the first draw the first came at 10 h.
    func testEveryTimeToFailureIsDivided() {
        var configuration = FactoryConfiguration(
            stations: [StationSpec(name: "press", breakdowns: BreakdownSpec(
                timeToFailure: .constant(10 * 3600), basis: .calendarTime, repairTime: .constant(3600)))],
            products: [ProductSpec(name: "p", routing: [OperationSpec(name: "o", stations: [0],
                                                                      processTime: .constant(1))])],
            orderSources: [OrderSourceSpec(name: "none", arrivals: .renewal(interarrival: .constant(1), count: 0,
                                                                            until: nil),
                                           mix: [(product: 0, weight: 1)])])
        configuration.environment = [EnvironmentVariable(name: "temperature", profile: .constant(30))]
        configuration.effects = [EnvironmentEffect(variable: 0, target: .failureRate, stations: [0],
                                                   function: .linear(reference: 20, slope: 0.1))]
        for (end, expected) in [(4.9, 0), (5.1, 1), (10.9, 1), (11.1, 2)] {
            var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 1)),
                                        limits: RunLimits(endTime: end * 3600))
            _ = simulation.run()
            simulation.finish()
            XCTAssertEqual(simulation.model.report().stations[0].failures, expected, "failures by \(end) h")
        }
    }
}
