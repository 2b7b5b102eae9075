import TaktKernel

/// Per product and operation, the expected figures that dispatching rules and due-date rules use:
/// a planner's standard times (distribution means), not the random draws.
struct RouteTable {
    /// Offset of product p's operations in the flat arrays.
    let offset: [Int]
    /// Expected processing time per unit of each operation.
    let meanTime: [Double]
    /// Expected work per unit from each operation to the end of the routing (this one included).
    let remainingWork: [Double]
    /// Setup family of each product.
    let family: [Int32]
    /// Per operation: its processing-time law, outcome probabilities, the one station it uses
    /// (-1 when it has alternatives) and whether it consumes anything — flat, for the hot loop.
    let processTime: [Distribution]
    let scrapProbability: [Double]
    let reworkProbability: [Double]
    let reworkTo: [Int32]
    let onlyStation: [Int32]
    let consumesAnything: [Bool]
    /// Per product: does its routing consume made products (sub-assembly jobs)?
    let hasSubAssemblies: [Bool]

    init(_ configuration: FactoryConfiguration) {
        var offset: [Int] = []
        var meanTime: [Double] = []
        var remainingWork: [Double] = []
        for product in configuration.products {
            offset.append(meanTime.count)
            let means = product.routing.map(\.processTime.mean)
            meanTime += means
            var suffix = Array(repeating: 0.0, count: means.count)
            var running = 0.0
            for index in means.indices.reversed() {
                running += means[index]
                suffix[index] = running
            }
            remainingWork += suffix
        }
        offset.append(meanTime.count)
        self.offset = offset
        self.meanTime = meanTime
        self.remainingWork = remainingWork
        family = configuration.products.map { Int32($0.family) }
        let operations = configuration.products.flatMap(\.routing)
        processTime = operations.map(\.processTime)
        scrapProbability = operations.map(\.scrapProbability)
        reworkProbability = operations.map { $0.rework?.probability ?? 0 }
        reworkTo = operations.map { Int32($0.rework?.toOperation ?? -1) }
        onlyStation = operations.map { $0.stations.count == 1 ? Int32($0.stations[0]) : -1 }
        consumesAnything = operations.map { !$0.consumes.isEmpty }
        hasSubAssemblies = configuration.products.map { product in
            product.routing.contains {
                $0.consumes.contains { if case .product = $0.item { return true } else { return false } }
            }
        }
    }

    @inline(__always) func index(product: Int32, operation: Int32) -> Int { offset[Int(product)] + Int(operation) }

    /// The product whose routing holds route `index` (an index into the flat per-operation arrays).
    func product(ofRoute index: Int) -> Int { offset.lastIndex { $0 <= index } ?? 0 }

    /// Number of operations of a product.
    @inline(__always) func count(product: Int32) -> Int { offset[Int(product) + 1] - offset[Int(product)] }

    /// Total expected work per unit of a product.
    func totalWork(product: Int) -> Double { count(product: Int32(product)) > 0 ? remainingWork[offset[product]] : 0 }
}
