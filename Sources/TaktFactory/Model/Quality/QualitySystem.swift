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
    /// Scratch space for the logged values of one execution (actual plus measurement error).
    var loggedParameters: [Double]
    /// Parts seen per inspecting route (1-in-N sampling).
    var inspectionCounter: [Int]
    /// Learning vision inspections by route (nil: a fixed matrix), and for each re-check route
    /// the route of the camera whose flags it labels (-1: none).
    var learners: [VisionLearner?]
    let labelsFor: [Int]
    let hasLearners: Bool

    init(_ configuration: FactoryConfiguration, streams: RandomStreams) {
        qualityTable = QualityTable(configuration)
        qualityStreamBase = streams.streamSeed(entity: "jobs", purpose: "quality")
        setpoints = QualityTable.setpoints(configuration)
        actualParameters = Array(repeating: 0, count: qualityTable.maxParameters)
        loggedParameters = actualParameters
        inspectionCounter = Array(repeating: 0, count: qualityTable.model.count)
        let table = qualityTable
        var labelsFor = Array(repeating: -1, count: table.inspection.count)
        learners = table.inspection.indices.map { route -> VisionLearner? in
            guard let inspection = table.inspection[route], let learning = inspection.learning else { return nil }
            let recheck = inspection.onReject == .recheck && route + 1 < table.inspection.count
                ? route + 1 : -1
            if recheck >= 0 { labelsFor[recheck] = route }
            return VisionLearner(spec: learning, base: inspection.confusion, recheckRoute: recheck,
                                 auditConfusion: recheck >= 0 ? table.inspection[recheck]?.confusion : nil,
                                 auditStreamBase: streams.streamSeed(entity: "vision.\(route)", purpose: "audit"))
        }
        self.labelsFor = labelsFor
        hasLearners = learners.contains { $0 != nil }
    }

    /// The hidden material-batch effect at route `route` at time `now`: a standard-normal value
    /// per batch of `period` seconds, the same for every part of the batch and in every variant
    /// (drawn from a stream keyed by route and batch number, so it needs no state).
    func batchEffect(route: Int, period: Double, at now: Double) -> Double {
        let batch = UInt64(max(0, (now / max(period, 1e-9)).rounded(.down)))
        var rng = Xoshiro256StarStar(seed: SplitMix64.mix(qualityStreamBase ^ 0x6261_7463_6800_0000
                                                               ^ UInt64(route) << 40 ^ batch))
        return Distribution.standardNormal(&rng)
    }
}
