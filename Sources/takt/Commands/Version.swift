import ArgumentParser

/// `takt version`: prints the version.
struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print Takt's version.",
        discussion: "Example:\n  takt version")

    func run() {
        print("takt \(Takt.version)")
    }
}
