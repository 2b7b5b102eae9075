import TaktKernel

extension RandomStreams {
    /// The factory model's own streams: the run's streams re-keyed under a key private to
    /// Takt's modules, so the public derivation (`RandomStreams(seed:)` with the documented
    /// entity and purpose names) does not give the model's numbers. A controller that knew the
    /// seed therefore cannot replay the model's failure times, wear levels or defects from it.
    ///
    /// Common random numbers and determinism are kept: the key is the same for every variant and
    /// every run, so two variants draw the same numbers for the same named entities, and a
    /// scenario and seed give the same draws on any thread or shard. The key is a `package`
    /// detail (Takt's own tests replay a stream through it); no controller's package can reach it.
    package var sealedForModel: RandomStreams {
        RandomStreams(seed: SplitMix64.mix(SplitMix64.mix(seed) ^ RandomStreams.modelKey))
    }

    /// The key of `sealedForModel`.
    private static let modelKey: UInt64 = 0x5A1E_D0F7_AC70_7B11
}
