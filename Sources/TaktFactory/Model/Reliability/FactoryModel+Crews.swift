import TaktKernel

extension FactoryModel {
    /// A failed machine asks its crew for a repairer: a free member, else one on a side job
    /// (preempted; the side job resumes later), else it waits first come, first served.
    mutating func requestRepair(of m: Int, crew: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let members = reliability.crewFirstMember[crew]..<reliability.crewFirstMember[crew + 1]
        if let free = members.first(where: { reliability.crewMembers[$0].repairing < 0
            && reliability.crewMembers[$0].sideJob == nil }) {
            startRepair(of: m, by: free, calendar: &calendar)
        } else if let side = members.first(where: { reliability.crewMembers[$0].repairing < 0 }) {
            if let event = reliability.crewMembers[side].sideJob, let end = calendar.time(of: event) {
                reliability.crewMembers[side].sideJobRemaining = end - calendar.now
                calendar.cancel(event)
            }
            reliability.crewMembers[side].sideJob = nil
            startRepair(of: m, by: side, calendar: &calendar)
        } else {
            reliability.repairQueues[crew].append(Int32(m))
        }
    }

    mutating func startRepair(of m: Int, by member: Int, calendar: inout EventCalendar<FactoryEvent>) {
        reliability.crewMembers[member].repairing = Int32(m)
        reliability.crewMembers[member].busySince = calendar.now
        reliability.repairingMember[m] = Int32(member)
        let station = Int(fleet.machines[m].station)
        let law = reliability.health[m].wornOut ? configuration.stations[station].wear!.repairTime
            : configuration.stations[station].breakdowns!.repairTime
        let repair = law.sampleDuration(&reliability.health[m].rngRepair)
        if instrumentation.logsEvents { log(.repairStart, machine: Int32(m), worker: Int32(member), value: repair) }
        calendar.schedule(.repairDone(machine: Int32(m)), after: repair)
    }

    /// The repairer of `m` is free again: next repair in line, else back to side work.
    mutating func releaseRepairer(of m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let member = Int(reliability.repairingMember[m])
        guard member >= 0 else { return }
        reliability.repairingMember[m] = -1
        let crew = Int(reliability.crewMembers[member].crew)
        instrumentation.crewRepairEnded(crew: crew, busySince: reliability.crewMembers[member].busySince,
                                        at: calendar.now)
        reliability.crewMembers[member].repairing = -1
        if let next = reliability.repairQueues[crew].popFirst() {
            startRepair(of: Int(next), by: member, calendar: &calendar)
        } else {
            startSideJob(member, calendar: &calendar)
        }
    }

    /// Starts (or resumes) a side job, if the crew has side work.
    mutating func startSideJob(_ member: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let crew = Int(reliability.crewMembers[member].crew)
        guard let law = configuration.repairCrews[crew].sideJob else { return }
        var duration = reliability.crewMembers[member].sideJobRemaining
        if duration <= 0 { duration = law.sampleDuration(&reliability.crewMembers[member].rng) }
        reliability.crewMembers[member].sideJobRemaining = 0
        reliability.crewMembers[member].sideJob = calendar.schedule(.sideJobDone(member: Int32(member)),
                                                                    after: duration, priority: 1)
    }

    mutating func sideJobDone(_ member: Int, calendar: inout EventCalendar<FactoryEvent>) {
        reliability.crewMembers[member].sideJob = nil
        instrumentation.sideJobDone(crew: Int(reliability.crewMembers[member].crew))
        startSideJob(member, calendar: &calendar)
    }
}
