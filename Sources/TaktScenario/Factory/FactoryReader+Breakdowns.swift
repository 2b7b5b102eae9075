import TaktFactory
import TaktKernel

extension FactoryReader {
    /// `breakdowns: {time_to_failure: …, basis: operating, repair: …, after_repair: resume, crew: …}`.
    func readBreakdowns(_ node: Located, path: String) -> BreakdownSpec? {
        guard let breakdowns = node.mapping(path) else { return nil }
        let failureNode = breakdowns.required("time_to_failure", expected: "e.g. 'exponential(mean: 8 h)'")
        let timeToFailure = failureNode?.distribution("\(path).time_to_failure")
        let basis = breakdowns.optional("basis")?.choice("\(path).basis", among: [
            "operating": FailureBasis.operatingTime, "calendar": FailureBasis.calendarTime])
        let repair = breakdowns.required("repair",
                                         expected: "the repair time, e.g. 'lognormal(mean: 30 min, sd: 10 min)'")?
            .distribution("\(path).repair")
        let afterRepair = breakdowns.optional("after_repair")?.choice("\(path).after_repair", among: [
            "resume": InterruptedStep.resume, "restart": InterruptedStep.restart])
        let crewNode = breakdowns.optional("crew")
        let crew = crewNode.flatMap { crews.resolve($0, what: "\(path).crew") }
        let technician = readTechnician(breakdowns, crewNode: crewNode, path: path)
        breakdowns.finish()
        if let timeToFailure, let failureNode, !(timeToFailure.mean > 0) {
            failureNode.error("\(path).time_to_failure must have a positive mean")
            return nil
        }
        guard let timeToFailure, let repair, crewNode == nil || crew != nil else { return nil }
        var spec = BreakdownSpec(timeToFailure: timeToFailure, basis: basis ?? .operatingTime, repairTime: repair,
                                 afterRepair: afterRepair ?? .resume, crew: crew)
        spec.byTechnician = technician
        return spec
    }

    /// `technician: true`: the repair waits for a worker with the `repair` skill (not with `crew`).
    func readTechnician(_ fields: MappingReader, crewNode: Located?, path: String) -> Bool {
        guard let node = fields.optional("technician"), let technician = node.boolean("\(path).technician")
        else { return false }
        if technician && crewNode != nil {
            node.error("\(path): give either 'crew' (a repair crew) or 'technician: true' (a worker with the 'repair' "
                           + "skill), not both")
        }
        return technician
    }

    /// `maintenance: [{start: 1 d, duration: 4 h, every: 7 d}, …]`: planned windows.
    func readMaintenance(_ node: Located, path: String) -> [MaintenanceWindow] {
        guard let items = node.sequence(path) else { return [] }
        return items.enumerated().compactMap { offset, item in
            let itemPath = "\(path)[\(offset + 1)]"
            guard let window = item.mapping(itemPath) else { return nil }
            let start = window.required("start",
                                        expected: "when the first window "
                                            + "opens, e.g. '1 d'")?.duration("\(itemPath).start")
            let duration = window.required("duration", expected: "how long it lasts, e.g. '4 h'")?
                .duration("\(itemPath).duration", allowZero: false)
            let everyNode = window.optional("every")
            let every = everyNode?.duration("\(itemPath).every", allowZero: false)
            window.finish()
            guard let start, let duration else { return nil }
            if let every, let everyNode, every <= duration {
                everyNode.error("\(itemPath).every must be longer than its duration (windows would overlap)")
                return nil
            }
            return MaintenanceWindow(start: start, duration: duration, period: every)
        }
    }

    /// `repair_crews: {fitters: {size: 2, side_job: 30 min}}`.
    func readCrews(_ node: Located?) -> [RepairCrewSpec] {
        guard let node, let crewsMapping = node.mapping("repair_crews") else { return [] }
        return crewsMapping.namedEntries.compactMap { entry in
            let path = "repair_crews.\(entry.name)"
            if entry.value.isNull { return RepairCrewSpec(name: entry.name) }
            guard let crew = entry.value.mapping(path) else { return nil }
            let size = crew.optional("size")?.integer("\(path).size", in: 1...1_000_000)
            let sideJobNode = crew.optional("side_job")
            let sideJob = sideJobNode?.distribution("\(path).side_job")
            crew.finish()
            if let sideJob, let sideJobNode, !(sideJob.mean > 0) {
                sideJobNode.error("\(path).side_job must have a positive mean")
            }
            return RepairCrewSpec(name: entry.name, size: size ?? 1, sideJob: sideJob)
        }
    }
}
