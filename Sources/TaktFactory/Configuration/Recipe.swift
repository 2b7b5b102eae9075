/// A process parameter of an operation (weld current, pressure, temperature…): the setpoint the
/// recipe asks for, the noise around it in each actual execution, and the range within which a
/// controller may move the setpoint. Actual values are observed through the process log, with
/// the log's own measurement error (`measurementSD`): the defects follow the true value.
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
    /// Standard deviation of the logged value around the actual one (Gaussian; 0: logged
    /// exactly). Controllers and the `process` table see the logged value.
    public var measurementSD: Double

    /// - Parameters:
    ///   - name: the parameter's name.
    ///   - setpoint: the value the recipe asks for.
    ///   - noiseSD: sd of the actual value around the setpoint.
    ///   - minimum: lower end of the allowed setpoint range.
    ///   - maximum: upper end of the allowed setpoint range.
    ///   - unit: unit, for reports.
    ///   - measurementSD: sd of the logged value around the actual one.
    public init(name: String, setpoint: Double, noiseSD: Double = 0, minimum: Double = -.infinity,
                maximum: Double = .infinity, unit: String = "", measurementSD: Double = 0) {
        self.measurementSD = measurementSD
        self.name = name
        self.setpoint = setpoint
        self.noiseSD = noiseSD
        self.minimum = minimum
        self.maximum = maximum
        self.unit = unit
    }
}
