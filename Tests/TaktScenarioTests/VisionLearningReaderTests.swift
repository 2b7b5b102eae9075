import Foundation
import TaktFactory
import TaktScenario
import XCTest

/// `inspect: learning:` reads into the camera's `VisionLearning`, with durations in seconds.
final class VisionLearningReaderTests: XCTestCase {
    func testLearningKeysReadIntoTheCamera() throws {
        let path = ExampleScenarioTests.folder.appendingPathComponent("panel-vision-learning.yaml").path
        guard case .factory(let factory) = try ScenarioLoader.load(path: path).model else {
            return XCTFail("not a factory")
        }
        let camera = try XCTUnwrap(factory.products[0].routing.first { $0.name == "image" }?.inspection)
        let learning = try XCTUnwrap(camera.learning)
        XCTAssertEqual(learning, VisionLearning(initialError: 0.30, floorError: 0.06, examplesToHalf: 3000,
                                                exponent: 1, pretrained: 2000, retrainEvery: 86_400,
                                                auditShare: 0.02, drift: .init(at: 7 * 86_400, keep: 0.3)))
        guard case .factory(let fixed) = try ScenarioLoader.load(path: path, variant: "fixed").model else {
            return XCTFail("not a factory")
        }
        XCTAssertNil(fixed.products[0].routing.first { $0.name == "image" }?.inspection?.learning)
    }
}
