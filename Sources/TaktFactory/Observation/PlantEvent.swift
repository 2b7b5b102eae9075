/// Something that happened on the shop floor that a real plant would log, as a controller
/// receives it. Every payload is observable: no hidden wear, no true defect state.
public enum PlantEvent: Sendable, Equatable {
    /// A sensor reading (value NaN when the reading is missing).
    case reading(SensorReading)
    /// A machine failed (global machine index).
    case failure(machine: Int, time: Double)
    /// A machine is back from repair.
    case repaired(machine: Int, time: Double)
    /// A machine's maintenance ended.
    case maintained(machine: Int, time: Double)
    /// An operation with a recipe ran on a part: the actual parameter values as logged.
    case processed(job: Int64, operation: Int, machine: Int, time: Double, parameters: [Double])
    /// An inspection's verdict on a part (0 = passed, k = rejected as defect class k).
    case inspected(InspectionResult)
}
