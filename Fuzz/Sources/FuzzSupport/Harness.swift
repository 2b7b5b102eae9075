import Foundation
import TaktControl
import TaktExperiments
import TaktScenario
import TaktSweep

/// What every harness shares: a private copy of `scenarios/` to read inputs beside, the oracle
/// for rejections (every one names a file, a line and a column) and a bounded simulation for
/// inputs that load.
///
/// A harness traps (`fatalError`, which libFuzzer reports as a deadly signal and saves as a
/// crash file) on anything the readers promise never to do; other problems are left to libFuzzer
/// itself (`-timeout`, `-rss_limit_mb`).
public enum Harness {
    /// Events allowed per simulated run of an input that loads, so long valid scenarios end fast.
    public static let eventBudget = 100_000

    /// The repository: `TAKT_FUZZ_ROOT`, else found from this file's place in it.
    static let repository: URL = {
        if let root = ProcessInfo.processInfo.environment["TAKT_FUZZ_ROOT"] { return URL(fileURLWithPath: root) }
        return URL(fileURLWithPath: #filePath)   // Fuzz/Sources/FuzzSupport/Harness.swift
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
    }()

    /// A folder of this process's own under the temporary folder, holding a copy of `scenarios/`
    /// (so that inputs find the CSV, JSON and scenario files the examples name) and the CSV files
    /// of the golden bad-scenario suite beside them.
    public static let workspace: URL = {
        let manager = FileManager.default
        let folder = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("takt-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: folder)
        let scenarios = folder.appendingPathComponent("scenarios")
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try manager.copyItem(at: repository.appendingPathComponent("scenarios"), to: scenarios)
            let bad = repository.appendingPathComponent("Tests/TaktScenarioTests/BadScenarios")
            for name in (try? manager.contentsOfDirectory(atPath: bad.path)) ?? [] where !name.hasSuffix(".yaml")
                && !name.hasSuffix(".expected") {
                try? manager.copyItem(at: bad.appendingPathComponent(name), to: scenarios.appendingPathComponent(name))
            }
            try manager.createDirectory(at: folder.appendingPathComponent("csv"), withIntermediateDirectories: true)
        } catch {
            fatalError("cannot set up the fuzz workspace in \(folder.path) from \(repository.path): \(error)")
        }
        return folder
    }()

    /// Writes `data` to `relative` in the workspace and returns its path.
    public static func write(_ data: Data, to relative: String) -> String {
        let url = workspace.appendingPathComponent(relative)
        do { try data.write(to: url) } catch { fatalError("cannot write the fuzz input \(url.path): \(error)") }
        return url.path
    }

    /// Traps unless `error` is a `ScenarioError` whose every diagnostic names a file and a line
    /// and column at or after 1:1 (and, in `input`, no line past its last line).
    public static func checkRejection(_ error: any Error, reader: String, input: String, data: Data) {
        guard let error = error as? ScenarioError else {
            fatalError("[\(reader)] rejection is not a ScenarioError (no file:line:column): "
                           + "\(type(of: error)): \(error)")
        }
        checkDiagnostics(error.diagnostics, reader: reader, input: input, data: data)
        if error.diagnostics.isEmpty { fatalError("[\(reader)] ScenarioError without diagnostics") }
    }

    /// Traps on a diagnostic without a usable position.
    public static func checkDiagnostics(_ diagnostics: [Diagnostic], reader: String, input: String, data: Data) {
        let lines = lineCount(data)
        for diagnostic in diagnostics {
            if diagnostic.file.isEmpty || diagnostic.line < 1 || diagnostic.column < 1 {
                fatalError("[\(reader)] diagnostic without file:line:column: \(diagnostic)")
            }
            if diagnostic.file == input && diagnostic.line > lines + 1 {
                fatalError("[\(reader)] diagnostic past the end of the input (\(lines) lines): \(diagnostic)")
            }
        }
    }

    /// Line breaks in `data`, counting every break YAML knows (LF, CR, CRLF, NEL, LS, PS).
    static func lineCount(_ data: Data) -> Int {
        let text = String(decoding: data, as: UTF8.self)
        var count = 0
        for scalar in text.unicodeScalars where ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar) {
            count += 1
        }
        return count   // CRLF counts twice: only an upper bound is checked
    }

    /// Runs one replication of `scenario` on this thread, stopped after `events` events.
    /// The most tabu iterations a fuzzed scenario's optimiser may spend per plan.
    static let optimiserBudget = 5_000

