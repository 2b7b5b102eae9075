import TaktFactory

extension FactoryReader {
    /// `workers: {operators: {count: 4, skills: {saw: 1, weld: 0.8, repair: 1}, calendar: two_shifts,
    /// cost_per_hour: 32, shift_premium: 0.1, overtime_premium: 0.5}}` — skills name stations
    /// (operating or inspecting there) or `repair`; a list `[saw, weld]` means efficiency 1 each.
    func readWorkers(_ node: Located?) -> [WorkerPoolSpec] {
        guard let node, let pools = node.mapping("workers") else { return [] }
        return pools.namedEntries.compactMap { entry in
            let path = "workers.\(entry.name)"
            guard let fields = entry.value.mapping(path) else { return nil }
            let count = fields.required("count", expected: "the head count, e.g. 4")?.integer("\(path).count",
                                                                                              in: 0...1_000_000)
            let skills = fields.required("skills", expected: "what they may do, e.g. {weld: 1.0, repair: 0.8}")
                .map { readSkills($0, path: "\(path).skills") } ?? [:]
            var calendar: ShiftCalendar?
            if let calendarNode = fields.optional("calendar"),
               let index = calendarNames.resolve(calendarNode, what: "\(path).calendar") {
                calendar = calendars[index]
            }
            let wage = fields.optional("cost_per_hour")?.number("\(path).cost_per_hour", in: 0 ... .infinity) ?? 0
            let shiftPremium = fields.optional("shift_premium")?.number("\(path).shift_premium", in: 0 ... 10) ?? 0
            let overtimePremium = fields.optional("overtime_premium")?.number("\(path).overtime_premium", in: 0 ... 10)
                                               ?? 0
            fields.finish()
            guard let count else { return nil }
            return WorkerPoolSpec(name: entry.name, count: count, skills: skills, calendar: calendar, costPerHour: wage,
                                  shiftPremium: shiftPremium, overtimePremium: overtimePremium)
        }
    }

    /// Skills as `{station: efficiency, repair: efficiency}` or as a list of names (efficiency 1).
    func readSkills(_ node: Located, path: String) -> [WorkerSkill: Double] {
        var skills: [WorkerSkill: Double] = [:]
        func add(_ nameNode: Located, efficiency: Double?) {
            guard let name = nameNode.scalarText, let efficiency else { return }
            if name == "repair" {
                skills[.repair] = efficiency
            } else if let station = stations.resolve(nameNode, what: "\(path) (a station name or 'repair')") {
                skills[.operate(station: station)] = efficiency
            }
        }
        if case .sequence = node.node, let list = node.sequence(path) {
            for item in list { add(item, efficiency: 1) }
        } else if let mapping = node.mapping("\(path) (a mapping {station: efficiency} or a list of stations)") {
            for entry in mapping.namedEntries {
                add(entry.key, efficiency: entry.value.number("\(path).\(entry.name)", in: 0.01 ... 100))
            }
        }
        return skills
    }

    /// `worker_choice: first_free | least_busy | most_qualified`.
    func readWorkerChoice(_ node: Located?) -> WorkerChoice {
        node?.choice("worker_choice", among: [
            "first_free": WorkerChoice.firstFree, "least_busy": .leastBusy, "most_qualified": .mostQualified])
                ?? .firstFree
    }
}

extension FactoryReader {
    /// Checks what needs the whole factory to be read, at the key that asks for it: stations that
    /// need operators and repairs that need technicians when no worker pool has the skill, and a
    /// wear `recipe_effect` naming a parameter no operation at the station has.
    func checkCrossReferences(_ configuration: FactoryConfiguration) {
        func qualified(_ skill: WorkerSkill) -> Bool {
            configuration.workerPools.contains { $0.count > 0 && $0.skills[skill] != nil }
        }
        guard let stationsNode = top.optional("stations"), case .mapping = stationsNode.node,
              let stationFields = stationsNode.mapping("stations") else { return }
        var fieldsByName: [String: Located] = [:]
        for entry in stationFields.namedEntries where fieldsByName[entry.name] == nil {
            fieldsByName[entry.name] = entry.value
        }
        for (index, station) in configuration.stations.enumerated() {
            guard let fields = fieldsByName[station.name],
                  case .mapping = fields.node, let reader = fields.mapping("stations.\(station.name)") else { continue }
            if station.operators != nil, !qualified(.operate(station: index)), let node = reader.keyNode("operators") {
                node.error("stations.\(station.name).operators: no worker pool has the skill '\(station.name)'; "
                           + "add it to a pool under 'workers:', e.g. 'skills: {\(station.name): 1.0}'")
            }
            if station.operators != nil, station.batch != nil, let node = reader.keyNode("operators") {
                node.error("stations.\(station.name).operators: operators are not supported on batch stations yet")
            }
            if let effect = station.wear?.recipeEffect,
               !configuration.products.contains(where: {
                   $0.routing.contains {
                       $0.stations.contains(index) && $0.recipe.contains { $0.name == effect.parameter }
                   }
               }),
               let wearNode = reader.optional("wear"), case .mapping = wearNode.node,
               let node = wearNode.mapping("stations.\(station.name).wear")?.keyNode("recipe_effect") {
                node.error("stations.\(station.name).wear.recipe_effect: no operation at this station has a recipe "
                               + "parameter '\(effect.parameter)'")
            }
            let needsTechnician = (station.breakdowns?.byTechnician ?? false) || (station.wear?.byTechnician ?? false)
            if needsTechnician, !qualified(.repair) {
                let node = reader.keyNode(station.wear?.byTechnician == true ? "wear" : "breakdowns") ?? fields
                node.error("stations.\(station.name): repairs need a technician but no worker pool has the "
                               + "skill 'repair'")
            }
        }
    }
}
