import Foundation

/// The output folder of a sweep and the names in it:
///
/// ```
/// <folder>/sweep.json                  the manifest: which sweep the runs belong to (fingerprint)
/// <folder>/runs/run-000017.h5          run 17, complete (the only name a complete run has)
/// <folder>/runs/run-000017.h5.tmp…     run 17 being written (.tmp.partial), or interrupted (.tmp)
/// <folder>/runs/run-000017.failed.json run 17 failed: error, exit code, host, time
/// <folder>/sweep.h5                    the merged summary (takt sweep merge)
/// <folder>/slurm/, k8s/, logs/         cluster scripts and task logs
/// ```
///
/// A run is complete exactly when its `.h5` exists: it is renamed there only once written
/// whole, so "missing or incomplete output" is the signal to run it (again).
public struct SweepLayout: Sendable {
    /// The output folder.
    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// `results/sweeps/<sweep file stem>` (relative to the current directory).
    public static func defaultFolder(for sweepFile: String) -> String {
        let stem = ((sweepFile as NSString).lastPathComponent as NSString).deletingPathExtension
        return "results/sweeps/\(stem)"
    }

    public var runsFolder: String { folder + "/runs" }
    public var manifestFile: String { folder + "/sweep.json" }
    public var mergedFile: String { folder + "/sweep.h5" }
    public var slurmFolder: String { folder + "/slurm" }
    public var kubernetesFolder: String { folder + "/k8s" }
    public var logsFolder: String { folder + "/logs" }

    /// `run-000017` (at least six digits, so names sort in run order).
    public static func runName(_ run: Int) -> String { "run-" + String(run).leftPadded(to: 6) }

    /// The file of complete run `run`, relative to the folder (as linked from the merged file).
    public static func relativeRunFile(_ run: Int) -> String { "runs/\(runName(run)).h5" }

    public func runFile(_ run: Int) -> String { folder + "/" + Self.relativeRunFile(run) }
    /// The name a run is written under (HDF5 adds `.partial` while it is open).
    public func temporaryFile(_ run: Int) -> String { runFile(run) + ".tmp" }
    public func failureFile(_ run: Int) -> String { runsFolder + "/\(Self.runName(run)).failed.json" }

    /// Removes what an earlier attempt at `run` left: temporary files and a failure record.
    func clearAttempt(_ run: Int) {
        for path in [temporaryFile(run), temporaryFile(run) + ".partial", failureFile(run)] {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Creates the folders and writes the manifest, or checks that the folder belongs to this
    /// sweep (same fingerprint).
    /// - Throws: `SweepError` when the folder holds runs of another sweep, or cannot be written.
    public func prepare(for sweep: Sweep) throws {
        do {
            try FileManager.default.createDirectory(atPath: runsFolder, withIntermediateDirectories: true)
        } catch {
            throw SweepError("cannot create the output folder \(runsFolder): \(error.localizedDescription)")
        }
        if let existing = try readManifest() {
            try check(existing, against: sweep)
            return
        }
        let manifest = SweepManifest(sweep)
        let temporary = manifestFile + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(manifest).write(to: URL(fileURLWithPath: temporary))
            // Array tasks may race here: each writes the same content and renames it into place.
            guard rename(temporary, manifestFile) == 0 else { throw SweepError(String(cString: strerror(errno))) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw SweepError("cannot write \(manifestFile): \(error)")
        }
    }

    /// The manifest, or nil if there is none yet.
    public func readManifest() throws -> SweepManifest? {
        guard let data = FileManager.default.contents(atPath: manifestFile) else { return nil }
        do {
            return try JSONDecoder().decode(SweepManifest.self, from: data)
        } catch {
            throw SweepError("\(manifestFile) is not a sweep manifest (\(error)); is \(folder) the output "
                                 + "folder of a sweep?")
        }
    }

    /// Throws unless `manifest` describes `sweep`'s runs.
    public func check(_ manifest: SweepManifest, against sweep: Sweep) throws {
        guard manifest.fingerprint == sweep.fingerprint else {
            throw SweepError("""
                \(folder) holds runs of a different sweep (\(manifest.sweepFile), fingerprint \(manifest.fingerprint); \
                this one is \(sweep.fingerprint)): the scenario, the fixed values, the points, the seeds or the \
                recording \
                changed. Use another output folder (--out), or remove \(folder) to start again
                """)
        }
    }

    /// The state of every run, from one listing of the runs folder.
    public func scan(runCount: Int) -> [RunState] {
        var states = [RunState](repeating: .missing, count: runCount)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: runsFolder) else { return states }
        var failures: [Int] = []
        for name in names where name.hasPrefix("run-") {
            let rest = name.dropFirst(4)
            guard let dot = rest.firstIndex(of: "."), let run = Int(rest[..<dot]), run >= 0, run < runCount
            else { continue }
            switch rest[dot...] {
            case ".h5": states[run] = .complete
            case ".h5.tmp", ".h5.tmp.partial":
                if states[run] == .missing { states[run] = .inProgress }
            case ".failed.json": failures.append(run)
            default: continue
            }
        }
        for run in failures where states[run] != .complete {
            let record = (try? Data(contentsOf: URL(fileURLWithPath: failureFile(run))))
                .flatMap { try? JSONDecoder().decode(FailureRecord.self, from: $0) }
            states[run] = .failed(record ?? FailureRecord(run: run, point: -1, replication: -1, seed: 0, exitCode: 1,
                                                          error: "unreadable failure record \(failureFile(run))",
                                                          host: "", time: "", task: nil))
        }
        return states
    }
}

/// Where a run stands, as read from the output folder.
public enum RunState: Sendable, Equatable {
    /// Its file is complete.
    case complete
    /// It failed; the record says why.
    case failed(FailureRecord)
    /// A temporary file exists: being written now, or left by a run that was interrupted or killed.
    case inProgress
    /// Nothing yet.
    case missing

    public var isComplete: Bool { self == .complete }
}

/// A problem that stops a sweep command (not tied to a line of the sweep file).
public struct SweepError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
