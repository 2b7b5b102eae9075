import TaktKernel

/// One generated scenario: its YAML text, the CSV order files it names (file name → text, to be
/// written beside the scenario file) and the mechanisms it uses (for coverage checks).
struct GeneratedScenario {
    var yaml: String
    var files: [String: String]
    var mechanisms: Set<String>
}

/// Generates small, valid factory scenarios that mix every mechanism of the model — parallel
/// machines, finite (even zero) buffers, breakdowns on either basis with crews or technicians,
/// maintenance windows, setups, batches, load/unload, rework and scrap, workers with skills and
/// shifts, station calendars, materials with each replenishment policy, bills of materials,
/// environment effects, wear with sensors, recipes, defects and inspections, power, and orders of
/// every kind (rate, interarrival, schedule, CSV file; CONWIP release; rejection when full).
///
/// The text is YAML in the documented scenario format (docs/scenario-format.md), drawn from a
/// seeded stream: the same seed gives the same scenario. Arrival rates are set from the mean work
/// per order so that stations run at 20–50% of their full-time capacity; runs last 6–16 h.
struct RandomScenarioGenerator {
    /// Every mechanism the generator can put in a scenario (the names in `GeneratedScenario.mechanisms`).
    static let allMechanisms = [
        "transport delay", "transport conveyor", "transport vehicle",
        "parallel machines", "finite buffer", "batch", "setup", "load/unload", "breakdowns operating",
        "breakdowns calendar",
        "crew", "technician", "maintenance", "wear", "calendars", "station calendar", "operators setup",
        "operators step",
        "power", "workers", "multi-skilled", "worker shifts", "material (s, S)", "material (r, Q)",
        "material without policy",
        "consumes material", "bill of materials", "environment", "effect process_time", "effect wear_rate",
        "effect failure_rate",
        "effect defect_probability", "sensors", "alternative stations", "scrap", "rework", "quality",
        "inspection rework",
        "inspection recheck", "when_full reject", "orders rate", "orders interarrival", "orders schedule",
        "orders file",
        "conwip", "stop_after_jobs", "recording",
    ]

    private var rng: Xoshiro256StarStar
    private let seed: UInt64
    private var mechanisms: Set<String> = []

    init(seed: UInt64) {
        self.seed = seed
        rng = Xoshiro256StarStar(seed: SplitMix64.mix(seed &+ 0x5EED))
    }

    // MARK: random choices

