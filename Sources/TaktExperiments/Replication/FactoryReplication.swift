import TaktControl
import TaktFactory
import TaktKernel
import TaktScenario

/// The factory model as the experiment layer runs it: the model, with the controller plan its
/// KPIs report on and, for a run that ends on a job count, that target for progress reports.
public struct FactoryReplication: ExperimentModel, ~Copyable {
    public typealias Event = FactoryEvent

    /// The model (read it after the run: its report, Gantt record, learned models).
    public var model: FactoryModel
    let plan: ControllerPlan
    /// Jobs to finish or scrap, when that (and not a time) ends the run.
    let jobTarget: Double?

    public init(_ model: consuming FactoryModel, plan: ControllerPlan = ControllerPlan(), jobTarget: Int? = nil) {
        self.model = model
        self.plan = plan
        self.jobTarget = jobTarget.map(Double.init)
    }

    @inline(__always)
    public mutating func start(calendar: inout EventCalendar<FactoryEvent>) { model.start(calendar: &calendar) }

    @inline(__always)
    public mutating func handle(_ event: FactoryEvent, calendar: inout EventCalendar<FactoryEvent>) {
        model.handle(event, calendar: &calendar)
    }

    public mutating func resetStatistics(at time: SimTime) { model.resetStatistics(at: time) }
    public mutating func finish(at time: SimTime) { model.finish(at: time) }

    public func kpis() -> [KPI] {
        FactoryKPIs.kpis(of: model, report: model.report(), configuration: model.configuration, plan: plan)
    }

    public func progress(now: SimTime) -> Double? {
        jobTarget.map { Double(model.statistics.totalFinished + model.statistics.totalScrapped) / $0 }
    }

    public var runFailure: String? { model.failure }
    public func describe(_ event: FactoryEvent) -> String { model.describe(event) }
    public var noProgressAdvice: String {
        "A loop at zero time (e.g. rework back to the same operation with a time of 0 s) or time steps below the "
            + "clock's resolution; give the operation a positive time or change the loop"
    }
    public var faultAdvice: String { "Check the laws and effects of that station (docs/limits.md)" }

    public mutating func handOverRecords(to recorder: any ExperimentRecorder, replication: Int) throws {
        try recorder.record(model.takeRecords(), replication: replication)
    }

    // MARK: one replication of a factory scenario

    /// The most events per slice between progress reports (`SliceBudget` sizes them by time).
    static let slice = 250_000
    /// The most events per slice when rows are logged: the rows of one slice are held in memory.
    static let recordingSlice = 50_000

    static func run(_ configuration: FactoryConfiguration, streams: RandomStreams, settings: RunSettings,
                    replication: Int, controllers: ControllerPlan = ControllerPlan(),
                    recording: RecordingOptions = .kpisOnly, recorder: (any ExperimentRecorder)? = nil,
                    shouldStop: @Sendable () -> Bool = { false },
                    progress: (_ fraction: Double, _ events: Int,
                               _ simulated: Double) -> Void) throws -> (ReplicationResult, [GanttRow]) {
        let limits = RunLimits(endTime: settings.endTime, warmUp: settings.warmUp, maxEvents: settings.maxEvents)
        let model = FactoryModel(configuration, streams: streams, recording: recording,
                                 controllers: controllers.instantiate(for: configuration, replication: replication))
        let replicated = FactoryReplication(model, plan: controllers,
                                            jobTarget: settings.endTime.isFinite ? nil : configuration.stopAfterJobs)
        var gantt: [GanttRow] = []
        var learned: [String: [String: [Double]]] = [:]
        var result = try ReplicationRunner.run(
            replicated, limits: limits, replication: replication, seed: streams.seed,
            largestSlice: recording.isEnabled ? recordingSlice : slice, recorder: recorder, shouldStop: shouldStop,
            progress: progress) { finished in
            gantt = finished.model.gantt
            learned = finished.model.learnedModels
        }
        if !learned.isEmpty { result.learnedModels = learned }
        return (result, gantt)
    }
}
