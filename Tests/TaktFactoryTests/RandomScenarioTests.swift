import Foundation
import TaktFactory
import TaktKernel
import TaktScenario
import XCTest

/// Random valid scenarios (`RandomScenarioGenerator`) loaded through the real `ScenarioLoader`
/// and run to the end. In the checked build (`-DTAKT_INTERNAL_CHECKS`) the model checks its
/// invariants after every event (`FactoryModel._checkInvariants`); in every build the test checks
/// flow conservation from the report and, against the event log, that every released job left
/// at most once and the jobs still in the shop are those released but not yet gone.
final class RandomScenarioTests: XCTestCase {
    static let scenarioCount: UInt64 = 300

    /// A folder for the CSV order files the scenarios name (the scenario text itself is parsed in memory).
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("takt-random-scenarios-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Loads a generated scenario; a loader error is a failure that prints the YAML.
    func load(_ generated: GeneratedScenario, seed: UInt64) -> Scenario? {
        for (name, text) in generated.files {
            try? text.write(to: Self.folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        do {
            return try ScenarioLoader.parse(generated.yaml,
                                            file: Self.folder.appendingPathComponent("random-\(seed).yaml").path)
        } catch {
            XCTFail("generated scenario \(seed) does not load:\n\(error)\n--- YAML ---\n\(generated.yaml)")
            return nil
        }
    }

    /// Runs the scenario once; event logging on for even seeds (logging code runs too), off for odd ones.
    func run(_ scenario: Scenario, seed: UInt64) -> FactoryModel? {
        guard case .factory(let configuration) = scenario.model else {
            XCTFail("generated scenario \(seed) is not a factory")
            return nil
        }
        let recording = seed % 2 == 0 ? scenario.recording : RecordingOptions()
        let model = FactoryModel(configuration, streams: RandomStreams(seed: scenario.run.seed), recording: recording)
        var simulation = Simulation(model: model,
                                    limits: RunLimits(endTime: scenario.run.endTime, warmUp: scenario.run.warmUp))
        _ = simulation.run()
        simulation.finish()
        return simulation.takeModel()
    }

    func testRandomScenariosLoadRunAndConserveJobs() throws {
        var coverage: [String: Int] = [:]
        var finished = 0, scrapped = 0, logged = 0
        for seed in 1...Self.scenarioCount {
            var generator = RandomScenarioGenerator(seed: seed)
            let generated = generator.generate()
            for mechanism in generated.mechanisms { coverage[mechanism, default: 0] += 1 }
            guard let scenario = load(generated, seed: seed), let model = run(scenario, seed: seed) else { continue }
            let label = "scenario \(seed)"
            XCTAssertNil(model.failure, "\(label) failed: \(model.failure ?? "")\n\(generated.yaml)")
            let report = model.report()
            XCTAssertEqual(report.released, report.finishedTotal + report.scrappedTotal + report.inShopAtEnd,
                           "\(label): released = finished + scrapped + in shop\n\(generated.yaml)")
            XCTAssertGreaterThanOrEqual(report.inShopAtEnd, 0, label)
            XCTAssertLessThanOrEqual(report.finishedJobs, report.finishedTotal, label)
            XCTAssertEqual(report.throughputByProduct.reduce(0) { $0 + $1.jobs }, report.finishedJobs,
                           "\(label): jobs by product")
            finished += report.finishedTotal
            scrapped += report.scrappedTotal
            if model.recording.events == .all {
                checkEventLog(model.records.events, report: report, label: label, yaml: generated.yaml)
                logged += 1
            }
        }
        XCTAssertGreaterThan(finished, 10 * Int(Self.scenarioCount), "the scenarios make something")
        XCTAssertGreaterThan(scrapped, 0, "some jobs are scrapped")
        XCTAssertGreaterThan(logged, Int(Self.scenarioCount) / 4, "the event log is checked in many scenarios")
        for mechanism in RandomScenarioGenerator.allMechanisms {
            XCTAssertGreaterThanOrEqual(coverage[mechanism, default: 0], 5, "mechanism '\(mechanism)' is generated")
        }
    }

    /// Against the event log: times never decrease, each job is released once and leaves (finished
    /// or scrapped) at most once and only after its release, and the log agrees with the report.
    func checkEventLog(_ events: [EventRow], report: FactoryReport, label: String, yaml: String) {
        var lastTime = -Double.infinity
        var released = Set<Int64>(), left = Set<Int64>()
        var finished = 0, scrapped = 0
        for event in events {
            XCTAssertGreaterThanOrEqual(event.time, lastTime, "\(label): event log time runs backwards")
            lastTime = event.time
            switch EventKind(rawValue: event.kind) {
            case .release?:
                XCTAssertTrue(released.insert(event.job).inserted, "\(label): job \(event.job) released twice")
            case .jobFinished?, .jobScrapped?:
                if event.kind == EventKind.jobFinished.rawValue { finished += 1 } else { scrapped += 1 }
                XCTAssertTrue(released.contains(event.job),
                              "\(label): job \(event.job) leaves before its release\n\(yaml)")
                XCTAssertTrue(left.insert(event.job).inserted, "\(label): job \(event.job) leaves twice\n\(yaml)")
            default: break
            }
        }
        XCTAssertEqual(released.count, report.released, "\(label): releases logged")
        XCTAssertEqual(finished, report.finishedTotal, "\(label): finished jobs logged")
        XCTAssertEqual(scrapped, report.scrappedTotal, "\(label): scrapped jobs logged")
        XCTAssertEqual(released.count - left.count, report.inShopAtEnd, "\(label): jobs still in the shop")
    }

    func testTheGeneratorIsDeterministic() {
        for seed: UInt64 in [1, 17, 123] {
            var first = RandomScenarioGenerator(seed: seed), second = RandomScenarioGenerator(seed: seed)
            XCTAssertEqual(first.generate().yaml, second.generate().yaml, "seed \(seed)")
        }
        var a = RandomScenarioGenerator(seed: 1), b = RandomScenarioGenerator(seed: 2)
        XCTAssertNotEqual(a.generate().yaml, b.generate().yaml)
    }

    func testAGeneratedScenarioRunsTheSameTwice() throws {
        for seed: UInt64 in [2, 5, 8] {
            var generator = RandomScenarioGenerator(seed: seed)
            let generated = generator.generate()
            guard let scenario = load(generated, seed: seed),
                  let first = run(scenario, seed: seed), let second = run(scenario, seed: seed) else { continue }
            XCTAssertEqual(first.records.events, second.records.events, "seed \(seed): same event log")
            XCTAssertEqual(first.report().finishedTotal, second.report().finishedTotal, "seed \(seed)")
        }
    }
}