    private mutating func chance(_ p: Double) -> Bool { rng.nextUnit() < p }
    private mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(rng.next() % UInt64(range.count))
    }
    private mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    private mutating func real(_ low: Double, _ high: Double) -> Double { low + (high - low) * rng.nextUnit() }
    private mutating func use(_ mechanism: String) { mechanisms.insert(mechanism) }

    /// A duration law with mean `mean` minutes, in one of the documented laws, as YAML.
    private mutating func durationLaw(meanMinutes mean: Double) -> String {
        let m = fmt(mean)
        switch int(0...8) {
        case 0: return "\(m) min"
        case 1: return "\"exponential(mean: \(m) min)\""
        case 2: return "\"uniform(min: \(fmt(mean * 0.5)) min, max: \(fmt(mean * 1.5)) min)\""
        case 3: return "\"triangular(min: \(fmt(mean * 0.5)) min, mode: \(m) min, max: \(fmt(mean * 1.5)) min)\""
        case 4: return "\"lognormal(mean: \(m) min, sd: \(fmt(mean * 0.3)) min)\""
        case 5: return "\"gamma(shape: 2, mean: \(m) min)\""
        case 6: return "\"erlang(k: 3, mean: \(m) min)\""
        case 7: return "\"normal(mean: \(m) min, sd: \(fmt(mean * 0.2)) min)\""
        default: return "\"discrete(values: [\(fmt(mean * 0.5)) min, \(fmt(mean * 1.5)) min])\""
        }
    }

    private func fmt(_ value: Double) -> String { Self.format(value) }

    /// A number as short YAML text (at most three decimals).
    private static func format(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    // MARK: the scenario

    private struct Station {
        var name: String
        var machines: Int
        var isBatch = false
        var hasSetup = false
        var hasWear = false
        var operators: String?
        var technician = false
        var usesCrew = false
    }

    private struct Operation {
        var name: String
        var stations: [Int]
        var meanMinutes: Double
        var lines: [String] = []
    }

    /// Generates the scenario.
    mutating func generate() -> GeneratedScenario {
        mechanisms = []
        var out: [String] = []
        var files: [String: String] = [:]
        let hours = int(6...16)
        out.append("name: random scenario \(seed)")
        out.append("run: {seed: \(seed % 1000), replications: 1, duration: \(hours) "
                   + "h\(chance(0.3) ? ", warm_up: 4 h" : "")}")
        let families = ["fa", "fb", "fc"].prefix(int(1...3)).map { $0 }
        out.append("families: [\(families.joined(separator: ", "))]")
        let defectClasses = chance(0.5) ? ["porosity", "crack"] : ["defect"]
        if defectClasses.count > 1 { out.append("defect_classes: [\(defectClasses.joined(separator: ", "))]") }
        let hasEnvironment = chance(0.5)
        var shiftCalendars: [String] = []
        if chance(0.4) {
            use("calendars")
            let rule = pick(["finish", "interrupt"])
            out.append("calendars:")
            out.append("  early: {shifts: [{days: [mon, tue, wed, thu, fri, sat, sun], from: \"06:00\", to: "
                       + "\"14:00\"}], at_shift_end: \(rule)}")
            out.append("  late: {shifts: [{days: [mon, tue, wed, thu, fri, sat, sun], from: \"14:00\", to: "
                       + "\"23:00\"}], at_shift_end: "
                       + "\(pick(["finish", "interrupt"]))\(chance(0.3) ? ", holidays: [1]" : "")}")
            out.append("  night: {shifts: [{days: [mon, tue, wed, thu, fri, sat, sun], from: \"20:00\", to: "
                       + "\"08:00\"}]}")
            shiftCalendars = ["early", "late", "night"]
        }

        // stations
        let stationCount = int(2...5)
        var stations: [Station] = []
        var stationLines: [String] = []
        let hasCrew = chance(0.5)
        for index in 0..<stationCount {
            var station = Station(name: "s\(index)", machines: int(1...3))
            var keys: [String] = ["machines: \(station.machines)"]
            if station.machines > 1 { use("parallel machines") }
            if chance(0.5) {
                keys.append("buffer: \(int(0...4))")
                use("finite buffer")
            }
            keys.append("dispatch: " + pick(["fifo", "spt", "lpt", "edd", "cr", "mwkr", "mopnr", "lor", "srpt",
                                             "priority", "\"atc(k: 2)\""]))
            if chance(0.2) {
                station.isBatch = true
                let max = int(1...4)
                keys.append("batch: {max: \(max), min: \(int(1...max)), max_wait: \(int(0...30)) min}")
                use("batch")
            }
            if chance(0.35) {
                station.hasSetup = true
                var matrix: [String] = []
                for from in families {
                    let to = families.filter { $0 != from }.map { "\($0): \(durationLaw(meanMinutes: real(1, 8)))" }
                    if !to.isEmpty { matrix.append("\(from): {\(to.joined(separator: ", "))}") }
                }
                let initial = chance(0.5) ? "initial: \(durationLaw(meanMinutes: real(1, 5))), " : ""
                keys.append(matrix.isEmpty ? "setup: {initial: 2 min}" : "setup: {\(initial)matrix: "
                            + "{\(matrix.joined(separator: ", "))}}")
                use("setup")
            }
            if chance(0.2) {
                keys.append("load: \(durationLaw(meanMinutes: 0.5))")
                keys.append("unload: 20 s")
                use("load/unload")
            }
            if chance(0.45) {
                let basis = pick(["operating", "calendar"])
                use("breakdowns \(basis)")
                var repairer = ""
                switch int(0...2) {
                case 0 where hasCrew: repairer = ", crew: fitters"; station.usesCrew = true; use("crew")
                case 1: repairer = ", technician: true"; station.technician = true; use("technician")
                default: break
                }
                keys.append("breakdowns: {time_to_failure: \(durationLaw(meanMinutes: real(60, 600))), basis: "
                            + "\(basis), repair: "
                            + "\(durationLaw(meanMinutes: real(5, 40))), after_repair: "
                                + "\(pick(["resume", "restart"]))\(repairer)}")
            }
            if chance(0.3) {
                keys.append("maintenance: [{start: \(int(1...12)) h, duration: \(int(10...60)) "
                            + "min\(chance(0.6) ? ", every: \(int(4...12)) h" : "")}]")
                use("maintenance")
            }
            if chance(0.3) {
                station.hasWear = true
                let failure = chance(0.5) ? "failure_at: \(fmt(real(1, 4)))" : "hazard: {shape: \(fmt(real(1, 3))), "
                    + "scale: \(fmt(real(1, 4)))}"
                var repairer = ""
                if hasCrew && chance(0.3) { repairer = ", crew: fitters"; station.usesCrew = true }
                else if chance(0.3) { repairer = ", technician: true"; station.technician = true }
                keys.append("wear: {per_cycle: \"gamma(shape: 0.5, scale: 0.1)\", \(failure), repair: "
                            + "\(durationLaw(meanMinutes: real(5, 30)))"
                            + "\(repairer), repair_restores: \(fmt(real(0.5, 1))), maintenance_restores: "
                                + "\(fmt(real(0.5, 1)))}")
                use("wear")
            }
            if !shiftCalendars.isEmpty && chance(0.3) {
                keys.append("calendar: \(pick(shiftCalendars))")
                use("station calendar")
            }
            if !station.isBatch && chance(0.3) {
                station.operators = station.hasSetup && chance(0.5) ? "setup" : "step"
                keys.append("operators: \(station.operators!)")
                use("operators \(station.operators!)")
            }
            if chance(0.2) {
                keys.append("power: {busy: \(int(2...20)), idle: 1, setup: 3, down: 0.5}")
                use("power")
            }
            stations.append(station)
            stationLines.append("  \(station.name): {\(keys.joined(separator: ", "))}")
        }
        out.append("stations:")
        out += stationLines
        if hasCrew {
            out.append("repair_crews:")
            out.append("  fitters: {size: "
                       + "\(int(1...2))\(chance(0.5) ? ", side_job: \(durationLaw(meanMinutes: 20))" : "")}")
        }

        // workers
        let operated = stations.indices.filter { stations[$0].operators != nil }
        let needsTechnicians = stations.contains { $0.technician }
        if !operated.isEmpty || needsTechnicians || chance(0.2) {
            use("workers")
            out.append("workers:")
            let skillsOf: (Int) -> String = { [stations] in "\(stations[$0].name): "
                + "\(Self.format(0.6 + 0.1 * Double($0 % 5)))" }
            var skills = operated.map(skillsOf)
            let extra = stations.indices.filter { stations[$0].operators == nil && !stations[$0].isBatch }
            if let station = extra.first, chance(0.5) { skills.append(skillsOf(station)) }
            if needsTechnicians && chance(0.5) { skills.append("repair: 1.2"); use("multi-skilled") }
            if skills.isEmpty { skills = ["repair: 1"] }
            let calendar = !shiftCalendars.isEmpty && chance(0.5) ? ", calendar: \(pick(["early", "late"]))" : ""
            if !calendar.isEmpty { use("worker shifts") }
            out.append("  crew_a: {count: \(int(1...3)), skills: {\(skills.joined(separator: ", "))}\(calendar), "
                       + "cost_per_hour: 30, overtime_premium: 0.5}")
            if !operated.isEmpty && chance(0.5) {
                out.append("  crew_b: {count: \(int(1...2)), skills: "
                           + "{\(operated.map(skillsOf).joined(separator: ", "))}"
                           + "\(shiftCalendars.isEmpty ? "" : ", calendar: night")}")
            }
            if needsTechnicians {
                out.append("  technicians: {count: \(int(1...2)), skills: "
                           + "[repair]\(!shiftCalendars.isEmpty && chance(0.5) ? ", calendar: early" : "")}")
            }
            out.append("worker_choice: \(pick(["first_free", "least_busy", "most_qualified"]))")
        }

        // materials
        let materials = ["steel", "bolts"].prefix(int(0...2)).map { $0 }
        if !materials.isEmpty {
            out.append("materials:")
            for material in materials {
                let policy: String
                switch int(0...2) {
                case 0: policy = ", policy: {s: \(int(2...6)), S: \(int(10...30))}, lead_time: "
                    + "\(durationLaw(meanMinutes: real(30, 300)))"; use("material (s, S)")
                case 1: policy = ", policy: {reorder_point: \(int(2...6)), quantity: \(int(5...20))}, lead_time: "
                    + "\(durationLaw(meanMinutes: real(30, 300)))"; use("material (r, Q)")
                default: policy = ""; use("material without policy")
                }
                out.append("  \(material): {initial: \(int(0...40))\(policy)}")
            }
        }

        // environment
        if hasEnvironment {
            use("environment")
            out.append("environment:")
            out.append("  temperature: {daily: {mean: 24, amplitude: \(int(0...6)), peak: \"15:00\", noise: "
                       + "\(fmt(real(0, 1)))}}")
            out.append("  price: {piecewise: [{from: 0 s, value: 0.1}, {from: 8 h, value: 0.3}]}")
            var effects: [String] = []
            for (target, fitting) in [("process_time", { (_: Station) in true }),
                                      ("wear_rate", { (s: Station) in s.hasWear }),
                                      ("failure_rate", { (_: Station) in true }),
                                      ("defect_probability", { (_: Station) in true })] {
                let chosen = stations.filter(fitting).map(\.name)
                guard !chosen.isEmpty, chance(0.5) else { continue }
                let function = chance(0.5) ? "linear: {reference: 24, per_unit: 0.01}" : "exponential: {reference: 24, "
                    + "rate: 0.02}"
                effects.append("  - {variable: temperature, affects: \(target), stations: "
                               + "[\(chosen.prefix(2).joined(separator: ", "))], \(function)}")
                use("effect \(target)")
            }
            if !effects.isEmpty {
                out.append("effects:")
                out += effects
            }
        }
        let wearStations = stations.filter(\.hasWear)
        if !wearStations.isEmpty && chance(0.7) {
            use("sensors")
            out.append("sensors:")
            for station in wearStations {
                out.append("  - {name: vib_\(station.name), station: \(station.name), every: \(int(10...60)) min, "
                           + "offset: 0.5, gain: 2, "
                           + "drift_per_hour: 0.001, noise: 0.1, missing: 0.05}")
            }
        }
        if stations.contains(where: { $0.operators == nil }) && chance(0.1) { out.append("record_gantt: true") }
        if out.contains(where: { $0.contains("power:") }) {
            out.append(hasEnvironment && chance(0.5) ? "electricity: {price_from: price}" : "electricity: {price: 0.2}")
        }

        // products
        let hasComponent = chance(0.3)
        let productCount = int(1...3)
        var products: [(name: String, operations: [Operation])] = []
        var work = Array(repeating: 0.0, count: stationCount)   // mean minutes per order, per station
        let componentName = "part_c"
        if hasComponent { use("bill of materials") }
        for index in 0..<(productCount + (hasComponent ? 1 : 0)) {
            let isComponent = hasComponent && index == productCount
            let name = isComponent ? componentName : "p\(index)"
            var operations: [Operation] = []
            let count = int(1...4)
            for k in 0..<count {
                var stationChoices = [int(0...(stationCount - 1))]
                if chance(0.2) {
                    let other = int(0...(stationCount - 1))
                    if other != stationChoices[0] { stationChoices.append(other); use("alternative stations") }
                }
                var operation = Operation(name: "\(name)_o\(k)", stations: stationChoices, meanMinutes: real(1, 6))
                if chance(0.15) { operation.lines.append("scrap: 0.03"); use("scrap") }
                if chance(0.15) {
                    operation.lines.append("rework: {probability: 0.1, to: \(name)_o\(int(0...k))}")
                    use("rework")
                }
                var consumes: [String] = []
                if let material = materials.first, chance(0.3) {
                    consumes.append("\(material): \(int(1...2))") ; use("consumes material")
                }
                if materials.count > 1, chance(0.2) { consumes.append("\(materials[1]): 1") }
                if hasComponent && !isComponent && k == count - 1 && chance(0.7) {
                    consumes.append("\(componentName): 1")
                }
                if !consumes.isEmpty { operation.lines.append("consumes: {\(consumes.joined(separator: ", "))}") }
                operations.append(operation)
            }
            // quality: a recipe with a hidden defect model, then an inspection
            if chance(0.4) {
                use("quality")
                let target = int(0...(operations.count - 1))
                var terms = ["{parameter: current, coefficient: 0.05, center: 100, power: 2}"]
                if hasEnvironment && chance(0.5) {
                    terms.append("{environment: temperature, coefficient: 0.1, center: 22}")
                }
                if operations[target].stations.contains(where: { stations[$0].hasWear }) && chance(0.5) {
                    terms.append("{wear: true, coefficient: 0.5}")
                }
                if chance(0.3) { terms.append("{operator_skill: true, coefficient: -1, center: 1}") }
                let classes = defectClasses.count > 1 ? ", classes: {porosity: 0.6, crack: 0.4}" : ""
                operations[target].lines.append("recipe: {current: {setpoint: 100, noise: 3, range: [90, 110], unit: "
                                                + "A}}")
                operations[target].lines.append("defects: {intercept: \(fmt(real(-4, -1))), terms: "
                                                + "[\(terms.joined(separator: ", "))]\(classes)}")
                let station = int(0...(stationCount - 1))
                var inspection = Operation(name: "\(name)_inspect", stations: [station], meanMinutes: real(0.2, 1))
                let reject: String
                switch int(0...2) {
                case 0: reject = "scrap"
                case 1: reject = "{rework: \(operations[target].name)}"; use("inspection rework")
                default: reject = "recheck"; use("inspection recheck")
                }
                let accuracy = defectClasses.count > 1 && chance(0.5)
                    ? "confusion: {good: {good: 0.95, porosity: 0.03, crack: 0.02}, porosity: {good: 0.1, porosity: "
                        + "0.8, crack: 0.1}, "
                        + "crack: {good: 0.1, porosity: 0.1, crack: 0.8}}"
                    : "sensitivity: 0.9, specificity: 0.95"
                inspection.lines.append("inspect: {method: \(pick(["manual", "vision"])), every: "
                                        + "\(pick([1, 1, 2, 5])), \(accuracy), on_reject: \(reject)}")
                operations.insert(inspection, at: target + 1)
                if reject == "recheck" {
                    var recheck = Operation(name: "\(name)_recheck", stations: [int(0...(stationCount - 1))],
                                            meanMinutes: real(0.5, 2))
                    recheck.lines.append("inspect: {sensitivity: 0.95, specificity: 0.98, on_reject: scrap}")
                    operations.insert(recheck, at: target + 2)
                }
            }
            products.append((name, operations))
        }
        out.append("products:")
        for (index, product) in products.enumerated() {
            out.append("  \(product.name):")
            out.append("    family: \(families[index % families.count])")
            out.append("    routing:")
            for operation in product.operations {
                let station = operation.stations.count == 1 ? "station: \(stations[operation.stations[0]].name)"
                    : "stations: [\(operation.stations.map { stations[$0].name }.joined(separator: ", "))]"
                let extra = operation.lines.isEmpty ? "" : ", " + operation.lines.joined(separator: ", ")
                out.append("      - {name: \(operation.name), \(station), time: "
                           + "\(durationLaw(meanMinutes: operation.meanMinutes))\(extra)}")
            }
        }

        // load: mean minutes per order of the product mix, at each operation's first station
        let ordered = products.filter { $0.name != componentName }
        let component = products.first { $0.name == componentName }
        let quantityMean = 1.5
        for product in ordered {
            for operation in product.operations {
                work[operation.stations[0]] += operation.meanMinutes * quantityMean / Double(ordered.count)
            }
            if let component, product.operations.contains(where: { $0.lines.contains { $0.contains(componentName) } }) {
                for operation in component.operations {
                    work[operation.stations[0]] += operation.meanMinutes * quantityMean / Double(ordered.count)
                }
            }
        }
        var capacityOrdersPerMinute = Double.infinity
        for (index, station) in stations.enumerated() where work[index] > 0 {
            capacityOrdersPerMinute = min(capacityOrdersPerMinute, Double(station.machines) / work[index])
        }
        let utilisation = real(0.2, 0.5)
        let interarrivalMinutes = 1 / (utilisation * capacityOrdersPerMinute)

        // orders
        out.append("orders:")
        let mix = ordered.count == 1 ? "product: \(ordered[0].name)"
            : "mix: {\(ordered.enumerated().map { "\($0.element.name): \($0.offset + 1)" }.joined(separator: ", "))}"
        let quantity = chance(0.5) ? "quantity: \(int(1...2))" : "quantity: \"discrete(values: [1, 2], weights: [1, "
            + "1])\""
        let due = pick(["", ", due: \(durationLaw(meanMinutes: 600))", ", due_factor: 4"])
        let whenFull = chance(0.3) ? ", when_full: reject" : ""
        if whenFull.isEmpty == false { use("when_full reject") }
        if chance(0.5) {
            out.append("  - {name: demand, rate: \(fmt(60 / interarrivalMinutes)) /h, \(mix), "
                       + "\(quantity)\(due)\(whenFull), priority: \(int(0...2))}")
            use("orders rate")
        } else {
            let limit = chance(0.5) ? ", count: \(int(5...200))" : ", until: \(int(4...hours)) h"
            out.append("  - {name: demand, interarrival: \(durationLaw(meanMinutes: interarrivalMinutes)), \(mix), "
                       + "\(quantity)\(due)\(whenFull)\(limit)}")
            use("orders interarrival")
        }
        if chance(0.4) {
            use("orders schedule")
            out.append("  - name: plan")
            out.append("    schedule:")
            for k in 0..<int(1...4) {
                out.append("      - {at: \(k * int(1...5)) h, product: \(pick(ordered).name), quantity: "
                           + "\(int(1...3))\(chance(0.5) ? ", due: \(int(6...48)) h" : ""), priority: \(int(0...2))}")
            }
        }
        if chance(0.3) {
            use("orders file")
            let file = "orders-\(seed).csv"
            var csv = "time,product,quantity,due,priority\n"
            for k in 0..<int(1...4) {
                csv += "\(k * 2) h,\(pick(ordered).name),\(int(1...2)),\(chance(0.5) ? "30 h" : ""),\(int(0...1))\n"
            }
            files[file] = csv
            out.append("  - {name: erp, file: \(file)}")
        }
        if chance(0.25) { out.append("release: {conwip: \(int(1...6))}"); use("conwip") }
        if chance(0.1) { out.append("stop_after_jobs: \(int(5...50))"); use("stop_after_jobs") }
        if chance(0.5) {
            out.append("recording: {events: all, sample: 30 min}")
            use("recording")
        }
        if chance(0.4) { out += transport(stations: stations.map(\.name)) }
        return GeneratedScenario(yaml: out.joined(separator: "\n") + "\n", files: files, mechanisms: mechanisms)
    }

    /// A `transport:` section: links between distinct stations by a delay, a conveyor or a vehicle
    /// fleet with positions.
    private mutating func transport(stations: [String]) -> [String] {
        var lines = ["transport:", "  metric: \(pick(["euclidean", "rectilinear"]))", "  positions:"]
        for name in stations { lines.append("    \(name): [\(int(0...60)), \(int(0...40))]") }
        lines.append("  vehicles:")
        lines.append("    agv: {count: \(int(1...2)), speed: \(fmt(real(0.5, 2))), load: \(int(0...40)) s, "
                     + "unload: \(int(0...40)) s, dispatch: \(pick(["fifo", "nearest"]))}")
        lines.append("  links:")
        var pairs: [(Int, Int)] = []
        for from in stations.indices {
            for to in stations.indices where to != from { pairs.append((from, to)) }
        }
        for _ in 0..<int(1...min(4, pairs.count)) {
            let (from, to) = pairs.remove(at: int(0...(pairs.count - 1)))
            let head = "    - {from: \(stations[from]), to: \(stations[to]), "
            switch int(0...2) {
            case 0:
                use("transport delay")
                lines.append(head + "time: \(durationLaw(meanMinutes: real(0.5, 5)))}")
            case 1:
                use("transport conveyor")
                lines.append(head + "conveyor: {length: \(int(5...60)), speed: \(fmt(real(0.05, 0.5))), "
                             + "capacity: \(int(1...6))}}")
            default:
                use("transport vehicle")
                let trip = chance(0.3) ? ", time: \(durationLaw(meanMinutes: 2))" : ""
                lines.append(head + "vehicle: agv\(trip)}")
            }
        }
        return lines
    }
}
