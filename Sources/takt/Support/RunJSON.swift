import TaktExperiments

/// One replication as `takt run --json` and `takt compare --json` print it (`runs`): snake_case
/// keys, and the seed as a string, since JSON readers (jq, JavaScript) hold numbers as doubles and
/// would round a 64-bit seed, so that the replication could not be run again.
// swift-format-ignore: AlwaysUseLowerCamelCase
// The property names are the JSON keys, snake_case like every key Takt writes.
struct RunJSON: Encodable {
    var replication: Int
    var seed: String
    var kpis: [KPI]
    var events: Int
    var simulated_seconds: Double
    var wall_seconds: Double
    var interrupted: Bool
    var learned_models: [String: [String: [Double]]]?

    init(_ result: ReplicationResult) {
        replication = result.replication
        seed = String(result.seed)
        kpis = result.kpis
        events = result.events
        simulated_seconds = result.simulatedSeconds
        wall_seconds = result.wallSeconds
        interrupted = result.interrupted
        learned_models = result.learnedModels
    }
}
