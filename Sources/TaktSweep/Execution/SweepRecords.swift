import Foundation

/// Why a run failed, kept next to where its file would be (`run-000017.failed.json`).
public struct FailureRecord: Codable, Sendable, Equatable {
    public var run: Int
    public var point: Int
    public var replication: Int
    public var seed: UInt64
    /// The exit status the run would have had as a command of its own: 2 for a point whose
    /// scenario does not load (an input error), 1 for other errors.
    public var exitCode: Int32
    /// The error, as `takt` would print it.
    public var error: String
    public var host: String
    /// When it failed (ISO 8601, UTC).
    public var time: String
    /// The array task that ran it, if any.
    public var task: Int?

    enum CodingKeys: String, CodingKey {
        case run, point, replication, seed, error, host, time, task
        case exitCode = "exit_code"
    }

    public init(run: Int, point: Int, replication: Int, seed: UInt64, exitCode: Int32, error: String, host: String,
                time: String, task: Int?) {
        self.run = run
        self.point = point
        self.replication = replication
        self.seed = seed
        self.exitCode = exitCode
        self.error = error
        self.host = host
        self.time = time
        self.task = task
    }

    /// Writes the record to `path` (whole, via a temporary name).
    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let temporary = path + ".tmp"
        try encoder.encode(self).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0
        else { throw SweepError("cannot rename \(temporary): \(String(cString: strerror(errno)))") }
    }
}

/// What an output folder says about the sweep its runs belong to (`sweep.json`).
public struct SweepManifest: Codable, Sendable {
    public var format: Int
    public var name: String
    public var sweepFile: String
    public var scenarioFile: String
    public var fingerprint: String
    public var points: Int
    public var replications: Int
    public var runs: Int
    public var created: String

    enum CodingKeys: String, CodingKey {
        case format, name, fingerprint, points, replications, runs, created
        case sweepFile = "sweep_file", scenarioFile = "scenario_file"
    }

    init(_ sweep: Sweep) {
        format = 1
        name = sweep.name
        sweepFile = URL(fileURLWithPath: sweep.file).standardizedFileURL.path
        scenarioFile = URL(fileURLWithPath: sweep.scenarioFile).standardizedFileURL.path
        fingerprint = sweep.fingerprint
        points = sweep.points.count
        replications = sweep.replications
        runs = sweep.runCount
        created = ISO8601DateFormatter().string(from: Date())
    }
}
