import ArgumentParser
import Foundation
import TaktSweep

/// The sweep file and output folder, shared by every `takt sweep` command.
struct SweepFileOptions: ParsableArguments {
    @Argument(help: "The sweep file (YAML; see docs/sweep-format.md).", completion: .file(extensions: ["yaml", "yml"]))
    var sweep: String

    @Option(help: "The sweep's output folder (default: the file's output:, else results/sweeps/<sweep file name>).",
            completion: .directory)
    var out: String?

    /// The sweep, loaded and checked (problems exit with status 2, at their line and column).
    func load() throws -> Sweep {
        try SweepLoader.load(path: sweep)
    }

    /// The output folder of `loaded`.
    func layout(for loaded: Sweep) -> SweepLayout {
        SweepLayout(folder: out ?? loaded.output ?? SweepLayout.defaultFolder(for: sweep))
    }
}

/// Options of the commands that write cluster scripts (`submit`, `resubmit`).
struct ClusterOptions: ParsableArguments {
    @Option(help: "Where the runs go: slurm (an sbatch job array) or k8s (a Kubernetes Indexed Job manifest).")
    var engine: String = "slurm"

    @Option(help: "Runs per array task (for sweeps larger than the cluster's array limit).")
    var chunk: Int = 1

    @Option(help: "At most this many array tasks at once (Slurm --array=…%P; k8s parallelism).")
    var throttle: Int?

    @Option(help: "Slurm partition.")
    var partition: String?

    @Option(help: "Slurm wall-time limit per task, e.g. 30:00 or 1-00:00:00.")
    var time: String?

    @Option(help: "Slurm memory per task, e.g. 2G.")
    var mem: String?

    @Option(name: .customLong("sbatch-option"), help: "An extra #SBATCH line, e.g. --account=abc (repeatable).")
    var sbatchOptions: [String] = []

    @Option(help: "The takt binary the tasks run (default: this one; for k8s, /usr/local/bin/takt in the image).")
    var takt: String?

    @Option(help: "k8s: the container image with takt (build it from the Containerfile; see docs/sweep-format.md).")
    var image: String = "takt:latest"

    @Option(help: "k8s: the PersistentVolumeClaim that holds the sweep, the scenario and the output folder.")
    var claim: String = "takt-sweeps"

    @Option(help: "k8s: where the claim is mounted in the pod (the same paths as here).")
    var mount: String = "/work"

    @Flag(help: "Submit with sbatch (Slurm) instead of only writing and printing the scripts.")
    var submit = false

    func validate() throws {
        if !["slurm", "k8s"].contains(engine) {
            throw ValidationError("--engine must be slurm or k8s, got '\(engine)'")
        }
        if chunk < 1 { throw ValidationError("--chunk must be at least 1, got \(chunk)") }
        if let throttle, throttle < 1 { throw ValidationError("--throttle must be at least 1, got \(throttle)") }
        if engine == "k8s" && !KubernetesJob.isDNS1123Subdomain(claim) {
            throw ValidationError("--claim '\(claim)' is not a Kubernetes name: lower-case letters, digits, '-' and "
                                      + "'.', starting and ending with a letter or digit")
        }
        if submit && engine == "k8s" {
            throw ValidationError("--submit works with slurm; apply a k8s manifest with kubectl")
        }
    }

    /// The takt binary, absolute.
    var taktBinary: String {
        if let takt { return SweepPaths.absolute(takt) }
        return Bundle.main.executablePath.map(SweepPaths.absolute) ?? SweepPaths.absolute(CommandLine.arguments[0])
    }

    /// The takt binary a k8s pod runs: `--takt` as given (a path in the image), else the
    /// Containerfile's.
    var podTaktBinary: String { takt ?? KubernetesJob.imageTakt }

    func slurmScript(_ sweep: Sweep, sweepFile: String, layout: SweepLayout) -> SlurmScript {
        SlurmScript(takt: taktBinary, sweepFile: SweepPaths.absolute(sweepFile),
                    folder: SweepPaths.absolute(layout.folder),
                    name: sweep.name, tasks: ArrayTasks(runCount: sweep.runCount, chunk: chunk), throttle: throttle,
                    partition: partition, time: time, memory: mem, extra: sbatchOptions)
    }
}

/// Paths and small helpers of the sweep commands.
enum SweepPaths {
    /// `path` made absolute against the current directory, with `.` and `..` resolved.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Writes `text` to `path` (creating its folder), executable when `executable`.
    static func write(_ text: String, to path: String, executable: Bool = false) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
    }

    /// Runs a shell script and returns its standard output; throws with its standard error on failure.
    static func runShell(_ script: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw InputError(message: "\(script) failed (exit \(process.terminationStatus)): "
                + problem.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return text
    }

    /// `count thing` or `count things`.
    static func count(_ count: Int, _ thing: String) -> String { "\(count) \(thing)\(count == 1 ? "" : "s")" }
}
