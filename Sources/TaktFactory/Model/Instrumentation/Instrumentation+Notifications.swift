import TaktKernel

// What the mechanisms tell the instrumentation. Each notification names something that happened
// on the shop floor; the instrumentation decides what it counts. The mechanisms never write a
// statistic themselves, so a new KPI is added here and in `+Report`, not inside a mechanism.
extension Instrumentation {
    // MARK: the statistics period

    /// A statistics period starts (the run starts, warm-up or a deployment's transition ends),
    /// with the levels of the time-weighted quantities now.
    @inline(__always)
    mutating func periodStarts(at time: Double, machineStates: [MachineState],
                               levels: (wip: Int, queues: [Int], stock: [Int])) {
        statistics.reset(at: time, machineStates: machineStates, levels: levels)
        for k in warnings.indices { warnings[k].reset() }
    }

    /// Everything is accounted up to `time` (the run ends, or a report of the period so far).
    @inline(__always)
    mutating func periodEnds(at time: Double) {
        statistics.end = time
    }

    // MARK: jobs

    /// An order was turned away at a full first buffer.
    @inline(__always)
    mutating func orderLost() {
        statistics.lostOrders += 1
        statistics.totalLost += 1
    }

    /// A job entered the shop; `jobsInShop` counts it.
    @inline(__always)
    mutating func jobReleased(jobsInShop: Int, at now: Double) {
        statistics.totalReleased += 1
        statistics.wip.update(to: Double(jobsInShop), at: now)
    }

    /// A job left the shop (finished or scrapped); `jobsInShop` no longer counts it.
    @inline(__always)
    mutating func jobLeft(jobsInShop: Int, at now: Double) {
        statistics.wip.update(to: Double(jobsInShop), at: now)
    }

    /// A station's queue changed length.
    @inline(__always)
    mutating func queueChanged(station: Int, length: Int, at now: Double) {
        statistics.queueLength[station].update(to: Double(length), at: now)
    }

    /// A job completed its routing. `escapedDefect`: a top-level job left defective.
    @inline(__always)
    mutating func jobFinished(_ job: borrowing Job, escapedDefect: Bool, at now: Double) {
        let flowTime = now - job.releaseTime
        statistics.flowTime.record(flowTime)
        statistics.flowTimeMedian.record(flowTime)
        statistics.flowTime95.record(flowTime)
        statistics.finishedJobs += 1
        statistics.totalFinished += 1
        let product = Int(job.product)
        statistics.finishedByProduct[product] += 1
        statistics.unitsByProduct[product] += Int(job.quantity)
        statistics.makespan = now
        if job.reworks == 0 { statistics.quality.firstPassJobs += 1 }
        if escapedDefect {
            statistics.quality.escapedDefects += 1
            statistics.quality.escapedUnits += Int(job.quantity)
        }
        if job.isOrder {
            statistics.finishedOrders += 1
            statistics.leadTime.record(now - job.arrivalTime)
            if job.dueDate.isFinite {
                let late = max(0, now - job.dueDate)
                statistics.tardiness.record(late)
                if late == 0 { statistics.onTime += 1 }
            }
        }
    }

    /// A job was scrapped.
    @inline(__always)
    mutating func jobScrapped(product: Int32, quantity: Int32) {
        statistics.scrappedJobs += 1
        statistics.totalScrapped += 1
        statistics.scrappedByProduct[Int(product)] += 1
        statistics.quality.scrappedUnits += Int(quantity)
    }

    /// A job goes round a rework loop.
    @inline(__always)
    mutating func jobReworked(quantity: Int) {
        statistics.reworks += 1
        statistics.quality.reworkedUnits += quantity
    }

    // MARK: machines

    /// A step ended on a machine of `station` with `quantity` units, whose standard time (for the
    /// OEE's performance) is `idealTime`.
    @inline(__always)
    mutating func unitsProcessed(station: Int, quantity: Int, idealTime: Double) {
        statistics.processedUnits[station] += quantity
        statistics.idealTime[station] += idealTime
    }

    /// Units came out of a station's step good (they go on or are finished).
    @inline(__always)
    mutating func unitsGood(station: Int, quantity: Int) {
        statistics.goodUnits[station] += quantity
    }

