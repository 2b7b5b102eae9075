import TaktFactory
import TaktKernel

/// Reads the factory sections of a scenario (`stations:`, `products:`, `materials:`, `orders:`,
/// …) into a `FactoryConfiguration`: names become array indices in file order, durations become
/// seconds, and every problem is reported at its line and column with the name it expected.
///
/// Each section is read by an extension in its own file (FactoryReader+Stations.swift, …).
struct FactoryReader {
    /// The top-level keys that only a factory scenario has.
    static let sectionKeys = ["families", "stations", "repair_crews", "products", "materials", "orders",
                              "release", "record_gantt", "stop_after_jobs", "sensors", "calendars",
                              "environment", "effects", "electricity", "workers", "worker_choice",
                              "defect_classes", "quality_costs", "maintenance_costs", "controllers", "shadow", "deploy",
                              "transport"]

    let top: MappingReader
    let document: Located
    /// The scenario file as named by the user; files it names are relative to its folder.
    let scenarioFile: String
    /// `run.start`: time 0 of CSV files whose times are timestamps, unless one declares its own.
    var runStart: Timestamp?
    let families: NameTable
    let stations: NameTable
    let crews: NameTable
    let products: NameTable
    let materials: NameTable
    let calendarNames: NameTable
    let environmentNames: NameTable
    let defectClasses: NameTable
    /// The shift calendars, read once (stations refer to them by name).
    let calendars: [ShiftCalendar?]

    init(top: MappingReader, document: Located, scenarioFile: String) {
        self.top = top
        self.document = document
        self.scenarioFile = scenarioFile
        families = NameTable(kind: "family", plural: "families", names: Self.readFamilies(top.optional("families")),
                             howToDefine: "list them at the top level, e.g. 'families: [small, large]'")
        stations = NameTable(kind: "station", plural: "stations", names: Self.keys(of: top.optional("stations")),
                             howToDefine: "add them under 'stations:'")
        crews = NameTable(kind: "repair crew", plural: "repair crews",
                          names: Self.keys(of: top.optional("repair_crews")),
                          howToDefine: "add one under 'repair_crews:', e.g. 'repair_crews: {fitters: {size: 2}}'")
        products = NameTable(kind: "product", plural: "products", names: Self.keys(of: top.optional("products")),
                             howToDefine: "add them under 'products:'")
        materials = NameTable(kind: "material", plural: "materials", names: Self.keys(of: top.optional("materials")),
                              howToDefine: "add them under 'materials:'")
        calendarNames = NameTable(kind: "calendar", plural: "calendars",
                                  names: Self.keys(of: top.optional("calendars")),
                                  howToDefine: "add one under 'calendars:', e.g. 'calendars: {two_shifts: "
                                      + "{shifts: [...]}}'")
        calendars = Self.readCalendars(top.optional("calendars"))
        environmentNames = NameTable(kind: "environment variable", plural: "environment variables",
                                     names: Self.keys(of: top.optional("environment")),
                                     howToDefine: "add one under 'environment:', e.g. 'environment: {temperature: "
                                         + "{constant: 22}}'")
        defectClasses = NameTable(kind: "defect class", plural: "defect classes",
                                  names: Self.readDefectClasses(top.optional("defect_classes")),
                                  howToDefine: "list them at the top level, e.g. 'defect_classes: [porosity, crack]'")
    }

    /// Reads every factory section; nil when an essential part could not be read (the problems
    /// are reported).
    func read(run: RunSettings) -> FactoryConfiguration? {
        let repairCrews = readCrews(top.optional("repair_crews"))
        let stationSpecs = readStations(top.optional("stations"))
        let productSpecs = readProducts(top.optional("products"))
        let materialSpecs = readMaterials(top.optional("materials"))
        let release = readRelease(top.optional("release"))
        let recordGantt = top.optional("record_gantt")?.boolean("record_gantt") ?? false
        let stopAfterJobs = top.optional("stop_after_jobs")?.integer("stop_after_jobs", in: 1...Int.max)
        let runIsBounded = run.endTime.isFinite || stopAfterJobs != nil
        let sources = readOrders(top.optional("orders"), runIsBounded: runIsBounded)
        let sensors = readSensors(top.optional("sensors"), stationSpecs: stationSpecs ?? [])
        let environment = readEnvironment(top.optional("environment"))
        let effects = readEffects(top.optional("effects"), variables: environment)
        guard let stationSpecs, let productSpecs, let sources else { return nil }
        var configuration = FactoryConfiguration(stations: stationSpecs, products: productSpecs,
                                                 materials: materialSpecs,
                                                 orderSources: sources, repairCrews: repairCrews, release: release,
                                                 recordGantt: recordGantt, stopAfterJobs: stopAfterJobs)
        configuration.stopsWhenDone = !run.endTime.isFinite
        configuration.sensors = sensors
        configuration.environment = environment
        configuration.effects = effects
        configuration.defectClasses = defectClasses.names
        configuration.qualityCosts = readQualityCosts(top.optional("quality_costs"))
        configuration.maintenanceCosts = readMaintenanceCosts(top.optional("maintenance_costs"))
        configuration.workerPools = readWorkers(top.optional("workers"))
        configuration.workerChoice = readWorkerChoice(top.optional("worker_choice"))
        configuration.transport = readTransport(top.optional("transport"), stationCount: stationSpecs.count)
        checkCrossReferences(configuration)
        configuration.electricityPrice = readElectricity(top.optional("electricity"), variables: environment)
        return configuration
    }

    /// `families: [small, large]`: setup family names, each once.
    static func readFamilies(_ node: Located?) -> [String] {
        guard let items = node?.sequence("families") else { return [] }
        var names: [String] = []
        for item in items {
            guard let name = item.string("families") else { continue }
            if names.contains(name) { item.error("families: '\(name)' is listed twice") }
            names.append(name)
        }
        return names
    }

    /// The names of a mapping's keys in file order (nothing if it is not a mapping: its reader
    /// reports that).
    static func keys(of node: Located?) -> [String] {
        guard case .mapping(let mapping)? = node?.node else { return [] }
        return mapping.compactMap { $0.key.string }
    }

    /// `release: immediate` or `release: {conwip: 20}`.
    func readRelease(_ node: Located?) -> ReleasePolicy {
        guard let node else { return .immediate }
        if case .mapping = node.node, let release = node.mapping("release") {
            let cap = release.required("conwip", expected: "the most jobs in the shop at once, e.g. 20")?
                .integer("release.conwip", in: 1...Int.max)
            release.finish()
            return cap.map { .conwip(cap: $0) } ?? .immediate
        }
        if node.scalarText == "conwip" {
            node.error("release: conwip needs its cap of jobs in the shop; write 'release: {conwip: 20}'")
            return .immediate
        }
        return node.choice("release", among: ["immediate": ReleasePolicy.immediate]) ?? .immediate
    }
}
