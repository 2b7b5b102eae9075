extension FactoryConfiguration {
    /// What makes this configuration impossible to run, in words (empty when it is valid).
    /// The scenario loader reports the same problems with file positions; this check guards
    /// configurations built in code.
    public func problems() -> [String] {
        var problems: [String] = []
        if stations.isEmpty { problems.append("no stations") }
        if let transport { problems += transport.problems(stations: stations.count) }
        if products.isEmpty { problems.append("no products") }
        for station in stations {
            if station.machines < 1 { problems.append("station \(station.name) has no machines") }
            if let capacity = station.bufferCapacity, capacity < 0 {
                problems.append("station \(station.name) has a negative buffer")
            }
            if let batch = station.batch, batch.minSize < 1 || batch.minSize > batch.maxSize {
                problems.append("station \(station.name): batch needs 1 ≤ min ≤ max")
            }
            if let setup = station.setup,
               setup.times.count != setup.families.count || setup.initial.count != setup.families.count {
                problems.append("station \(station.name): setup matrix does not match its families")
            }
            if let wear = station.wear {
                if !(wear.failureThreshold > 0) {
                    problems.append("station \(station.name): wear threshold must be positive")
                }
                if !(0...1).contains(wear.repairRestores) || !(0...1).contains(wear.maintenanceRestores) {
                    problems.append("station \(station.name): wear restoration shares must be in [0, 1]")
                }
                if let crew = wear.crew, !repairCrews.indices.contains(crew) {
                    problems.append("station \(station.name): unknown repair crew \(crew)")
                }
            }
            if let crew = station.breakdowns?.crew, !repairCrews.indices.contains(crew) {
                problems.append("station \(station.name): unknown repair crew \(crew)")
            }
        }
        problems += workerProblems()
        problems += qualityProblems()
        for product in products {
            if product.routing.isEmpty { problems.append("product \(product.name) has an empty routing") }
            for station in stations where station.setup != nil {
                if !(station.setup!.families.indices.contains(product.family)) {
                    problems.append("product \(product.name): family \(product.family) unknown at station "
                                    + "\(station.name)")
                }
            }
            for (index, operation) in product.routing.enumerated() {
                if operation.stations.isEmpty || !operation.stations.allSatisfy(stations.indices.contains) {
                    problems.append("product \(product.name), operation \(operation.name): unknown or no station")
                }
                if let rework = operation.rework, rework.toOperation > index || rework.toOperation < 0 {
                    problems.append("product \(product.name), operation \(operation.name): rework must go back, not "
                                    + "forward")
                }
                let p = operation.scrapProbability + (operation.rework?.probability ?? 0)
                if operation.scrapProbability < 0 || p > 1 {
                    problems.append("product \(product.name): scrap + rework probability above 1")
                }
                for use in operation.consumes {
                    switch use.item {
                    case .material(let m) where !materials.indices.contains(m): problems.append("unknown material \(m)")
                    case .product(let c) where !products.indices.contains(c): problems.append("unknown product \(c)")
                    default: break
                    }
                }
            }
        }
        for source in orderSources {
            if source.mix.contains(where: { !products.indices.contains($0.product) }) {
                problems.append("order source \(source.name) names an unknown product")
            }
            if case .schedule(let rows) = source.arrivals,
               rows.contains(where: { !products.indices.contains($0.product) }) {
                problems.append("order source \(source.name) schedules an unknown product")
            }
        }
        for sensor in sensors where !stations.indices.contains(sensor.station) || !(sensor.interval > 0)
            || !(0...1).contains(sensor.missingProbability) {
            problems.append("sensor \(sensor.name): unknown station, non-positive interval or missing probability "
                            + "outside [0, 1]")
        }
        if hasComponentCycle() { problems.append("the bill of materials has a cycle") }
        return problems
    }

    /// True if some product consumes itself through its sub-assemblies.
    func hasComponentCycle() -> Bool {
        var state = Array(repeating: 0, count: products.count)   // 0 new, 1 on path, 2 done
        func visit(_ p: Int) -> Bool {
            if state[p] == 1 { return true }
            if state[p] == 2 { return false }
            state[p] = 1
            for operation in products[p].routing {
                for use in operation.consumes {
                    if case .product(let child) = use.item, products.indices.contains(child), visit(child) {
                        return true
                    }
                }
            }
            state[p] = 2
            return false
        }
        return products.indices.contains { visit($0) }
    }
}
