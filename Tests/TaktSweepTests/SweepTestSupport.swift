import Foundation
import TaktScenario
import TaktSweep
import XCTest

/// Shared helpers: the repository's scenarios, temporary folders, sweep files written on the fly.
enum SweepTestSupport {
    /// The repository root (two folders above this file's folder).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The absolute path of an example scenario.
    static func scenario(_ name: String) -> String { root.appendingPathComponent("scenarios/\(name)").path }

    /// A fresh temporary folder, removed when the test ends.
    static func temporaryFolder(_ test: XCTestCase) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("takt-sweep-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder.path
    }

    /// Writes `text` as `sweep.yaml` (or `name`) in `folder` and returns its path.
    static func write(_ text: String, in folder: String, name: String = "sweep.yaml") throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A small two-shift sweep: 2 × 2 points, `replications` each, two simulated weeks per run.
    static func smallSweep(in folder: String, replications: Int = 2, extra: String = "") throws -> Sweep {
        let path = try write("""
            name: small
            scenario: \(scenario("two-shifts.yaml"))
            seed: 11
            replications: \(replications)
            parameters:
              repair_crews.technicians.size: [1, 2]
              variant: [base, three_shifts]
            fixed:
              run.duration: 2 w
              run.warm_up: 2 d
            kpis: [throughput, lead_time_mean, down.lathe]
            \(extra)
            """, in: folder)
        return try SweepLoader.load(path: path)
    }

    /// The problems of loading (and checking every point of) a sweep text, as printed.
    static func problems(_ text: String, in folder: String) throws -> [String] {
        let path = try write(text, in: folder)
        do {
            let sweep = try SweepLoader.load(path: path)
            return sweep.check().map(\.description)
        } catch let error as TaktScenario.ScenarioError {
            return error.diagnostics.map(\.description)
        }
    }
}
