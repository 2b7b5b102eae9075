import TaktKernel

/// A product type: its routing and its place in the bill of materials.
public struct ProductSpec: Sendable {
    /// Unique name.
    public var name: String
    /// Setup family (index into the setup families of the stations; 0 if no setups are used).
    public var family: Int
    /// The operations in order.
    public var routing: [OperationSpec]

    public init(name: String, family: Int = 0, routing: [OperationSpec]) {
        self.name = name
        self.family = family
        self.routing = routing
    }
}

/// One step of a routing.
public struct OperationSpec: Sendable {
    /// Name for reports, e.g. "weld".
    public var name: String
    /// Stations that can do it (alternatives); the first is preferred on ties.
    public var stations: [Int]
    /// Processing time per unit.
    public var processTime: Distribution
    /// Components consumed at the start of the operation.
    public var consumes: [ComponentUse]
    /// Probability that the job is scrapped after this operation.
    public var scrapProbability: Double
    /// Rework: with `probability`, the job goes back to operation `toOperation` (an index ≤ this one).
    public var rework: Rework?
    /// Process parameters, each execution drawing actual values around the setpoints.
    public var recipe: [RecipeParameter] = []
    /// How the operation makes defects (nil: it makes none).
    public var quality: QualityModel?
    /// The operation inspects parts (nil: it does not).
    public var inspection: InspectionSpec?

    public init(name: String, stations: [Int], processTime: Distribution, consumes: [ComponentUse] = [],
                scrapProbability: Double = 0, rework: Rework? = nil) {
        self.name = name
        self.stations = stations
        self.processTime = processTime
        self.consumes = consumes
        self.scrapProbability = scrapProbability
        self.rework = rework
    }
}

/// A component consumed by an operation, per unit of the job.
public struct ComponentUse: Sendable, Equatable {
    /// What is consumed.
    public var item: Item
    /// How many per unit.
    public var quantity: Int

    public init(item: Item, quantity: Int) {
        self.item = item
        self.quantity = quantity
    }
}

/// A consumable item: a purchased material or a made product (a sub-assembly).
public enum Item: Sendable, Equatable {
    /// Index into `FactoryConfiguration.materials`.
    case material(Int)
    /// Index into `FactoryConfiguration.products`: a child job is released with the parent order
    /// and the consuming operation waits until it has finished.
    case product(Int)
}

/// A rework loop.
public struct Rework: Sendable, Equatable {
    public var probability: Double
    /// Index of the operation the job returns to.
    public var toOperation: Int

    public init(probability: Double, toOperation: Int) {
        self.probability = probability
        self.toOperation = toOperation
    }
}
