import TaktFactory

/// A quality policy as a scenario names it.
public enum QualityPolicy: Sendable, Equatable {
    /// Keep the recipe's setpoints (no controller).
    case fixed

    /// A fresh controller (nil for a fixed recipe).
    public func controller(for configuration: FactoryConfiguration, replication: Int) -> (any QualityController)? {
        switch self {
        case .fixed: return nil
        }
    }
}
