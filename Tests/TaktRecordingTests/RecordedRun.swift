import TaktFactory
import TaktKernel
import TaktRecording
import TaktScenario

/// Rows as a real factory run logs them: a small line (two products, a breakdown-prone mill,
/// scrap and rework) simulated for thirty days with everything recorded. `GanttRow` and `JobRow`
/// can only be made by the model, so the tests take theirs from a run.
struct RecordedRun {
    static let yaml = """
        name: Recording test line
        run: {seed: 7, replications: 2, duration: 30 d}
        stations:
          saw: {machines: 2, buffer: 10}
          mill:
            buffer: 5
            breakdowns:
              time_to_failure: "exponential(mean: 8 h)"
              repair: "uniform(min: 20 min, max: 40 min)"
          inspect: {buffer: 5}
        products:
          housing:
            routing:
              - {station: saw, time: "exponential(mean: 12 min)"}
              - {station: mill, time: "exponential(mean: 6 min)", name: milling}
              - station: inspect
                time: 3 min
                scrap: 0.02
                rework: {probability: 0.05, to: milling}
          cover:
            routing:
              - {station: saw, time: 10 min}
              - {station: inspect, time: 2 min}
        orders:
          - {name: housings, rate: 4 /h, product: housing, due: 1 d}
          - {name: covers, rate: 2 /h, product: cover}
        """

    let configuration: FactoryConfiguration
    let timeseriesColumns: [String]
    let timeseriesUnits: [String]

    init() throws {
        let scenario = try ScenarioLoader.parse(Self.yaml, file: "recording-test.yaml")
        guard case .factory(let configuration) = scenario.model else { fatalError("the test scenario is a factory") }
        self.configuration = configuration
        let model = FactoryModel(configuration, streams: RandomStreams(seed: 0))
        timeseriesColumns = model.timeseriesColumns
        timeseriesUnits = model.timeseriesUnits
    }

    /// The id → name tables for these rows.
    var lookups: ResultLookups {
        var machines: [(name: String, station: Int)] = []
        for (index, station) in configuration.stations.enumerated() {
            for k in 0..<station.machines { machines.append(("\(station.name)/\(k)", index)) }
        }
        return ResultLookups(stations: configuration.stations.map { ($0.name, $0.machines) }, machines: machines,
                             products: configuration.products.map(\.name), materials: ["steel"],
                             timeseriesColumns: timeseriesColumns, timeseriesUnits: timeseriesUnits,
                             sensors: ["vibration@mill"])
    }

    /// Runs replication `replication`, handing each slice of rows (at most `slice` events' worth)
    /// to `take`, as the experiment layer does.
    func run(replication: Int, slice: Int = 5_000, take: (FactoryRecords) throws -> Void) rethrows {
        let model = FactoryModel(configuration, streams: RandomStreams(seed: 7).replication(replication),
                                 recording: .full(sampleInterval: 600))
        var simulation = Simulation(model: model, limits: RunLimits(endTime: 30 * 86_400))
        while simulation.run(maxEvents: slice) == .eventLimit {
            try take(simulation.model.takeRecords())
        }
        simulation.finish()
        try take(simulation.model.takeRecords())
    }
}
