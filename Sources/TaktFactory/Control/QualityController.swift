/// Decides recipe setpoints from what a plant can observe: the actual parameter values of each
/// execution (`PlantEvent.processed`) and inspection verdicts (`PlantEvent.inspected`). It never
/// sees whether a part is really defective, nor the quality model's coefficients.
///
/// Setpoints it returns are clamped to the recipe's allowed ranges (`PlantLayout.Operation`).
public protocol QualityController: Sendable {
    var name: String { get }
    /// An observable event happened; returns setpoint changes to apply now (usually none).
    mutating func observe(_ event: PlantEvent, plant: PlantObservation) -> [SetpointChange]
    /// The controller's own figures for the report (e.g. learned effects).
    func metrics() -> [ControllerMetric]
}

extension QualityController {
    public func metrics() -> [ControllerMetric] { [] }
}

/// "Set parameter `parameter` of operation `operation` (route index) to `value`."
public struct SetpointChange: Sendable, Equatable {
    public var operation: Int
    public var parameter: Int
    public var value: Double

    public init(operation: Int, parameter: Int, value: Double) {
        self.operation = operation
        self.parameter = parameter
        self.value = value
    }
}
