/// What a factory run logs beyond its KPIs. Everything is off by default (speed runs).
public struct RecordingOptions: Sendable, Equatable {
    /// Which events to log: none, all, or only some kinds.
    public var events: EventSelection
    /// The Gantt table (one row per operation).
    public var operations: Bool
    /// One row per job leaving the shop.
    public var jobs: Bool
    /// Machine state intervals.
    public var states: Bool
    /// Sample WIP, queue lengths and inventories every this many seconds (nil: no time series).
    public var sampleInterval: Double?
    /// Sensor readings and, kept apart, the hidden wear they measure (truth).
    public var sensors: Bool = false
    /// Actual recipe parameters and inspection verdicts (observable) and, apart, the defects
    /// parts really carry (truth).
    public var quality: Bool = false

    public init(events: EventSelection = .none, operations: Bool = false, jobs: Bool = false,
                states: Bool = false, sampleInterval: Double? = nil) {
        self.events = events
        self.operations = operations
        self.jobs = jobs
        self.states = states
        self.sampleInterval = sampleInterval
    }

    /// What `takt run` records unless told otherwise: every event, the Gantt, jobs, machine
    /// states, and an hourly time series.
    public static let standard = RecordingOptions.full(sampleInterval: 3600)

    /// Nothing beyond the KPIs.
    public static let kpisOnly = RecordingOptions()

    /// Everything on, with a time series every `interval` seconds.
    public static func full(sampleInterval: Double = 3600) -> RecordingOptions {
        var options = RecordingOptions(events: .all, operations: true, jobs: true, states: true,
                                       sampleInterval: sampleInterval)
        options.sensors = true
        options.quality = true
        return options
    }

    /// True if anything is recorded.
    public var isEnabled: Bool {
        events != .none || operations || jobs || states || sampleInterval != nil || sensors || quality
    }
}

/// Which event kinds are logged.
public enum EventSelection: Sendable, Equatable {
    case none
    case all
    case kinds(Set<EventKind>)

    /// True if events of `kind` are logged.
    @inline(__always)
    public func includes(_ kind: EventKind) -> Bool {
        switch self {
        case .none: return false
        case .all: return true
        case .kinds(let kinds): return kinds.contains(kind)
        }
    }
}
