import Foundation

/// The HTML report of a result file (`takt report`, `--report`): written by the analyst kit's
/// report module, `python3 -m takt_h5.report FILE -o PAGE`, which inlines Plotly and everything
/// else the page needs. Takt finds the interpreter as `ReportPage.python` says and turns every way
/// it can fail into one clear message.
enum ReportPage {
    /// What to do when the kit or Python is missing.
    static let setupHint = "run scripts/setup.sh (it installs Python, the analyst kit and plotly into the "
        + "repository's .venv), or set TAKT_PYTHON to a Python that has `pip install 'scripts/takt_h5[report]'`"

    /// The interpreter: `TAKT_PYTHON` when set; else `.venv/bin/python3` of the checkout this binary
    /// was built in (searched upwards from the executable) or above the working directory; else
    /// `python3` on `PATH`.
    static func python(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let chosen = environment["TAKT_PYTHON"], !chosen.isEmpty { return chosen }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for start in [executable.deletingLastPathComponent(), working] {
            var folder = start.standardizedFileURL
            while true {
                let candidate = folder.appendingPathComponent(".venv/bin/python3").path
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return "python3"
    }

    /// `results/x.h5` → `results/x.html`.
    static func defaultPath(for resultFile: String) -> String {
        resultFile.hasSuffix(".h5") ? String(resultFile.dropLast(3)) + ".html" : resultFile + ".html"
    }

    /// Writes the report of `resultFile` to `page` (whole or not at all: the module renames a
    /// finished temporary file into place). `option` names the flag in messages.
    /// - Throws: `InputError` when Python or the kit is missing or the file is not a result file,
    ///   `RunError` when the module fails otherwise.
    static func write(resultFile: String, to page: String, option: String) throws {
        let interpreter = python()
        let process = Process()
        if interpreter.contains("/") {
            process.executableURL = URL(fileURLWithPath: interpreter)
            process.arguments = ["-m", "takt_h5.report", resultFile, "-o", page]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [interpreter, "-m", "takt_h5.report", resultFile, "-o", page]
        }
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw InputError(message: "\(option): cannot start \(interpreter) (\(error.localizedDescription)); "
                                 + setupHint)
        }
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let status = process.terminationStatus
        guard status != 0 else { return }
        let message = text.split(separator: "\n").last.map(String.init)?
            .replacingOccurrences(of: "error: ", with: "") ?? "exit status \(status)"
        if status == 127 || text.contains("No module named") {
            throw InputError(message: "\(option) needs Python 3 with the analyst kit's report module, which "
                                 + "\(interpreter) lacks (\(message)); " + setupHint)
        }
        switch status {
        case 2: throw InputError(message: "\(option): \(message)")
        case 3: throw InputError(message: "\(option): \(message); " + setupHint)
        default: throw RunError(message: "\(option): the report of \(resultFile) failed: \(message)")
        }
    }
}
