// swift-tools-version: 6.0
//
// Takt's examples: a researcher's own package that depends on Takt without forking it.
//
//   bank-queue              a model written on the kernel alone (tellers and customers, SimPy
//                           style), run through replications and a paired comparison
//   vibration-maintenance   a maintenance controller written outside Takt, plugged into the
//                           factory model of scenarios/wear-sensors.yaml and compared with none
//   WorkInNextQueue         a scheduling controller written outside Takt (the WINQ rule, which
//                           needs every queue), compared with FIFO in the tests
//
//   swift run --package-path Examples bank-queue
//   swift test --package-path Examples
//
// In your own package, depend on Takt by URL or path and use its library products:
// TaktKernel, TaktFactory, TaktControl, TaktScenario, TaktExperiments.
import Foundation
import PackageDescription

// A path dependency is named after its folder; this package sits inside the Takt checkout,
// whatever that folder is called.
let takt = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "TaktExamples",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "BankModel", dependencies: [.product(name: "TaktKernel", package: takt),
                                                  .product(name: "TaktExperiments", package: takt)]),
        .executableTarget(name: "bank-queue", dependencies: ["BankModel", .product(name: "TaktExperiments",
                                                                                   package: takt)]),
        .target(name: "VibrationWatch", dependencies: [.product(name: "TaktFactory", package: takt)]),
        .target(name: "WorkInNextQueue", dependencies: [.product(name: "TaktFactory", package: takt)]),
        .executableTarget(name: "vibration-maintenance",
                          dependencies: ["VibrationWatch", .product(name: "TaktFactory", package: takt),
                                         .product(name: "TaktScenario", package: takt),
                                         .product(name: "TaktExperiments", package: takt)]),
        .testTarget(name: "ExamplesTests",
                    dependencies: ["BankModel", "VibrationWatch", "WorkInNextQueue",
                                   .product(name: "TaktKernel", package: takt),
                                   .product(name: "TaktFactory", package: takt),
                                   .product(name: "TaktScenario", package: takt),
                                   .product(name: "TaktExperiments", package: takt)]),
    ],
    swiftLanguageModes: [.v6]
)
