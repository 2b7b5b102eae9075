// swift-tools-version: 6.0
//
// libFuzzer harnesses for Takt's readers (reliability issue #11). A separate package so that the
// main build stays uninstrumented. Build and run with scripts/fuzz/run.sh, or by hand:
//
//   cd Fuzz && swift build -c release --sanitize=fuzzer
//   .build/release/fuzz-scenario -dict=../results/fuzz/takt.dict ../results/fuzz/corpus/scenario
//
// One executable per reader, so that every libFuzzer report names the reader it came from:
//   fuzz-scenario         ScenarioLoader.load (YAML scenarios; loaded ones run a bounded simulation)
//   fuzz-orders-csv       the order CSV reader, through a fixed scenario that names the input
//   fuzz-environment-csv  the environment CSV reader, the same way
//   fuzz-jobshop          JobShopInstance (OR-Library .txt), then a bounded non-delay schedule
//   fuzz-sweep            SweepLoader.load and Sweep.check (sweep files against scenarios/)
//   fuzz-schedule         SchedulingFile (.fjs and OR-Library for takt schedule), then a short
//                         optimisation whose schedule must pass ScheduleCheck
import PackageDescription

let harness: [Target.Dependency] = ["FuzzSupport", .product(name: "TaktScenario", package: "Takt")]

let package = Package(
    name: "TaktFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Takt", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [
            .product(name: "TaktScenario", package: "Takt"),
            .product(name: "TaktExperiments", package: "Takt"),
            .product(name: "TaktSweep", package: "Takt"),
            .product(name: "TaktScheduling", package: "Takt"),
            .product(name: "TaktControl", package: "Takt"),
        ]),
        .executableTarget(name: "fuzz-scenario", dependencies: harness),
        .executableTarget(name: "fuzz-orders-csv", dependencies: harness),
        .executableTarget(name: "fuzz-environment-csv", dependencies: harness),
        .executableTarget(name: "fuzz-jobshop", dependencies: harness),
        .executableTarget(name: "fuzz-schedule", dependencies: harness),
        .executableTarget(name: "fuzz-sweep", dependencies: harness + [.product(name: "TaktSweep", package: "Takt")]),
    ],
    swiftLanguageModes: [.v6]
)
