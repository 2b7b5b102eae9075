import TaktKernel

extension FactoryModel {
    /// The job's random numbers for this execution of an operation: a stream seeded by (job,
    /// operation, rework loop), so variants that change setpoints, inspections or controllers
    /// still draw the same noise and the same defect lottery for the same part.
    @inline(__always)
    func qualityStream(job: Int, routeIndex: Int) -> Xoshiro256StarStar {
        let key = UInt64(bitPattern: flow.jobs[job].serial) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(routeIndex) << 32
            ^ UInt64(flow.jobs[job].reworks)
        return Xoshiro256StarStar(seed: SplitMix64.mix(qualitySystem.qualityStreamBase ^ key))
    }

    /// An operation with a recipe ran on machine `m`: actual parameter values are drawn around
    /// the setpoints (observable), and the part may become defective (hidden) by the
    /// operation's quality model.
    mutating func executeRecipe(job: Int32, machine m: Int, routeIndex: Int, operatorEfficiency: Double, now: Double) {
        var rng = qualityStream(job: Int(job), routeIndex: routeIndex)
        let first = qualitySystem.qualityTable.parameterOffset[routeIndex]
        let count = qualitySystem.qualityTable.parameterOffset[routeIndex + 1] - first
        for k in 0..<count {
            let sd = qualitySystem.qualityTable.noiseSD[first + k]
            qualitySystem.actualParameters[k] = qualitySystem.setpoints[first + k]
                + (sd > 0 ? sd * Distribution.standardNormal(&rng) : 0)
        }
        if let effect = configuration.stations[Int(fleet.machines[m].station)].wear?.recipeEffect,
           case let product = routes.product(ofRoute: routeIndex),
           let k = configuration.products[product].routing[routeIndex - routes.offset[product]].recipe
               .firstIndex(where: { $0.name == effect.parameter }) {
            reliability.health[m].recipeWearFactor =
                max(0, 1 + effect.perUnit * (qualitySystem.actualParameters[k] - effect.reference))
        }
        // the log's view: the actual values, with the measurement error of each logged parameter
        // (its own stream, so the defect lottery below is the same with or without it)
        let withError = qualitySystem.qualityTable.logsWithError[routeIndex]
        if withError {
            var parent = qualityStream(job: Int(job), routeIndex: routeIndex)
            var log = Xoshiro256StarStar(seed: parent.next() ^ 0x6C6F_6767_6564_0000)
            for k in 0..<count {
                let sd = qualitySystem.qualityTable.measurementSD[first + k]
                qualitySystem.loggedParameters[k] = qualitySystem.actualParameters[k]
                    + (sd > 0 ? sd * Distribution.standardNormal(&log) : 0)
            }
        }
        if instrumentation.recording.quality || hasQualityController {
            let logged = withError ? qualitySystem.loggedParameters[0..<count]
                                   : qualitySystem.actualParameters[0..<count]
            if instrumentation.recording.quality {
                instrumentation.recipeExecuted(job: flow.jobs[Int(job)].serial, route: routeIndex, parameters: logged,
                                               at: now)
            }
            if hasQualityController {
                notifyQualityControllers(.processed(job: flow.jobs[Int(job)].serial, operation: routeIndex, machine: m,
                                                    time: now, parameters: Array(logged)), now: now)
            }
        }
        guard let model = qualitySystem.qualityTable.model[routeIndex], flow.jobs[Int(job)].defect == 0 else { return }
        let station = Int(fleet.machines[m].station)
        var p = model.probability { input in
            switch input {
            case .parameter(let k): return qualitySystem.actualParameters[k]
            case .environment(let variable): return environment.value(variable, at: now)
            case .wear: return reliability.health[m].wear
            case .operatorSkill: return operatorEfficiency
            case .time: return now / 86_400
            case .batch(let period): return qualitySystem.batchEffect(route: routeIndex, period: period, at: now)
            }
        }
        if environment.affects(.defectProbability, station: station) {
            p = min(1, p * environment.factor(.defectProbability, station: station, at: now))
        }
        guard rng.nextUnit() < p else { return }
        var u = rng.nextUnit()
        var defectClass = model.classShares.last?.defectClass ?? 0
        for (candidate, share) in model.classShares {
            if u < share { defectClass = candidate; break }
            u -= share
        }
        flow.jobs[Int(job)].defect = Int8(defectClass + 1)
        instrumentation.defectMade(job: flow.jobs[Int(job)].serial, defectClass: Int32(defectClass + 1), at: now)
    }

    /// An inspection classifies the part from its true class through the confusion matrix. A
    /// rejected part is scrapped or reworked (its defect repaired); nil means it passed.
    mutating func inspect(_ job: Int32, routeIndex: Int, now: Double) -> GanttRow.Outcome? {
        guard let inspection = qualitySystem.qualityTable.inspection[routeIndex] else { return nil }
        let index = Int(job)
        var rng = qualityStream(job: index, routeIndex: routeIndex)
        let truth = Int(flow.jobs[index].defect)
        var row = inspection.confusion[min(truth, inspection.confusion.count - 1)]
        if qualitySystem.hasLearners {
            catchUpVision(now)
            if let learner = qualitySystem.learners[routeIndex] {
                row = learner.confusion[min(truth, learner.confusion.count - 1)]
            }
        }
        var u = rng.nextUnit()
        var verdict = row.count - 1
        for (predicted, probability) in row.enumerated() {
            if u < probability { verdict = predicted; break }
            u -= probability
        }
        if qualitySystem.hasLearners {
            if qualitySystem.learners[routeIndex] != nil {
                visionClassified(job: index, route: routeIndex, truth: truth, verdict: verdict)
            }
            if qualitySystem.labelsFor[routeIndex] >= 0 {
                visionLabelled(camera: qualitySystem.labelsFor[routeIndex], truth: truth, verdict: verdict)
            }
        }
        let quantity = Int(flow.jobs[index].quantity)
        instrumentation.inspected(job: flow.jobs[index].serial, route: routeIndex, truth: truth, verdict: verdict,
                                  classes: row.count, quantity: quantity, recheck: inspection.onReject == .recheck,
                                  at: now)
        if hasQualityController {
            notifyQualityControllers(.inspected(InspectionResult(time: now, job: flow.jobs[index].serial,
                                                                 operation: Int32(routeIndex),
                                                                 verdict: Int32(verdict))), now: now)
        }
        if verdict == 0 {
            if inspection.onReject == .recheck { flow.jobs[index].operation += 1 }   // skips the re-check
            return nil
        }
        if inspection.onReject == .recheck { return nil }
        switch inspection.onReject {
        case .scrap, .recheck:
            return .scrapped
        case .rework(let target):
            flow.jobs[index].operation = Int32(target)
            flow.jobs[index].reworks += 1
            flow.jobs[index].defect = 0
            instrumentation.jobReworked(quantity: quantity)
            return .rework
        }
    }

    /// Moves the job past inspections that its sampling plan skips (1 in N inspects).
    @inline(__always)
    mutating func skipUnsampledInspections(_ job: Int) {
        let product = flow.jobs[job].product
        let count = routes.count(product: product)
        while Int(flow.jobs[job].operation) < count {
            let routeIndex = routes.index(product: product, operation: flow.jobs[job].operation)
            guard let inspection = qualitySystem.qualityTable.inspection[routeIndex], inspection.every > 1 else {
                return
            }
            qualitySystem.inspectionCounter[routeIndex] += 1
            if (qualitySystem.inspectionCounter[routeIndex] - 1) % inspection.every == 0 { return }
            flow.jobs[job].operation += 1
        }
    }
}
