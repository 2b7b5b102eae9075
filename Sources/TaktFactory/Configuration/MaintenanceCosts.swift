/// What maintenance costs: per preventive maintenance (planned windows and controllers'
/// orders), per corrective repair (after a failure), and per hour a machine is down.
public struct MaintenanceCosts: Sendable, Equatable {
    public var preventive: Double
    public var corrective: Double
    public var downtimePerHour: Double

    public init(preventive: Double = 0, corrective: Double = 0, downtimePerHour: Double = 0) {
        self.preventive = preventive
        self.corrective = corrective
        self.downtimePerHour = downtimePerHour
    }
}
