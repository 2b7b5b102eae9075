import TaktExperiments
import TaktScenario
import XCTest

/// How a factory run ends: it lasts its duration, and when it cannot give results it stops with
/// an error that says where — never a hang, a trap or a silent zero (docs/limits.md).
final class RunEndingTests: XCTestCase {
    func scenario(_ text: String) throws -> Scenario { try ScenarioLoader.parse(text, file: "inline.yaml") }

    func value(_ name: String, _ result: ReplicationResult) throws -> Double {
        try XCTUnwrap(result.kpis.first { $0.name == name }?.value, name)
    }

    /// One order done in a minute, then 1,000 h of a machine that fails on calendar time: the run
    /// lasts its 1,000 h (it once stopped at the last completion with 100% availability and no
    /// failures). Exponential(10 h) failures and 1 h repairs: availability 10/11 = 90.91%.
    func testRunLastsItsDurationWhenTheShopEmpties() throws {
        var scenario = try scenario("""
            name: one order
            run: {duration: 1000 h, replications: 10, confidence: 0.99}
            stations:
              a:
                breakdowns: {time_to_failure: "exponential(mean: 10 h)", basis: calendar, repair: 1 h}
            products:
              p: {routing: [{station: a, time: 1 min}]}
            orders:
              - {name: one, schedule: [{at: 0 s, product: p}]}
            """)
        scenario.run.confidenceLevel = 0.99
        let result = try Experiment(scenario: scenario).run()
        for replication in result.results {
            XCTAssertEqual(replication.simulatedSeconds, 1000 * 3600, "the run reaches its end time")
            XCTAssertGreaterThan(try value("failures.a", replication), 50)
            XCTAssertEqual(try value("finished_jobs", replication), 1)
        }
        let availability = try XCTUnwrap(result.summaries.first { $0.name == "availability.a" })
        XCTAssertTrue(availability.interval.contains(100 * 10.0 / 11), "\(availability.interval)")
    }

    /// A run that stops before its warm-up ends has no KPI window: an error, not zeros.
    func testKPIWindowThatNeverOpenedIsAnError() throws {
        let scenario = try scenario("""
            name: early stop
            run: {warm_up: 10 h, replications: 1}
            stop_after_jobs: 1
            stations: {a: {}}
            products:
              p: {routing: [{station: a, time: 1 min}]}
            orders:
              - {name: o, rate: 1 /h, product: p}
            """)
        XCTAssertThrowsError(try Experiment(scenario: scenario).run()) { error in
            XCTAssertTrue("\(error)".contains("before its warm-up of 36000.0 s (10.0 h) ended"), "\(error)")
        }
    }

    /// Rework at zero time back to the same operation loops at one instant: stopped by the
    /// no-progress watch with the station, machine, operation and product named.
    func testZeroTimeLoopStopsWithItsPlace() throws {
        let scenario = try scenario("""
            name: loop
            run: {duration: 10 h, replications: 1}
            stations: {press: {}}
            products:
              panel: {routing: [{name: form, station: press, time: 0 s, rework: {probability: 1.0, to: form}}]}
            orders:
              - {name: o, schedule: [{at: 0 s, product: panel}]}
            """)
        XCTAssertThrowsError(try Experiment(scenario: scenario).run()) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("simulated time stopped advancing"), message)
            XCTAssertTrue(message.contains("station 'press' (machine press/0), operation 'form' of product 'panel'"),
                          message)
        }
    }

    /// A finite environment value pushed through an exponential effect overflows the processing
    /// time to infinity: the event calendar records the fault and the run names the station.
    func testOverflowingEffectIsAnErrorNamingTheStation() throws {
        let scenario = try scenario("""
            name: overflow
            run: {duration: 10 h, replications: 1}
            environment:
              heat: {constant: 1e300}
            effects:
              - {variable: heat, affects: process_time, stations: [oven], exponential: {reference: 0, rate: 1}}
            stations: {oven: {}}
            products:
              p: {routing: [{name: bake, station: oven, time: 1 min}]}
            orders:
              - {name: o, schedule: [{at: 0 s, product: p}]}
            """)
        XCTAssertThrowsError(try Experiment(scenario: scenario).run()) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("completion at station 'oven'"), message)
            XCTAssertTrue(message.contains("not a finite time"), message)
        }
    }

    /// Orders that outpace the line fill the shop up to its limit, then the run stops with the
    /// longest queue named instead of growing without bound.
    func testOverloadedShopStopsAtItsLimit() throws {
        let loaded = try scenario("""
            name: overload
            run: {duration: 100 h, replications: 1}
            stations: {slow: {}}
            products:
              p: {routing: [{station: slow, time: 1 h}]}
            orders:
              - {name: o, rate: 60 /min, product: p}
            """)
        guard case .factory(var configuration) = loaded.model else { return XCTFail("a factory") }
        configuration.mostJobsInShop = 1_000
        var scenario = loaded
        scenario.model = .factory(configuration)
        XCTAssertThrowsError(try Experiment(scenario: scenario).run()) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("1000 jobs are in the shop"), message)
            XCTAssertTrue(message.contains("station 'slow' (999 jobs)"), message)
        }
    }

    /// Calendar-age preventive maintenance keeps ordering past 2²³ s (97 days), where an absolute
    /// tolerance of 1e-9 s fell below the clock's resolution and the review recurred at the same
    /// instant forever. 20,000 h, maintenance every 50 h of age (1 h each), Weibull(2.5, 100 h)
    /// failures, 2 h repairs: every renewal cycle lasts at most 51 h, so at least 392 renewals.
    func testPreventiveMaintenanceKeepsWorkingAfterNinetySevenDays() throws {
        let scenario = try scenario("""
            name: pm
            run: {duration: 20000 h, replications: 1}
            stations:
              press:
                breakdowns: {time_to_failure: "weibull(shape: 2.5, scale: 100 h)", basis: calendar, repair: 2 h}
            products:
              p: {routing: [{station: press, time: 1 min}]}
            orders:
              - {name: o, rate: 10 /h, product: p}
            controllers:
              maintenance: {policy: preventive, every: 50 h, duration: 1 h}
            """)
        let result = try Experiment(scenario: scenario).run().results[0]
        let maintenances = try value("preventive.orders", result)
        let failures = try value("failures.press", result)
        XCTAssertGreaterThanOrEqual(maintenances + failures, 20000.0 / 52)
        XCTAssertGreaterThan(maintenances, 20000.0 / 52 * 0.7, "most renewals are preventive at T = 50 h")
        XCTAssertLessThan(result.events, 2_000_000, "no review loop at one instant")
    }
}