    /// Machine `m` spent `duration` in `state` (within the statistics period).
    @inline(__always)
    mutating func machineSpent(_ duration: Double, in state: MachineState, machine m: Int) {
        statistics.machineStateTime[m * FactoryStatistics.stateCount + state.rawValue] += duration
    }

    /// A machine of `station` drew `kWh` at `price` per kWh.
    @inline(__always)
    mutating func energyDrawn(station: Int, kWh: Double, price: Double) {
        statistics.energyKWh[station] += kWh
        statistics.energyCost[station] += kWh * price
    }

    // MARK: reliability

    /// A machine of `station` failed (a breakdown or wear).
    @inline(__always)
    mutating func machineFailed(station: Int) {
        statistics.failures[station] += 1
    }

    /// A machine of `station` was repaired, `downtime` after it failed.
    @inline(__always)
    mutating func machineRepaired(station: Int, downtime: Double) {
        statistics.repairTime[station].record(downtime)
    }

    /// A member of `crew`, busy repairing since `busySince`, finished a repair.
    @inline(__always)
    mutating func crewRepairEnded(crew: Int, busySince: Double, at now: Double) {
        statistics.crewRepairTime[crew] += now - max(busySince, statistics.start)
    }

    /// A member of `crew` finished a side job.
    @inline(__always)
    mutating func sideJobDone(crew: Int) {
        statistics.sideJobsDone[crew] += 1
    }

    /// A maintenance (planned window or controller's order) started at a machine of `station`.
    @inline(__always)
    mutating func maintenanceStarted(station: Int) {
        statistics.maintenances[station] += 1
    }

    // MARK: warnings (scored against the truth; see `WarningScore`)

    /// A maintenance controller (active or shadow) ordered maintenance of machine `m`, which was
    /// (truth) `degrading` or not.
    mutating func warningsSeeOrder(machine m: Int, shadow: Bool, at time: Double, degrading: Bool) {
        warnings[shadow ? 1 : 0].warning(machine: m, at: time, degrading: degrading)
    }

    /// Machine `m` failed: from degradation (`wornOut`, which began at `degradingSince`) or a shock.
    mutating func warningsSeeFailure(of m: Int, at time: Double, degradingSince: Double, wornOut: Bool) {
        for k in warnings.indices {
            warnings[k].failure(machine: m, at: time, degradingSince: degradingSince, wornOut: wornOut)
        }
    }

    /// A maintenance renewed machine `m` before any failure.
    mutating func warningsSeeRenewal(of m: Int) {
        for k in warnings.indices { warnings[k].renewal(machine: m) }
    }

    // MARK: transport

    /// The transport statistics restart with the current loads and busy vehicles.
    mutating func transportPeriodStarts(at time: Double, loads: [Int], busy: [Int]) {
        statistics.transport.reset(at: time, loads: loads, busy: busy)
    }

    /// The parts on a link changed (a job boarded or arrived).
    @inline(__always)
    mutating func linkLoadChanged(_ link: Int, load: Int, at now: Double) {
        statistics.transport.load[link].update(to: Double(load), at: now)
    }

    /// A job arrived by a link after `transit` seconds.
    mutating func transportArrived(link: Int, transit: Double) {
        statistics.transport.trips[link] += 1
        statistics.transport.transitTime[link].record(transit)
    }

    /// The vehicles busy in a fleet changed.
    mutating func vehiclesBusyChanged(fleet: Int, busy: Int, at now: Double) {
        statistics.transport.busyVehicles[fleet].update(to: Double(busy), at: now)
    }

    /// A vehicle of `fleet` set off for a job that had waited `wait` seconds for one (until pickup).
    mutating func vehicleDispatched(fleet: Int, wait: Double) {
        statistics.transport.waitForVehicle[fleet].record(wait)
    }

    /// A shadow controller would have ordered a maintenance.
    @inline(__always)
    mutating func shadowMaintenanceOrdered() {
        statistics.shadowMaintenanceOrders += 1
    }

    // MARK: quality

