import TaktKernel

/// Recipes, hidden defects and inspections: the setpoints a quality controller may move, the
/// parameters of the execution in progress, and the inspections' sampling counters.
///
/// The mechanisms are in this folder (`FactoryModel+Quality`).
struct QualitySystem {
    let qualityTable: QualityTable
    /// Seed base of the per-execution quality streams (see `FactoryModel.qualityStream`).
    let qualityStreamBase: UInt64
    /// Current recipe setpoints, flat by route (`QualityTable.parameterOffset`): a quality
    /// controller may move them within their ranges.
    var setpoints: [Double]
    /// Scratch space for the actual parameter values of one execution.
    var actualParameters: [Double]
    /// Parts seen per inspecting route (1-in-N sampling).
    var inspectionCounter: [Int]

    init(_ configuration: FactoryConfiguration, streams: RandomStreams) {
        qualityTable = QualityTable(configuration)
        qualityStreamBase = streams.streamSeed(entity: "jobs", purpose: "quality")
        setpoints = QualityTable.setpoints(configuration)
        actualParameters = Array(repeating: 0, count: qualityTable.maxParameters)
        inspectionCounter = Array(repeating: 0, count: qualityTable.model.count)
    }
}
