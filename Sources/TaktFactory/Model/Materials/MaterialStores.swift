import TaktKernel

/// Purchased materials: stock on hand, replenishments on order and their lead-time streams.
///
/// The mechanisms are in this folder (`FactoryModel+Materials`).
struct MaterialStores {
    var stock: [Int]
    var onOrder: [Int]
    var materialStreams: [Xoshiro256StarStar]
    /// Per material, the stations whose operations consume it (woken when it arrives).
    let materialStations: [[Int]]

    init(_ configuration: FactoryConfiguration, streams: RandomStreams) {
        stock = configuration.materials.map(\.initialStock)
        onOrder = Array(repeating: 0, count: configuration.materials.count)
        materialStreams = configuration.materials.map { streams.stream(entity: "material/\($0.name)",
                                                                       purpose: "lead-time") }
        materialStations = configuration.materials.indices.map { material in
            configuration.stations.indices.filter { station in
                configuration.products.contains { product in
                    product.routing.contains { $0.stations.contains(station)
                        && $0.consumes.contains { $0.item == .material(material) } }
                }
            }
        }
    }
}
