import TaktControl
import TaktFactory
import TaktKernel
import TaktQueueing

/// A scenario as loaded from its file: what to simulate and how to run it.
public struct Scenario: Sendable {
    /// A human name, shown in reports.
    public var name: String
    /// The file it came from, as given.
    public var file: String
    /// The original YAML text (recorded with results so a run can be reproduced from them).
    public var sourceText: String
    /// How runs are made.
    public var run: RunSettings
    /// What is simulated.
    public var model: ScenarioModel
    /// The names of the variants the file defines, in file order (run one with
    /// `ScenarioLoader.load(path:variant:)`).
    public var variants: [String]
    /// The variant applied to the base scenario, or nil for the base itself.
    public var variant: String?
    /// The date and time that is time 0 (`run.start`), when the scenario gives one: result
    /// files record it (`start_time`) so that analysts see times as dates.
    public var start: Timestamp?
    /// What runs of this scenario record to their result file (`recording:`).
    public var recording: RecordingOptions = .standard
    /// The controllers plugged into every replication (`controllers:`, `shadow:`, `deploy:`).
    public var controllers = ControllerPlan()
}

/// How a scenario's runs are made: seed, replications, length and warm-up.
public struct RunSettings: Sendable, Equatable {
    /// The master seed; replication r uses `RandomStreams(seed:).replication(r)`.
    public var seed: UInt64 = 1
    /// Independent replications (each its own random streams).
    public var replications: Int = 10
    /// Simulated time after which a run stops, in seconds (infinite: until the model is done).
    public var endTime: Double = .infinity
    /// Statistics before this time are discarded, in seconds.
    public var warmUp: Double = 0
    /// Confidence level of reported intervals.
    public var confidenceLevel: Double = 0.95
    /// Events one replication may run before it stops with an error (`run.max_events`).
    public var maxEvents: Int = InputLimits.defaultEventsPerRun

    public init() {}
}

/// The kinds of model a scenario can describe.
public enum ScenarioModel: Sendable {
    /// A multi-server queue (the reference model: M/M/c when both laws are exponential).
    case queue(MultiServerQueue.Configuration)
    /// A factory: stations, products and their routings, materials, order sources.
    case factory(FactoryConfiguration)
}
