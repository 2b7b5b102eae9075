// swift-tools-version:6.0
// Standalone micro-benchmark: which priority-queue structure should Takt's
// event calendar use? Build with `swift build -c release` in this folder.
import PackageDescription

let package = Package(
    name: "calendar-bench",
    targets: [
        .executableTarget(
            name: "calendar-bench",
            path: "Sources/calendar-bench"
        )
    ],
    swiftLanguageModes: [.v6]
)
