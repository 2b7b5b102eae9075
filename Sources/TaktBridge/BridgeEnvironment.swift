import Foundation
import TaktExperiments
import TaktFactory
import TaktScenario

/// One environment of the bridge: a factory scenario whose dispatch decisions are taken by the
/// caller. `reset` starts a replication on its own thread, which runs until the model offers a
/// decision; `step` answers it and runs to the next one. Every other decision is taken by the
/// scenario's own controllers.
///
/// Replication `r` of seed `s` draws from `RandomStreams(seed: s).replication(r)`, as
/// `takt run --seed s` does: the same seed gives the same orders, times and failures whatever the
/// answers (the model's streams are per entity and purpose), and the same answers give the same
/// run and KPIs.
public final class BridgeEnvironment: @unchecked Sendable {
    /// The scenario as loaded (its variant applied).
    public let scenario: Scenario
    /// The plant's observable layout (what the observation is built from).
    public let layout: PlantLayout
    /// The observation's size and names.
    public let observation: DispatchObservationLayout
    private var channel: DecisionChannel?
    private var stop: StopSignal?

    /// Loads a scenario for dispatch decisions.
    ///
    /// - Parameters:
    ///   - path: the scenario file (YAML).
    ///   - variant: one of its variants (nil: the base scenario).
    ///   - maxJobs: how many waiting jobs a decision offers at most (the size of the action space).
    /// - Throws: `BridgeError` (`.badScenario` with the reader's located message; `.badArgument`).
    public init(path: String, variant: String?, maxJobs: Int) throws {
        guard maxJobs >= 1 && maxJobs <= 4096 else {
            throw BridgeError(.badArgument, "max_jobs must be between 1 and 4096, not \(maxJobs)")
        }
        let loaded: Scenario
        do {
            loaded = try ScenarioLoader.load(path: path, variant: variant)
        } catch {
            throw BridgeError(.badScenario, "\(error)")
        }
        guard case .factory(let configuration) = loaded.model else {
            throw BridgeError(.badScenario, "\(path): a queue scenario has no dispatch decisions; use a factory")
        }
        scenario = loaded
        layout = PlantLayout(configuration)
        observation = DispatchObservationLayout(layout: layout, maxJobs: maxJobs)
    }

    deinit { close() }

    /// Ends the current run (if any) and starts replication `replication` of seed `seed`; returns
    /// when the first decision is offered or the run is over.
    ///
    /// - Parameters:
    ///   - seed: the master seed (`takt run --seed`).
    ///   - replication: the replication index (0-based).
    public func reset(seed: UInt64, replication: Int) {
        close()
        var scenario = self.scenario
        let channel = DecisionChannel(maxJobs: observation.maxJobs)
        let stop = StopSignal()
        scenario.controllers.makeScheduling = { _, _ in BridgeScheduler(channel: channel) }
        let experiment = Experiment(scenario: scenario, replications: replication + 1, seed: seed, threads: 1,
                                    stop: stop)
        let end = scenario.run.endTime
        let thread = Thread {
            do {
                let result = try experiment.runReplication(replication)
                let truncated = end.isFinite && result.simulatedSeconds >= end
                channel.outcome = .success(RunOutcome(kpis: result.kpis.map { ($0.name, $0.value) },
                                                      truncated: truncated, interrupted: result.interrupted))
            } catch {
                channel.outcome = .failure(BridgeError(.runFailed, "the run failed: \(error)"))
            }
            channel.finish()
        }
        thread.stackSize = 1 << 24
        thread.name = "takt-bridge"
        self.channel = channel
        self.stop = stop
        thread.start()
        channel.waitForSimulation()
    }

    /// Answers the pending decision with the job at `action` and runs to the next decision or the
    /// end.
    ///
    /// - Parameter action: an index into the pending decision's jobs (`mask` tells which exist).
    /// - Throws: `BridgeError` (`.noDecision`, `.badAction`).
    public func step(_ action: Int) throws {
        guard let channel, let decision = channel.pending else {
            throw BridgeError(.noDecision, channel == nil ? "the environment has not been reset"
                                  : "the episode is over: reset the environment")
        }
        guard action >= 0 && action < decision.jobs.count else {
            throw BridgeError(.badAction, "action \(action) is not a waiting job: station "
                + "\(layout.stations[decision.station].name) offers \(decision.jobs.count) job(s), actions 0..<"
                + "\(decision.jobs.count)")
        }
        channel.answer(action)
    }

    /// The pending decision (nil before a reset and once the episode is over).
    var pending: DispatchDecision? { channel?.pending }

    /// Writes the observation of the pending decision (zeros when none) into `buffer`.
    ///
    /// - Parameter buffer: room for `observation.size` values.
    public func observe(into buffer: UnsafeMutableBufferPointer<Float>) {
        observation.encode(pending, into: buffer)
    }

    /// Writes the action mask of the pending decision (1: a job to choose; all 0 when none).
    ///
    /// - Parameter buffer: room for `observation.maxJobs` values.
    public func mask(into buffer: UnsafeMutableBufferPointer<UInt8>) {
        let count = pending?.jobs.count ?? 0
        for index in 0..<observation.maxJobs { buffer[index] = index < count ? 1 : 0 }
    }

    /// The serial numbers of the jobs offered (their creation order; −1 for an empty slot).
    ///
    /// - Parameter buffer: room for `observation.maxJobs` values.
    public func jobSerials(into buffer: UnsafeMutableBufferPointer<Int64>) {
        let jobs = pending?.jobs ?? []
        for index in 0..<observation.maxJobs { buffer[index] = index < jobs.count ? jobs[index].serial : -1 }
    }

    /// Simulated time now, in seconds (of the pending decision; the run's end once over).
    public var now: Double { pending?.shop.now ?? 0 }

    /// Jobs done since the last call, and their tardiness and flow time in seconds.
    public func takeIncrements() -> (completions: Int, tardiness: Double, flowTime: Double) {
        let taken = channel?.takeIncrements() ?? Increments()
        return (taken.completions, taken.tardiness, taken.flowTime)
    }

    /// 0 while a decision waits (or before a reset), 1 when the run ended by itself (terminated),
    /// 2 when it reached its time horizon (truncated).
    /// - Throws: `BridgeError(.runFailed)` when the run failed.
    public func status() throws -> Int {
        guard let channel, channel.finished else { return 0 }
        switch channel.outcome {
        case .success(let outcome): return outcome.truncated ? 2 : 1
        case .failure(let error): throw error
        case nil: return 1
        }
    }

    /// The finished run's KPIs as a JSON object (name → value; null for a value that is not a
    /// finite number).
    /// - Throws: `BridgeError` (`.noDecision` while the run goes on; `.runFailed`).
    public func kpisJSON() throws -> String {
        guard let channel, channel.finished, let outcome = channel.outcome else {
            throw BridgeError(.noDecision, "the KPIs are known once the episode is over")
        }
        let kpis = try outcome.get().kpis
        let members = kpis.map { ($0.name, $0.value.isFinite ? JSONText.double($0.value) : .null) }
        return JSONText.object(Dictionary(members, uniquingKeysWith: { first, _ in first })).text
    }

    /// Ends the current run, if any, and waits for its thread to finish.
    public func close() {
        stop?.request()
        channel?.cancel()
        channel = nil
        stop = nil
    }
}
