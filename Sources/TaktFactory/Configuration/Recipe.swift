/// A process parameter of an operation (weld current, pressure, temperature…): the setpoint the
/// recipe asks for, the noise around it in each actual execution, and the range within which a
/// controller may move the setpoint. Actual values are observable (the process logs them).
public struct RecipeParameter: Sendable, Equatable {
    public var name: String
    public var setpoint: Double
    /// Standard deviation of the actual value around the setpoint (Gaussian).
    public var noiseSD: Double
    /// Allowed range of the setpoint.
    public var minimum: Double
    public var maximum: Double
    /// Unit, for reports (e.g. "A", "bar").
    public var unit: String

    public init(name: String, setpoint: Double, noiseSD: Double = 0, minimum: Double = -.infinity,
                maximum: Double = .infinity, unit: String = "") {
        self.name = name
        self.setpoint = setpoint
        self.noiseSD = noiseSD
        self.minimum = minimum
        self.maximum = maximum
        self.unit = unit
    }
}
