/// What a run measures and logs: the statistics behind the KPIs, the Gantt record and the rows
/// handed to a recorder. The mechanisms report to it; it changes nothing they decide.
///
/// Its writers are in this folder (`FactoryModel+Recording`, `+Report`).
struct Instrumentation {
    /// Statistics since the last reset, and whole-run counters.
    var statistics: FactoryStatistics
    /// The Gantt record (when `configuration.recordGantt`).
    var gantt: [GanttRow] = []
    /// What is logged into `records`.
    let recording: RecordingOptions
    /// Rows logged since the last `takeRecords()`.
    var records = FactoryRecords()
    /// Some event kind is logged (checked at each call site, so a quiet run pays one branch).
    let logsEvents: Bool
    /// The time of the event being handled (for logged rows).
    var currentTime: Double = 0
    /// The active (0) and shadow (1) maintenance controllers' warnings, scored as they play out.
    var warnings: [WarningScore]

    init(_ configuration: FactoryConfiguration, recording: RecordingOptions, machineCount: Int) {
        statistics = FactoryStatistics(configuration, machineCount: machineCount)
        self.recording = recording
        logsEvents = recording.events != .none
        warnings = Array(repeating: WarningScore(machineCount: machineCount), count: 2)
    }
}
