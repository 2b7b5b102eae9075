/// Decides when to maintain which machine, from what a plant can observe: sensor readings,
/// failures, repairs and maintenance as they happen (`PlantEvent`), and the plant's state
/// (`PlantObservation`). It never sees a machine's true wear.
///
/// The model calls `observe` on every observable event, and `review` at the time the controller
/// asked for with `nextReview`. Orders are carried out when the machine is free (a busy
/// machine finishes its step first), by a technician when the station's repairs need one.
/// A maintenance renews the machine: its wear is restored as the station's `wear` says, and its
/// time to failure is drawn afresh (as good as new).
///
/// ```swift
/// struct EveryWeek: MaintenanceController {
///     var name: String { "every week" }
///     var nextReview: Double? = 7 * 86_400
///     mutating func observe(_ event: PlantEvent, plant: PlantObservation) -> [MaintenanceOrder] { [] }
///     mutating func review(plant: PlantObservation) -> [MaintenanceOrder] {
///         nextReview = plant.now + 7 * 86_400
///         return plant.layout.machineStation.indices.map { MaintenanceOrder(machine: $0, duration: 3600) }
///     }
/// }
/// ```
public protocol MaintenanceController: Sendable {
    /// Name for reports and logs.
    var name: String { get }
    /// When the controller wants `review` to be called next (nil: never).
    var nextReview: Double? { get }
    /// An observable event happened; returns the maintenance to order now (usually none).
    mutating func observe(_ event: PlantEvent, plant: PlantObservation) -> [MaintenanceOrder]
    /// The review time asked for has come.
    mutating func review(plant: PlantObservation) -> [MaintenanceOrder]
    /// The controller's own figures for the report (e.g. warnings, their lead time and
    /// precision), scored only against what it observed.
    func metrics() -> [ControllerMetric]
    /// What the controller has learned, to save and warm-start a later run with (nil: nothing):
    /// named lists of numbers, e.g. `["failure_levels": [4.1, 3.8]]`.
    func learnedModel() -> [String: [Double]]?
}

extension MaintenanceController {
    public var nextReview: Double? { nil }
    public mutating func review(plant: PlantObservation) -> [MaintenanceOrder] { [] }
    public func metrics() -> [ControllerMetric] { [] }
    public func learnedModel() -> [String: [Double]]? { nil }
}

/// "Maintain machine `machine` for `duration` seconds, as soon as it is free."
public struct MaintenanceOrder: Sendable, Equatable {
    /// Global machine index.
    public var machine: Int
    public var duration: Double

    public init(machine: Int, duration: Double) {
        self.machine = machine
        self.duration = duration
    }
}

/// A figure a controller reports about itself (a KPI named `<controller>.<name>`).
public struct ControllerMetric: Sendable, Equatable {
    public var name: String
    public var label: String
    public var unit: String
    public var value: Double

    public init(_ name: String, _ label: String, unit: String = "", value: Double) {
        self.name = name
        self.label = label
        self.unit = unit
        self.value = value
    }
}
