import TaktKernel

// The workforce's and the crews' invariants: one task each, and the machines they serve point back at them.
// Compiled only with -DTAKT_INTERNAL_CHECKS; called from `_checkInvariants` after every event.
#if TAKT_INTERNAL_CHECKS
extension FactoryModel {
    /// Each worker and crew member does at most one thing, and what they serve points back at them.
    func _checkPeople() {
        for w in workforce.workers.indices {
            let worker = workforce.workers[w]
            let m = Int(worker.machine)
            switch worker.task {
            case .none:
                precondition(m < 0, "worker \(w) has no task but machine \(m)")
            case .operate:
                precondition(m >= 0 && fleet.machines[m].operatorWorker == Int32(w),
                             "worker \(w) operates machine \(m), whose operator is "
                                 + "\(m >= 0 ? fleet.machines[m].operatorWorker : -1)")
            case .repair, .maintain:
                precondition(m >= 0 && reliability.health[m].technician == Int32(w),
                             "worker \(w) (\(worker.task)) serves machine \(m), whose technician is "
                                 + "\(m >= 0 ? reliability.health[m].technician : -1)")
            }
            if worker.task != .none {
                precondition(worker.present, "worker \(w) has task \(worker.task) but is not at work")
            }
            if worker.leaving { precondition(worker.present, "worker \(w) is leaving but not at work") }
        }
        for m in fleet.machines.indices {
            let op = Int(fleet.machines[m].operatorWorker), tech = Int(reliability.health[m].technician)
            if op >= 0 {
                precondition(workforce.workers[op].task == .operate && Int(workforce.workers[op].machine) == m,
                             "machine \(m) has operator \(op), who is \(workforce.workers[op].task) on machine "
                                 + "\(workforce.workers[op].machine)")
                // a station's own shift end (`interrupt`) parks the step, and its operator, until the next shift
                precondition(fleet.machines[m].state == .busy || fleet.machines[m].state == .setup
                             || fleet.machines[m].state == .offShift && fleet.machines[m].interrupted != nil,
                             "machine \(m) keeps operator \(op) while \(fleet.machines[m].state.name)")
            }
            if tech >= 0 {
                precondition((workforce.workers[tech].task == .repair || workforce.workers[tech].task == .maintain)
                             && Int(workforce.workers[tech].machine) == m,
                             "machine \(m) has technician \(tech), who is \(workforce.workers[tech].task) on machine "
                                 + "\(workforce.workers[tech].machine)")
                let expected: MachineState = workforce.workers[tech].task == .repair ? .down : .maintenance
                precondition(fleet.machines[m].state == expected,
                             "machine \(m) is \(fleet.machines[m].state.name) with a technician on "
                             + "\(workforce.workers[tech].task)")
            }
            let member = Int(reliability.repairingMember[m])
            if member >= 0 {
                precondition(reliability.crewMembers[member].repairing == Int32(m),
                             "machine \(m) has repairer \(member), who repairs "
                                 + "\(reliability.crewMembers[member].repairing)")
            }
        }
        for member in reliability.crewMembers.indices {
            let m = Int(reliability.crewMembers[member].repairing)
            if m >= 0 {
                precondition(reliability.repairingMember[m] == Int32(member) && fleet.machines[m].state == .down,
                             "crew member \(member) repairs machine \(m) (\(fleet.machines[m].state.name)), whose "
                                 + "repairer is \(reliability.repairingMember[m])")
                precondition(reliability.crewMembers[member].sideJob == nil,
                             "crew member \(member) repairs and does a side job at once")
            }
        }
    }
}
#endif
