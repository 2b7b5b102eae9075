import TaktFactory

/// A dispatcher learned in simulation: each waiting job that can start gets the score
/// `weights · features` (`DispatchFeatures`, observable only) and the lowest score starts first
/// (ties: the job created first), on a free machine set up for its family if there is one. The
/// weights come from `takt train` (an evolution strategy over replications under common random
/// numbers, `DispatchTraining`) or a model file (`warm_start:`). Non-delay, like the rules.
///
/// With weight 1 on `standard_time` and 0 elsewhere it is SPT; with 1 on `slack`, least slack.
public struct LearnedDispatch: SchedulingController {
    /// The score's weights, one per feature of `DispatchFeatures.names`.
    public struct Weights: Sendable, Equatable {
        /// The weights in feature order.
        public var values: [Double]

        /// Weights in `DispatchFeatures.names` order.
        /// - Parameter values: One weight per feature.
        public init(_ values: [Double]) {
            precondition(values.count == DispatchFeatures.count, "one weight per dispatch feature")
            self.values = values
        }

        /// SPT: the shortest standard time first (the start of training).
        public static var shortestFirst: Weights {
            Weights(DispatchFeatures.names.map { $0 == "standard_time" ? 1 : 0 })
        }
    }

    public let weights: Weights

    /// A dispatcher scoring with `weights`.
    /// - Parameter weights: The learned weights.
    public init(_ weights: Weights) { self.weights = weights }

    public var name: String { "learned_dispatch" }

    public mutating func dispatch(at station: Int, shop: ShopObservation) -> [Assignment] {
        let waiting = shop.queues[station].filter(\.canStart)
        guard !waiting.isEmpty, !shop.freeMachines(at: station).isEmpty else { return [] }
        let scale = max(1e-9, waiting.reduce(0) { $0 + $1.expectedTime } / Double(waiting.count))
        let work = DispatchFeatures.queueWork(shop)
        var best: ShopJob?, bestScore = 0.0
        for job in waiting {
            let features = DispatchFeatures.values(of: job, at: station, shop: shop, scale: scale, queueWork: work)
            var score = 0.0
            for (w, x) in zip(weights.values, features) { score += w * x }
            if best == nil || score < bestScore || (score == bestScore && job.serial < best!.serial) {
                best = job
                bestScore = score
            }
        }
        guard let job = best, let machine = DispatchRuleScheduler.machine(for: job, at: station, shop: shop) else {
            return []
        }
        return [Assignment(job: job.serial, machine: machine)]
    }

    public func metrics() -> [ControllerMetric] {
        zip(DispatchFeatures.names, weights.values).map { name, value in
            ControllerMetric("weight_\(name)", "Learned weight of \(name)", value: value)
        }
    }
}
