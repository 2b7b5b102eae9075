import Foundation
import TaktKernel
import TaktQueueing
import TaktScenario

/// Runs one replication of a queue scenario (a `QueueReplication` through `ReplicationRunner`).
enum QueueRunner {
    /// The most events per slice between progress reports (`SliceBudget` sizes them by time).
    static let slice = 250_000

    static func run(_ configuration: MultiServerQueue.Configuration, streams: RandomStreams, settings: RunSettings,
                    replication: Int, shouldStop: @Sendable () -> Bool = { false },
                    progress: (_ fraction: Double, _ events: Int,
                               _ simulated: Double) -> Void) throws -> ReplicationResult {
        let limits = RunLimits(endTime: settings.endTime, warmUp: settings.warmUp, maxEvents: settings.maxEvents)
        return try ReplicationRunner.run(QueueReplication(MultiServerQueue(configuration, streams: streams)),
                                         limits: limits,
                                         replication: replication, seed: streams.seed, largestSlice: slice,
                                         shouldStop: shouldStop, progress: progress)
    }

    /// Erlang C values when both laws are exponential and the queue is stable.
    static func exactResults(_ configuration: MultiServerQueue.Configuration) -> ErlangC? {
        guard case .exponential(let interarrival) = configuration.interarrival,
              case .exponential(let service) = configuration.service,
              1 / interarrival < Double(configuration.servers) / service else { return nil }
        return ErlangC(arrivalRate: 1 / interarrival, serviceRate: 1 / service, servers: configuration.servers)
    }
}
