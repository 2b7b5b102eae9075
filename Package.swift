// swift-tools-version: 6.0
//
// Takt: a discrete-event factory digital twin.
//
// Modules are layered: each may import only modules below it, and exactly those named in its
// `dependencies:` below (docs/architecture.md has the same picture and table;
// scripts/tests/test_layers.py checks both, and every import in Sources/, against this file).
// A module marked "beside" shares its level with the one above it; they do not import each other.
//
//   takt                 the command-line tool (swift-argument-parser)
//   TaktSweep            parameter sweeps: designs, numbered runs, local and array execution, merge
//   TaktExperiments      replications in parallel, KPIs, confidence intervals, recorders, comparisons
//   TaktScenario         YAML scenario files, OR-Library and .fjs job-shop files → model configurations
//                        and scheduling problems
//     TaktRecording      beside TaktScenario and TaktControl: HDF5 result files (over CHDF5)
//   TaktControl          built-in controllers: maintenance and quality, baselines and AI
//     TaktScheduling     beside TaktControl: static job shops, schedules and their check, bounds, tabu search;
//                        shop snapshots and the rescheduling search
//   TaktFactory          the factory model: 人机料法环, hidden state, observation interface
//     TaktQueueing       beside TaktFactory: reference queueing models, validated against theory
//   TaktKernel           time, event calendar, random streams, distributions, statistics,
//                        resources; the standard library only
//
//   TaktBench            beside takt: the benchmark executable
//   TaktBridge           beside takt: the C API for Python (a dynamic library: Gymnasium environments)
//
// Build flag:
//   TAKT_INTERNAL_CHECKS  compiles `_checkInvariants()` calls in the kernel's data structures
//                         (heap order, no event before `now`). Costs O(n) per mutation; tests only:
//                         `swift test -Xswiftc -DTAKT_INTERNAL_CHECKS`.
import PackageDescription

let package = Package(
    name: "Takt",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "takt", targets: ["takt"]),
        .executable(name: "takt-bench", targets: ["TaktBench"]),
        .library(name: "TaktKernel", targets: ["TaktKernel"]),
        // For researchers' own packages (Examples/ is one) and the fuzz package in Fuzz/.
        .library(name: "TaktFactory", targets: ["TaktFactory"]),
        .library(name: "TaktControl", targets: ["TaktControl"]),
        .library(name: "TaktScenario", targets: ["TaktScenario"]),
        .library(name: "TaktExperiments", targets: ["TaktExperiments"]),
        .library(name: "TaktSweep", targets: ["TaktSweep"]),
        .library(name: "TaktScheduling", targets: ["TaktScheduling"]),
        // The C API the Python package `takt` loads (docs/python-bridge.md): libTaktBridge.so.
        .library(name: "TaktBridge", type: .dynamic, targets: ["TaktBridge"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // `swift package generate-documentation --target TaktKernel` (and TaktFactory): the DocC catalogs.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .target(name: "TaktKernel"),
        .target(name: "TaktScheduling", dependencies: ["TaktKernel"]),
        .target(name: "TaktQueueing", dependencies: ["TaktKernel"]),
        .target(name: "TaktFactory", dependencies: ["TaktKernel"]),
        .target(name: "TaktControl", dependencies: ["TaktKernel", "TaktFactory", "TaktScheduling"]),
        .systemLibrary(name: "CHDF5", pkgConfig: "hdf5-serial", providers: [.apt(["libhdf5-dev"])]),
        .target(name: "TaktRecording", dependencies: ["CHDF5", "TaktKernel", "TaktFactory"]),
        .target(
            name: "TaktScenario",
            dependencies: ["TaktKernel", "TaktQueueing", "TaktFactory", "TaktControl", "TaktScheduling",
                           .product(name: "Yams", package: "Yams")]),
        .target(name: "TaktExperiments",
                dependencies: ["TaktKernel", "TaktQueueing", "TaktFactory", "TaktControl", "TaktScenario", "TaktRecording"]),
        .target(
            name: "TaktSweep",
            dependencies: ["TaktKernel", "TaktFactory", "TaktScenario", "TaktRecording", "TaktExperiments",
                           .product(name: "Yams", package: "Yams")]),
        .executableTarget(
            name: "takt",
            dependencies: [
                "TaktKernel", "TaktQueueing", "TaktScenario", "TaktExperiments", "TaktFactory", "TaktRecording", "TaktSweep",
                "TaktControl",
                "TaktScheduling",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(name: "TaktBridge",
                dependencies: ["TaktScenario", "TaktExperiments", "TaktControl", "TaktFactory", "TaktKernel"]),
        .executableTarget(name: "TaktBench", dependencies: ["TaktKernel", "TaktQueueing", "TaktFactory", "TaktControl"]),
        .testTarget(name: "TaktKernelTests", dependencies: ["TaktKernel"]),
        .testTarget(name: "TaktQueueingTests", dependencies: ["TaktKernel", "TaktQueueing"]),
        .testTarget(name: "TaktFactoryTests", dependencies: ["TaktKernel", "TaktFactory", "TaktQueueing", "TaktScenario"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "TaktScenarioTests",
                    dependencies: ["TaktScenario", "TaktQueueing", "TaktFactory", "TaktKernel", "TaktScheduling",
                                   "TaktControl"],
                    exclude: ["BadScenarios", "BadJobShops"]),
        .testTarget(name: "TaktSchedulingTests", dependencies: ["TaktScheduling", "TaktScenario", "TaktKernel"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "TaktRecordingTests", dependencies: ["TaktRecording", "TaktFactory", "TaktKernel", "TaktScenario", "CHDF5"]),
        .testTarget(name: "TaktControlTests", dependencies: ["TaktControl", "TaktFactory", "TaktKernel"]),
        .testTarget(name: "TaktExperimentsTests", dependencies: ["TaktExperiments", "TaktScenario", "TaktFactory", "TaktKernel"]),
        .testTarget(name: "TaktSweepTests", dependencies: ["TaktSweep", "TaktRecording", "TaktScenario", "TaktKernel"]),
    ],
    swiftLanguageModes: [.v6]
)
