/// The fixed, observable facts of a plant that a controller may know: what exists and what it
/// is called — stations and their machines, sensors, operations and their recipe parameters with
/// allowed ranges, inspections, worker pools, defect classes. Nothing about how the plant
/// behaves underneath (no failure laws, wear models or quality-model coefficients).
public struct PlantLayout: Sendable {
    public struct Station: Sendable {
        public var name: String
        /// Global machine indices of its machines.
        public var machines: Range<Int>
        /// Does it need an operator (for steps or setups)?
        public var needsOperators: Bool
        /// The station's own dispatching rule (what its shop-floor system does by default).
        public var dispatchRule: DispatchRule
        /// Does it process jobs in batches (batch stations keep their batching rules)?
        public var batches: Bool
    }

    /// A product and where its routing sits in `operations`.
    public struct Product: Sendable {
        public var name: String
        /// Route indices of its operations, in routing order.
        public var routes: Range<Int>
        /// Its setup family (a changeover happens between families).
        public var setupFamily: Int
    }

    public struct Sensor: Sendable {
        public var name: String
        public var station: Int
        /// Sampling interval (seconds).
        public var interval: Double
    }

    /// One operation of a product's routing, addressed by its route index (flat over products).
    public struct Operation: Sendable {
        public var product: String
        public var name: String
        public var stations: [Int]
        /// Standard time per unit (seconds): the mean of the operation's time distribution, as
        /// a plant's routing sheet states it (never the draw).
        public var standardTime: Double
        /// The recipe's parameters: names, units and allowed setpoint ranges.
        public var parameters: [(name: String, unit: String, minimum: Double, maximum: Double)]
        /// The operation inspects parts (its verdicts are observations).
        public var inspects: Bool
    }

    public struct WorkerPool: Sendable {
        public var name: String
        public var count: Int
        public var repairs: Bool
    }

    public var stations: [Station]
    public var products: [Product]
    /// The station of each machine.
    public var machineStation: [Int]
    public var sensors: [Sensor]
    public var operations: [Operation]
    public var workerPools: [WorkerPool]
    /// Names of the defect classes (verdict k ≥ 1 is class k − 1 of this list).
    public var defectClasses: [String]
    public var environmentVariables: [String]
    /// What the plant pays for a planned maintenance, a repair and an hour of downtime (its price
    /// list — not how often machines fail).
    public var maintenanceCosts: MaintenanceCosts

    /// The observable layout of a configuration: what a plant knows of itself (names, machines,
    /// rules, routings with standard times, sensors, recipe ranges), nothing of how it behaves.
    public init(_ configuration: FactoryConfiguration) {
        var first = [0]
        for station in configuration.stations { first.append(first[first.count - 1] + station.machines) }
        self.init(configuration, firstMachine: first, routes: RouteTable(configuration))
    }

    init(_ configuration: FactoryConfiguration, firstMachine: [Int], routes: RouteTable) {
        stations = configuration.stations.enumerated().map { index, station in
            Station(name: station.name, machines: firstMachine[index]..<firstMachine[index + 1],
                    needsOperators: station.operators != nil, dispatchRule: station.dispatch,
                    batches: station.batch != nil)
        }
        products = configuration.products.indices.map { product in
            Product(name: configuration.products[product].name,
                    routes: routes.offset[product]..<routes.offset[product + 1],
                    setupFamily: Int(routes.family[product]))
        }
        machineStation = configuration.stations.indices.flatMap { index in
            Array(repeating: index, count: configuration.stations[index].machines)
        }
        sensors = configuration.sensors.map { Sensor(name: $0.name, station: $0.station, interval: $0.interval) }
        operations = configuration.products.flatMap { product in
            product.routing.map { operation in
                Operation(product: product.name, name: operation.name, stations: operation.stations,
                          standardTime: operation.processTime.mean,
                          parameters: operation.recipe.map { ($0.name, $0.unit, $0.minimum, $0.maximum) },
                          inspects: operation.inspection != nil)
            }
        }
        workerPools = configuration.workerPools.map { WorkerPool(name: $0.name, count: $0.count,
                                                                 repairs: $0.skills[.repair] != nil) }
        defectClasses = configuration.defectClasses
        environmentVariables = configuration.environment.map(\.name)
        maintenanceCosts = configuration.maintenanceCosts
    }
}
