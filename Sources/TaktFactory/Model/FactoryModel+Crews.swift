import TaktKernel

extension FactoryModel {
    /// A failed machine asks its crew for a repairer: a free member, else one on a side job
    /// (preempted; the side job resumes later), else it waits first come, first served.
    mutating func requestRepair(of m: Int, crew: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let members = crewFirstMember[crew]..<crewFirstMember[crew + 1]
        if let free = members.first(where: { crewMembers[$0].repairing < 0 && crewMembers[$0].sideJob == nil }) {
            startRepair(of: m, by: free, calendar: &calendar)
        } else if let side = members.first(where: { crewMembers[$0].repairing < 0 }) {
            if let event = crewMembers[side].sideJob, let end = calendar.time(of: event) {
                crewMembers[side].sideJobRemaining = end - calendar.now
                calendar.cancel(event)
            }
            crewMembers[side].sideJob = nil
            startRepair(of: m, by: side, calendar: &calendar)
        } else {
            repairQueues[crew].append(Int32(m))
        }
    }

    mutating func startRepair(of m: Int, by member: Int, calendar: inout EventCalendar<FactoryEvent>) {
        crewMembers[member].repairing = Int32(m)
        crewMembers[member].busySince = calendar.now
        repairingMember[m] = Int32(member)
        let station = Int(machines[m].station)
        let law = machines[m].wornOut ? configuration.stations[station].wear!.repairTime : configuration.stations[station].breakdowns!.repairTime
        let repair = law.sampleDuration(&machines[m].rngRepair)
        if logsEvents { log(.repairStart, machine: Int32(m), worker: Int32(member), value: repair) }
        calendar.schedule(.repairDone(machine: Int32(m)), after: repair)
    }

    /// The repairer of `m` is free again: next repair in line, else back to side work.
    mutating func releaseRepairer(of m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let member = Int(repairingMember[m])
        guard member >= 0 else { return }
        repairingMember[m] = -1
        let crew = Int(crewMembers[member].crew)
        statistics.crewRepairTime[crew] += calendar.now - max(crewMembers[member].busySince, statistics.start)
        crewMembers[member].repairing = -1
        if let next = repairQueues[crew].popFirst() {
            startRepair(of: Int(next), by: member, calendar: &calendar)
        } else {
            startSideJob(member, calendar: &calendar)
        }
    }

    /// Starts (or resumes) a side job, if the crew has side work.
    mutating func startSideJob(_ member: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let crew = Int(crewMembers[member].crew)
        guard let law = configuration.repairCrews[crew].sideJob else { return }
        var duration = crewMembers[member].sideJobRemaining
        if duration <= 0 { duration = law.sampleDuration(&crewMembers[member].rng) }
        crewMembers[member].sideJobRemaining = 0
        crewMembers[member].sideJob = calendar.schedule(.sideJobDone(member: Int32(member)), after: duration, priority: 1)
    }

    mutating func sideJobDone(_ member: Int, calendar: inout EventCalendar<FactoryEvent>) {
        crewMembers[member].sideJob = nil
        statistics.sideJobsDone[Int(crewMembers[member].crew)] += 1
        startSideJob(member, calendar: &calendar)
    }
}
