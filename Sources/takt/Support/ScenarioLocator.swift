import Foundation

/// Finds the default scenario: in `./scenarios/`, or in the `scenarios/` folder of the checkout
/// that the running `takt` binary was built in.
enum ScenarioLocator {
    static let defaultScenario = "scenarios/flow-line.yaml"

    static func findDefault() throws -> String {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: defaultScenario) { return defaultScenario }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent(defaultScenario).path
            if fileManager.fileExists(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw InputError(message: "no scenario given and the default \(defaultScenario) was not found; "
            + "run takt from the Takt checkout or name a scenario file: takt run FILE")
    }
}
