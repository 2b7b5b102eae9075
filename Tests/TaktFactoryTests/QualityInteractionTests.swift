import Foundation
import TaktFactory
import XCTest

/// The quality model's harder terms evaluate as documented: an interaction multiplies a term by
/// (y − y₀), and the inputs are read per term.
final class QualityInteractionTests: XCTestCase {
    func testInteractionTermMultipliesByTheSecondFactor() {
        let model = QualityModel(intercept: -3, terms: [
            QualityTerm(input: .parameter(0), coefficient: 0.01, center: 122, power: 2),
            QualityTerm(input: .parameter(0), coefficient: -0.04, center: 122,
                        interaction: QualityInteraction(input: .time, center: 0)),
            QualityTerm(input: .batch(period: 28_800), coefficient: 0.5),
        ])
        let current = 130.0, days = 3.0, batch = -0.7
        let p = model.probability { input in
            switch input {
            case .parameter: return current
            case .time: return days
            case .batch: return batch
            default: return .nan
            }
        }
        let eta = -3 + 0.01 * 64 - 0.04 * 8 * days + 0.5 * batch
        XCTAssertEqual(p, 1 / (1 + exp(-eta)), accuracy: 1e-15)
    }
}
