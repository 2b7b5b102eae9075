import TaktKernel

// The fleet's invariants: machine states against held jobs, pending events and the lists that wait for them.
// Compiled only with -DTAKT_INTERNAL_CHECKS; called from `_checkInvariants` after every event.
#if TAKT_INTERNAL_CHECKS
extension FactoryModel {
    /// Machine states agree with held jobs, pending completions, failures, blocking and the
    /// lists of machines waiting for something.
    func _checkMachines(calendar: borrowing EventCalendar<FactoryEvent>) {
        let now = calendar.now
        for m in fleet.machines.indices {
            let machine = fleet.machines[m]
            let health = reliability.health[m]
            let name = "machine \(m) (station \(machine.station), \(machine.state.name))"
            precondition(machine.stateSince <= now, "\(name): state since \(machine.stateSince), after now \(now)")
            precondition(health.wear >= 0 && !health.wear.isNaN, "\(name): wear \(health.wear)")
            if let batch = configuration.stations[Int(machine.station)].batch {
                precondition(machine.heldCount <= batch.maxSize,
                             "\(name) holds \(machine.heldCount) jobs, batch max \(batch.maxSize)")
            } else {
                precondition(machine.heldCount <= 1, "\(name) holds \(machine.heldCount) jobs at a single-job station")
            }
            if let completion = machine.completion {
                precondition(calendar.payload(of: completion) == .completion(machine: Int32(m)),
                             "\(name): its completion event is not pending (or not its own)")
                precondition(machine.state == .busy || machine.state == .setup, "\(name) has a pending completion")
            }
            switch machine.state {
            case .busy, .setup:
                precondition(machine.completion != nil, "\(name) has no pending completion")
                precondition(machine.heldCount > 0, "\(name) holds no job")
                precondition(machine.interrupted == nil && machine.blockedOn < 0,
                             "\(name): interrupted \(String(describing: machine.interrupted)), blocked on "
                                 + "\(machine.blockedOn)")
                precondition(machine.inSetup == (machine.state == .setup), "\(name): inSetup \(machine.inSetup)")
            case .blocked:
                precondition(machine.heldCount > 0 && machine.blockedOn >= 0,
                             "\(name): holds \(machine.heldCount), blocked on \(machine.blockedOn)")
            case .idle, .maintenance:
                precondition(machine.heldCount == 0 && machine.interrupted == nil,
                             "\(name): holds \(machine.heldCount), interrupted "
                                 + "\(String(describing: machine.interrupted))")
            case .starved, .offShift, .down:
                // a step suspended for want of an operator, a shift break or a repair keeps its jobs
                precondition(machine.heldCount == 0 || machine.interrupted != nil || machine.blockedOn >= 0,
                             "\(name) holds \(machine.heldCount) jobs with no interrupted step and no blocking")
            }
            if machine.interrupted != nil {
                precondition(machine.heldCount > 0, "\(name) has an interrupted step but holds no job")
            }
            if machine.blockedOn >= 0 {
                let target = Int(machine.blockedOn)
                var entries = 0
                for k in 0..<flow.blockedMachines[target].count where flow.blockedMachines[target][k] == Int32(m) {
                    entries += 1
                }
                precondition(entries == 1, "\(name) is blocked on station \(target) but listed there \(entries) times")
                precondition(machine.heldCount > 0, "\(name) is blocked on station \(target) holding nothing")
            }
            if let event = health.failureEvent {
                precondition(calendar.payload(of: event) == .failure(machine: Int32(m)),
                             "\(name): its failure event is not pending (or not its own)")
            }
            if machine.state != .down {
                precondition(reliability.repairingMember[m] < 0 && health.technician < 0
                             || machine.state == .maintenance,
                             "\(name) is not down but has repairer \(reliability.repairingMember[m]) / technician "
                                 + "\(health.technician)")
            }
        }
        for station in flow.blockedMachines.indices {
            for k in 0..<flow.blockedMachines[station].count {
                let m = Int(flow.blockedMachines[station][k])
                precondition(fleet.machines[m].blockedOn == Int32(station),
                             "station \(station) lists machine \(m) as blocked on it, which is blocked on "
                                 + "\(fleet.machines[m].blockedOn)")
            }
        }
        for m in workforce.suspendedSteps {
            precondition(fleet.machines[Int(m)].interrupted != nil && fleet.machines[Int(m)].operatorWorker < 0
                         && fleet.machines[Int(m)].completion == nil,
                         "suspended machine \(m): interrupted "
                             + "\(String(describing: fleet.machines[Int(m)].interrupted)), operator "
                         + "\(fleet.machines[Int(m)].operatorWorker)")
        }
        precondition(Set(workforce.suspendedSteps).count == workforce.suspendedSteps.count,
                     "a machine is suspended twice: \(workforce.suspendedSteps)")
        precondition(Set(workforce.maintenanceQueue).count == workforce.maintenanceQueue.count,
                     "a machine waits twice for maintenance: \(workforce.maintenanceQueue)")
        var waitingForRepair = Set<Int32>()
        for k in 0..<workforce.technicianQueue.count {
            let m = workforce.technicianQueue[k]
            precondition(waitingForRepair.insert(m).inserted, "machine \(m) waits twice for a repairer")
            precondition(fleet.machines[Int(m)].state == .down && reliability.health[Int(m)].technician < 0,
                         "machine \(m) waits for a technician while \(fleet.machines[Int(m)].state.name), technician "
                             + "\(reliability.health[Int(m)].technician)")
        }
        for crew in reliability.repairQueues.indices {
            for k in 0..<reliability.repairQueues[crew].count {
                let m = reliability.repairQueues[crew][k]
                precondition(waitingForRepair.insert(m).inserted, "machine \(m) waits twice for a repairer")
                precondition(fleet.machines[Int(m)].state == .down && reliability.repairingMember[Int(m)] < 0,
                             "machine \(m) waits for crew \(crew) while \(fleet.machines[Int(m)].state.name), repairer "
                                 + "\(reliability.repairingMember[Int(m)])")
            }
        }
        for station in flow.dispatching.indices {
            precondition(!flow.dispatching[station], "station \(station) is still dispatching between events")
        }
    }
}
#endif