    /// A part became defective (hidden truth, recorded apart for scoring).
    @inline(__always)
    mutating func defectMade(job serial: Int64, defectClass: Int32, at now: Double) {
        statistics.quality.defectsMade += 1
        if recording.quality { records.defects.append(DefectTruth(time: now, job: serial, defectClass: defectClass)) }
    }

    /// An inspection at `route` gave `verdict` (0: accepted) for part `serial` of true class
    /// `truth`, among `classes` verdicts; `recheck`: a rejection sends the part to a re-check.
    @inline(__always)
    mutating func inspected(job serial: Int64, route: Int, truth: Int, verdict: Int, classes: Int, quantity: Int,
                            recheck: Bool, at now: Double) {
        if recording.quality {
            records.inspections.append(InspectionResult(time: now, job: serial, operation: Int32(route),
                                                        verdict: Int32(verdict)))
        }
        statistics.quality.inspected += 1
        statistics.quality.inspectedUnits += quantity
        statistics.quality.confusion[route][truth * classes + verdict] += 1
        if verdict == 0 {
            if truth != 0 { statistics.quality.falseAccepts += 1 }
        } else if recheck {
            statistics.quality.flagged += 1
            if truth == 0 { statistics.quality.falseFlags += 1 }
        } else {
            statistics.quality.rejected += 1
            if truth == 0 { statistics.quality.falseRejects += 1 }
        }
    }

    // MARK: materials

    /// A material's stock changed.
    @inline(__always)
    mutating func stockChanged(material: Int, level: Int, at now: Double) {
        statistics.inventory[material].update(to: Double(level), at: now)
    }

    /// A replenishment of `material` was ordered.
    @inline(__always)
    mutating func replenishmentOrdered(material: Int) {
        statistics.replenishments[material] += 1
    }

    /// A waiting job could not start for want of `material` (counted once per job and operation).
    @inline(__always)
    mutating func stockout(material: Int) {
        statistics.stockouts[material] += 1
    }

    // MARK: people

    /// Worker `w` of `pool` spent `duration` on `activity` (at `station`, or -1 for repairs and maintenance).
    @inline(__always)
    mutating func workerWorked(_ w: Int, pool: Int, activity: Int, station: Int, duration: Double) {
        statistics.labour.recordTask(worker: w, pool: pool, activity: activity, station: station, duration: duration)
    }

    /// Worker `w` was at work for `duration`: scheduled time, or overtime after a shift end.
    @inline(__always)
    mutating func workerPresent(_ w: Int, duration: Double, overtime: Bool) {
        if overtime { statistics.labour.overtime[w] += duration } else { statistics.labour.presentTime[w] += duration }
    }

    // MARK: recorded rows

    /// An operation ended on a machine: its Gantt row and operation row, if recorded.
    @inline(__always)
    mutating func operationEnded(_ row: GanttRow, gantt: Bool) {
        if gantt { self.gantt.append(row) }
        if recording.operations { records.operations.append(row) }
    }

    /// The actual recipe parameters of an execution (observable process values), if recorded.
    @inline(__always)
    mutating func recipeExecuted(job serial: Int64, route: Int, parameters: ArraySlice<Double>, at now: Double) {
        guard recording.quality else { return }
        for (k, value) in parameters.enumerated() {
            records.process.append(ProcessReading(time: now, job: serial, operation: Int32(route), parameter: Int32(k),
                                                  value: value))
        }
    }

    /// A sensor read a machine: the reading (observable) and the hidden wear beside it (truth,
    /// recorded apart for scoring), if recorded.
    @inline(__always)
    mutating func sensorRead(_ reading: SensorReading, trueWear: Double) {
        guard recording.sensors else { return }
        records.sensors.append(reading)
        records.truth.append(WearTruth(time: reading.time, machine: reading.machine, wear: trueWear))
    }

    /// A learning camera started, retrained or drifted: what the plant saw since its previous
    /// row (observable) and its learning state and realised accuracy (truth, recorded apart).
    @inline(__always)
    mutating func cameraPeriodEnded(_ reading: VisionReading, truth: VisionTruth) {
        guard recording.quality else { return }
        records.vision.append(reading)
        records.visionTruth.append(truth)
    }
}
