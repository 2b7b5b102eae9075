// A maintenance controller written outside Takt, plugged into the factory model of
// scenarios/wear-sensors.yaml, against the plant without it: a paired comparison under common
// random numbers (the same orders, the same wear, the same sensor noise in both variants).
import Foundation
import TaktExperiments
import TaktFactory
import TaktKernel
import TaktScenario
import VibrationWatch

//   vibration-maintenance [SCENARIO] [--replications N] [--days D]   (default: wear-sensors.yaml as written)
let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> Double? {
    arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? Double(arguments[$0 + 1]) : nil }
}
let path = arguments.first { !$0.hasPrefix("--") && Double($0) == nil } ?? "scenarios/wear-sensors.yaml"
let scenario = try ScenarioLoader.load(path: path)
guard case .factory(let configuration) = scenario.model else {
    FileHandle.standardError.write(Data("\(path) is not a factory scenario\n".utf8))
    exit(2)
}
let days = option("--days")
let limits = RunLimits(endTime: days.map { $0 * 86_400 + scenario.run.warmUp } ?? scenario.run.endTime,
                       warmUp: scenario.run.warmUp)
// vibration = 0.5 + 0.05 × wear + noise: 4.5 is about 80% of the wear at which a press fails
let rows = try PairedComparison<FactoryReplication>(
    replications: Int(option("--replications") ?? 10), seed: scenario.run.seed, limits: limits,
    a: ("no controller", { streams, _ in FactoryReplication(FactoryModel(configuration, streams: streams)) }),
    b: ("vibration watch", { streams, _ in
        FactoryReplication(FactoryModel(configuration, streams: streams, controllers: Controllers(
            maintenance: VibrationWatch(sensor: "vibration", threshold: 4.5))))
    })).run()
for row in rows where ["throughput", "failures", "downtime", "maintenances"].contains(row.kpi) {
    print("vibration watch − none: \(row.label) \(row.difference) ± \(row.differenceHalfWidth) \(row.unit)"
        + (row.significant ? " (significant)" : ""))
}
