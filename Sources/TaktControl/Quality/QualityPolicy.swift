import TaktFactory
import TaktKernel

/// A quality policy as a scenario names it.
public enum QualityPolicy: Sendable, Equatable {
    /// Keep the recipe's setpoints (no controller).
    case fixed
    /// Learn which parameters of `operation`'s recipe drive rejections at `inspection` (route
    /// indices) and move its setpoints toward fewer defects (`ProcessOptimiser`).
    case optimise(operation: Int, inspection: Int, settings: ProcessOptimiser.Settings)

    /// A fresh controller (nil for a fixed recipe). The optimiser's exploration stream is seeded
    /// from the replication, so replications explore independently and reproducibly. It is made
    /// from the plant's layout (what a plant knows), never from the configuration's truth.
    public func controller(for layout: PlantLayout, replication: Int) -> (any QualityController)? {
        switch self {
        case .fixed:
            return nil
        case .optimise(let operation, let inspection, let settings):
            return ProcessOptimiser(operation: operation, inspection: inspection,
                                    seed: SplitMix64.mix(0x7175_616C_6974_7921 ^ UInt64(replication)),
                                    settings: settings)
        }
    }
}
