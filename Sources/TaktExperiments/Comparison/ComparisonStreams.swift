import TaktKernel

/// How the variants of a comparison draw their random numbers.
public enum ComparisonStreams: String, Sendable, Codable {
    /// Common random numbers: replication r of every variant uses the same streams per entity and
    /// purpose (`RandomStreams(seed).replication(r)`), so paired differences measure the change,
    /// not the noise. The default.
    case common
    /// Independent streams: each variant after the first derives its own master seed from the
    /// seed and its position, so the variants share nothing. For measuring what common random
    /// numbers buy (the variance-reduction factor); paired-t intervals stay valid, only wider.
    case independent

    /// The master seed of the variant at `position` (0 is the reference, which keeps `seed` in
    /// both modes, so its results are the same either way).
    public func seed(_ seed: UInt64, variantAt position: Int) -> UInt64 {
        switch self {
        case .common: return seed
        case .independent:
            guard position > 0 else { return seed }
            return RandomStreams(seed: seed)
                .streamSeed(entity: "comparison-variant-\(position)", purpose: "independent streams")
        }
    }
}
