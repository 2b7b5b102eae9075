import Foundation
import TaktFactory
import TaktKernel
import XCTest

/// A learning vision inspection: its accuracy follows the learning curve at the labels it has
/// used, changes only at retrains, falls at the drift and relearns, and is deterministic.
final class VisionLearningTests: XCTestCase {
    /// A station makes defects (p = σ(−1) ≈ 0.27, one class) for `hours` of parts one a minute;
    /// a camera with a symmetric base matrix (every row misclassifies 10%, so the share a part
    /// is classified right is 1 − error whatever its class) flags parts for a re-check.
    func line(learning: VisionLearning, recheck: Bool = true, hours: Double = 96) -> FactoryConfiguration {
        var make = OperationSpec(name: "make", stations: [0], processTime: .constant(10))
        make.quality = QualityModel(intercept: -1, classShares: [(0, 1)])
        var camera = OperationSpec(name: "camera", stations: [1], processTime: .constant(1))
        camera.inspection = InspectionSpec.binary(method: .vision, sensitivity: 0.9, specificity: 0.9,
                                                  onReject: recheck ? .recheck : .scrap)
        camera.inspection?.learning = learning
        var routing = [make, camera]
        if recheck {
            var human = OperationSpec(name: "recheck", stations: [2], processTime: .constant(1))
            human.inspection = InspectionSpec.binary(method: .vision, sensitivity: 0.95, specificity: 0.98)
            routing.append(human)
        }
        var configuration = FactoryConfiguration(
            stations: [StationSpec(name: "make"), StationSpec(name: "camera"), StationSpec(name: "recheck")],
            products: [ProductSpec(name: "part", routing: routing)],
            orderSources: [OrderSourceSpec(name: "parts", arrivals: .renewal(interarrival: .constant(60),
                                                                             count: Int(hours * 60), until: nil),
                                           mix: [(product: 0, weight: 1)])])
        configuration.defectClasses = ["defect"]
        return configuration
    }

    func law(audit: Double = 0.05, drift: VisionLearning.Drift? = nil) -> VisionLearning {
        VisionLearning(initialError: 0.3, floorError: 0.05, examplesToHalf: 400, exponent: 1, pretrained: 100,
                       retrainEvery: 8 * 3600, auditShare: audit, drift: drift)
    }

    func truthRows(_ configuration: FactoryConfiguration, seed: UInt64 = 3) -> [VisionTruth] {
        var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: seed),
                                                        recording: .standard), limits: RunLimits())
        _ = simulation.run()
        simulation.finish()
        return simulation.takeModel().records.visionTruth
    }

    /// Each row's error is the curve at its effective examples, the examples grow by the labels'
    /// net count, and the parts classified under that error are right within a 4-sigma binomial
    /// bound (sample size: every part of the period, about 480 per 8 h period; all periods pooled).
    func testAccuracyFollowsTheCurveAtTheLabelsUsed() {
        let learning = law()
        let rows = truthRows(line(learning: learning))
        XCTAssertGreaterThan(rows.count, 10)
        var expectedCorrect = 0.0, variance = 0.0, correct = 0, parts = 0
        for (previous, row) in zip(rows, rows.dropFirst()) {
            XCTAssertEqual(row.error, learning.error(examples: row.examples), accuracy: 1e-12)
            if row.kind == 1 {
                let net = Double(row.correctLabels - row.wrongLabels)
                XCTAssertEqual(row.examples, max(0, previous.examples + net), accuracy: 1e-9)
            }
            let p = 1 - previous.error
            expectedCorrect += Double(row.classified) * p
            variance += Double(row.classified) * p * (1 - p)
            correct += Int(row.correct)
            parts += Int(row.classified)
        }
        XCTAssertGreaterThan(parts, 4_000)
        XCTAssertEqual(Double(correct), expectedCorrect, accuracy: 4 * variance.squareRoot(),
                       "\(correct) of \(parts) right, expected \(expectedCorrect)")
        XCTAssertLessThan(rows.last!.error, rows.first!.error, "labels must lower the error")
    }

    /// Without a re-check or audits no label arrives: the error stays at the pretrained value.
    func testWithoutLabelsAccuracyNeverChanges() {
        let learning = law(audit: 0)
        let rows = truthRows(line(learning: learning, recheck: false))
        XCTAssertGreaterThan(rows.count, 10)
        for row in rows {
            XCTAssertEqual(row.error, learning.error(examples: 100), accuracy: 1e-15)
            XCTAssertEqual(row.correctLabels + row.wrongLabels, 0)
        }
    }

    /// The drift raises the error at its time; later retrains lower it again.
    func testDriftLowersAccuracyThenItRelearns() {
        let drift = VisionLearning.Drift(at: 2 * 86_400, keep: 0.2)
        let rows = truthRows(line(learning: law(drift: drift)))
        guard let index = rows.firstIndex(where: { $0.kind == 2 }) else { return XCTFail("no drift row") }
        XCTAssertEqual(rows[index].time, drift.at)
        XCTAssertGreaterThan(rows[index].error, rows[index - 1].error)
        XCTAssertEqual(rows[index].examples, 0.2 * rows[index - 1].examples, accuracy: 1e-9)
        XCTAssertLessThan(rows.last!.error, rows[index].error)
    }

    /// The same seed gives the same rows.
    func testSameSeedSameRecords() {
        let configuration = line(learning: law(drift: .init(at: 86_400, keep: 0.5)))
        XCTAssertEqual(truthRows(configuration, seed: 9), truthRows(configuration, seed: 9))
        XCTAssertNotEqual(truthRows(configuration, seed: 9), truthRows(configuration, seed: 10))
    }
}
