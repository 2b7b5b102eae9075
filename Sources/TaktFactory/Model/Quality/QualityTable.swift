/// Per operation (route index), the recipe, quality model and inspection, flat for the hot loop.
struct QualityTable {
    /// First recipe parameter of each route in the flat parameter arrays, and one past the last.
    let parameterOffset: [Int]
    let noiseSD: [Double]
    /// Measurement error of each parameter's logged value (flat, like `noiseSD`).
    let measurementSD: [Double]
    /// Does the route log any parameter with a measurement error?
    let logsWithError: [Bool]
    let minimum: [Double]
    let maximum: [Double]
    /// Quality model of each route (nil: makes no defects).
    let model: [QualityModel?]
    /// Inspection of each route (nil: inspects nothing).
    let inspection: [InspectionSpec?]
    let isInspection: [Bool]
    /// Does the route do anything for quality (recipe, model or inspection)?
    let isActive: [Bool]
    /// The most parameters any recipe has.
    let maxParameters: Int
    /// Does any inspection sample (1 in N, N > 1)?
    let hasSampling: Bool

    init(_ configuration: FactoryConfiguration) {
        let operations = configuration.products.flatMap(\.routing)
        var offset: [Int] = []
        var noise: [Double] = [], low: [Double] = [], high: [Double] = [], measurement: [Double] = []
        for operation in operations {
            offset.append(noise.count)
            noise += operation.recipe.map(\.noiseSD)
            measurement += operation.recipe.map(\.measurementSD)
            low += operation.recipe.map(\.minimum)
            high += operation.recipe.map(\.maximum)
        }
        offset.append(noise.count)
        parameterOffset = offset
        noiseSD = noise
        measurementSD = measurement
        logsWithError = operations.map { $0.recipe.contains { $0.measurementSD > 0 } }
        minimum = low
        maximum = high
        model = operations.map(\.quality)
        inspection = operations.map(\.inspection)
        isInspection = operations.map { $0.inspection != nil }
        isActive = operations.map { !$0.recipe.isEmpty || $0.quality != nil || $0.inspection != nil }
        maxParameters = operations.map(\.recipe.count).max() ?? 0
        hasSampling = operations.contains { ($0.inspection?.every ?? 1) > 1 }
    }

    /// The initial setpoints of every route's recipe, flat.
    static func setpoints(_ configuration: FactoryConfiguration) -> [Double] {
        configuration.products.flatMap(\.routing).flatMap { $0.recipe.map(\.setpoint) }
    }
}
