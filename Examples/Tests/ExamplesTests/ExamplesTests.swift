import BankModel
import Foundation
import TaktExperiments
import TaktFactory
import TaktKernel
import TaktScenario
import VibrationWatch
import WorkInNextQueue
import XCTest

/// The examples do what they claim, checked against theory and against the plant without them.
final class ExamplesTests: XCTestCase {
    /// Erlang C: the mean wait in an M/M/c queue.
    static func erlangCWait(arrivalRate λ: Double, serviceRate μ: Double, servers c: Int) -> Double {
        // swift-format-ignore: IdentifiersMustBeASCII
        // ρ is the utilisation in the queueing-theory formula this function transcribes.
        let a = λ / μ, ρ = a / Double(c)
        var sum = 0.0, term = 1.0
        for k in 0..<c {
            if k > 0 { term *= a / Double(k) }
            sum += term
        }
        let last = term * a / Double(c) / (1 - ρ)
        return last / (sum + last) / (Double(c) * μ - λ)
    }

    /// Three tellers at 80% load: the 99% interval over 10 month-long replications covers Erlang C.
    func testBankMatchesErlangC() throws {
        let result = try Replications(replications: 10, seed: 1,
                                      limits: RunLimits(endTime: 30 * 86_400, warmUp: 86_400),
                                      level: 0.99) { streams, _ in
            Bank(tellers: 3, arrivalMean: 50, serviceMean: 120, streams: streams)
        }.run()
        let wait = try XCTUnwrap(result.summaries.first { $0.name == "wait_mean" }?.interval)
        let exact = Self.erlangCWait(arrivalRate: 1.0 / 50, serviceRate: 1.0 / 120, servers: 3) / 60
        XCTAssertLessThan(abs(wait.mean - exact), wait.halfWidth, "\(wait) against \(exact) min")
    }

    /// The controller written outside Takt cuts the presses' failures of wear-sensors.yaml.
    func testVibrationWatchCutsFailures() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let scenario = try ScenarioLoader.load(path: root.appendingPathComponent("scenarios/wear-sensors.yaml").path)
        guard case .factory(let configuration) = scenario.model else { return XCTFail("not a factory scenario") }
        let rows = try PairedComparison<FactoryReplication>(
            replications: 5, seed: 1, limits: RunLimits(endTime: 6 * 86_400, warmUp: 86_400),
            a: ("none", { streams, _ in FactoryReplication(FactoryModel(configuration, streams: streams)) }),
            b: ("watch", { streams, _ in
                FactoryReplication(FactoryModel(
                    configuration, streams: streams,
                    controllers: Controllers(maintenance: VibrationWatch(sensor: "vibration", threshold: 4.5))))
            })).run()
        let failures = try XCTUnwrap(rows.first { $0.kpi == "failures" })
        XCTAssertTrue(failures.significant && failures.difference < 0,
                      "\(failures.difference) ± \(failures.differenceHalfWidth)")
    }

    /// The scheduler written outside Takt, on a dynamic job shop (6 single-machine stations,
    /// 6 products each visiting every station in its own order, exponential times, 85% load):
    /// against FIFO at every station, work-in-next-queue cuts the mean flow time — the paired
    /// 95% interval of the difference lies below zero over 5 replications.
    func testWorkInNextQueueCutsFlowTimeAgainstFIFO() throws {
        var generator = Xoshiro256StarStar(seed: 11)
        let products = (0..<6).map { product -> ProductSpec in
            var order = Array(0..<6)
            for i in stride(from: 5, to: 0, by: -1) { order.swapAt(i, Int(generator.nextUnit() * Double(i + 1))) }
            return ProductSpec(name: "p\(product)", routing: order.map {
                OperationSpec(name: "o\($0)", stations: [$0], processTime: .exponential(mean: 600))
            })
        }
        let configuration = FactoryConfiguration(
            stations: (0..<6).map { StationSpec(name: "s\($0)") }, products: products,
            orderSources: [OrderSourceSpec(name: "orders",
                                           arrivals: .renewal(interarrival: .exponential(mean: 600 / 0.85),
                                                              count: nil, until: nil),
                                           mix: (0..<6).map { (product: $0, weight: 1.0) })])
        let rows = try PairedComparison<FactoryReplication>(
            replications: 5, seed: 1, limits: RunLimits(endTime: 60 * 86_400, warmUp: 5 * 86_400),
            a: ("fifo", { streams, _ in FactoryReplication(FactoryModel(configuration, streams: streams)) }),
            b: ("winq", { streams, _ in
                FactoryReplication(FactoryModel(configuration, streams: streams,
                                                controllers: Controllers(scheduling: WorkInNextQueue())))
            })).run()
        let flow = try XCTUnwrap(rows.first { $0.kpi == "flow_time_mean" })
        print("flow time: fifo \(flow.meanA), winq \(flow.meanB), difference \(flow.difference) ± "
                  + "\(flow.differenceHalfWidth) \(flow.unit)")
        XCTAssertTrue(flow.significant && flow.difference < 0, "\(flow.difference) ± \(flow.differenceHalfWidth)")
    }
}