    public static func runBounded(_ scenario: Scenario, events: Int = eventBudget) {
        var scenario = scenario
        scenario.run.maxEvents = min(scenario.run.maxEvents, events)
        scenario.run.replications = 1
        // the optimiser's planning is bounded by its iteration budget, not by events: an input that
        // asks for a long search is the user's wish, not a hang, so the harness caps the search
        for slot in [\ControllerPlan.scheduling, \ControllerPlan.shadowScheduling] {
            if case .optimiser(var settings)? = scenario.controllers[keyPath: slot],
               settings.iterations > optimiserBudget {
                settings.iterations = optimiserBudget
                scenario.controllers[keyPath: slot] = .optimiser(settings)
            }
        }
        _ = try? Experiment(scenario: scenario, replications: 1, threads: 1).run()
    }

    // MARK: - The readers

    /// A scenario file: loaded like `takt validate`, run like `takt run` if it loads.
    public static func scenario(_ data: Data) {
        let path = write(data, to: "scenarios/input.yaml")
        do {
            let scenario = try ScenarioLoader.load(path: path)
            runBounded(scenario)
        } catch {
            checkRejection(error, reader: "scenario", input: path, data: data)
        }
    }

    static let ordersScenario = """
        name: Orders CSV fuzz
        run: {duration: 30 d, replications: 1}
        stations:
          cut: {}
          weld: {machines: 2}
        products:
          widget: {routing: [{station: cut, time: 4 min}]}
          gadget: {routing: [{station: weld, time: 6 min}]}
          scooter: {routing: [{station: cut, time: 10 min}, {station: weld, time: 5 min}]}
          cargo_scooter: {routing: [{station: weld, time: 12 min}, {station: cut, time: 3 min}]}
        orders:
          - {name: erp, file: orders.csv}

        """

    /// An order CSV file, read through a fixed scenario that names it.
    public static func ordersCSV(_ data: Data) {
        let scenarioPath = write(Data(ordersScenario.utf8), to: "csv/orders.yaml")
        let input = write(data, to: "csv/orders.csv")
        do {
            runBounded(try ScenarioLoader.load(path: scenarioPath))
        } catch {
            checkRejection(error, reader: "orders-csv", input: input, data: data)
        }
    }

    /// An environment CSV file, read through a fixed scenario whose variable is the header's last
    /// column (so that series with any column name can load), with an effect on process times.
    public static func environmentCSV(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let header = text.split(whereSeparator: \.isNewline).first { !$0.hasPrefix("#")
                                                                     && !$0.allSatisfy(\.isWhitespace) }
        var column = header?.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "temperature"
        if column.isEmpty || column == "time" || column.count > 40
            || !column.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_")
            }) {
            column = "temperature"
        }
        let scenario = """
            name: Environment CSV fuzz
            run: {duration: 7 d, replications: 1}
            environment:
              \(column): {csv: environment.csv}
            effects:
              - {variable: \(column), affects: process_time, stations: [cut], linear: {reference: 0, per_unit: 0.001}}
            stations:
              cut: {}
            products:
              widget: {routing: [{station: cut, time: 4 min}]}
            orders:
              - {name: o, rate: 10 /h, product: widget}

            """
        let scenarioPath = write(Data(scenario.utf8), to: "csv/environment.yaml")
        let input = write(data, to: "csv/environment.csv")
        do {
            runBounded(try ScenarioLoader.load(path: scenarioPath))
        } catch {
            checkRejection(error, reader: "environment-csv", input: input, data: data)
        }
    }

    static let rules = ["fifo", "spt", "lpt", "edd", "cr", "mwkr", "mopnr", "lor", "srpt", "priority", "atc(k=2)"]

    /// A job-shop instance, run like `takt run FILE.txt --rule R` (R chosen by the input's length).
    public static func jobShop(_ data: Data) {
        let path = write(data, to: "csv/instance.txt")
        guard case .success(let rule) = DispatchRuleSyntax.parse(rules[data.count % rules.count]) else {
            fatalError("[jobshop] a built-in rule name does not parse")
        }
        do {
            runBounded(try JobShopInstance.scenario(path: path, rule: rule))
        } catch {
            checkRejection(error, reader: "jobshop", input: path, data: data)
        }
    }

    /// A sweep file beside the example sweeps (so `scenario: ../two-shifts.yaml` resolves): loaded
    /// like `takt sweep plan`, every point checked when there are few, the first point run.
    public static func sweep(_ data: Data) {
        let path = write(data, to: "scenarios/sweeps/input.yaml")
        let sweep: Sweep
        do {
            sweep = try SweepLoader.load(path: path)
        } catch {
            checkRejection(error, reader: "sweep", input: path, data: data)
            return
        }
        guard !sweep.points.isEmpty, sweep.points.count <= 16 else { return }
        let problems = sweep.check()
        checkDiagnostics(problems, reader: "sweep", input: path, data: data)
        if problems.isEmpty, let scenario = try? sweep.scenario(forPoint: 0) { runBounded(scenario, events: 20_000) }
    }
}
