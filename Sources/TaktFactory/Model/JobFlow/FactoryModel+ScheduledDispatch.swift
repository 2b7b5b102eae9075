import TaktKernel

extension FactoryModel {
    /// What became of one start a scheduler asked for.
    enum AssignmentOutcome {
        case started, rejected, waitingForOperator
    }

    /// Dispatching through the scheduling seam: while machines are free and jobs wait, the
    /// station is offered to the scheduler and the starts it asks for are made. An offer answered
    /// with nothing holds the work back: the free machines wait, idle.
    mutating func dispatchScheduled(at station: Int, calendar: inout EventCalendar<FactoryEvent>) {
        var held = false
        while !flow.queues[station].isEmpty && hasFreeMachine(at: station) {
            let assignments = askSchedulers(at: station, shop: shopObservation(at: calendar.now))
            var started = 0, rejected = 0, waiting = false
            for assignment in assignments {
                switch startAssigned(assignment, at: station, calendar: &calendar) {
                case .started: started += 1
                case .rejected: rejected += 1
                case .waitingForOperator: waiting = true
                }
            }
            if rejected > 0 { schedulerStartsRejected(rejected) }
            if started == 0 {
                held = assignments.isEmpty || !waiting
                break
            }
        }
        settleFreeMachines(at: station, now: calendar.now, held: held)
        scheduleSchedulingReview(calendar: &calendar)
    }

    /// Is a machine of the station free?
    func hasFreeMachine(at station: Int) -> Bool {
        for m in fleet.machines(of: station) where isFree(m) { return true }
        return false
    }

    /// Makes one start: the job must wait at the station and be able to start, the machine must
    /// be one of the station's and free; an operator is assigned when the step or the setup
    /// needs one (without a free one the station waits for one).
    mutating func startAssigned(_ assignment: Assignment, at station: Int,
                                calendar: inout EventCalendar<FactoryEvent>) -> AssignmentOutcome {
        let m = assignment.machine
        guard fleet.machines(of: station).contains(m), isFree(m),
              let position = queuePosition(of: assignment.job, at: station),
              canStart(flow.queues[station][position], at: station) else { return .rejected }
        let family = routes.family[Int(flow.jobs[Int(flow.queues[station][position])].product)]
        var worker = -1
        if stationTable.operatorNeed[station] != nil && needsOperator(m, family: family) {
            guard let free = chooseWorker(slot: station) else {
                workforce.waitingForOperator[station] = true
                return .waitingForOperator
            }
            worker = free
        }
        startWaiting(at: position, station: station, on: m, worker: worker, calendar: &calendar)
        return .started
    }

    /// Where the job with this serial waits in the station's queue.
    func queuePosition(of serial: Int64, at station: Int) -> Int? {
        for (position, job) in flow.queues[station].enumerated() where flow.jobs[Int(job)].serial == serial {
            return position
        }
        return nil
    }

    /// Takes the job at `position` out of the station's queue and starts it on machine `m`
    /// (with operator `worker`, or -1). Inlined into the rule path, which ran it inline before.
    @inline(__always)
    mutating func startWaiting(at position: Int, station: Int, on m: Int, worker: Int,
                               calendar: inout EventCalendar<FactoryEvent>) {
        let job = flow.queues[station].remove(at: position)
        if worker >= 0 { assign(worker, task: .operate, machine: m, now: calendar.now) }
        instrumentation.queueChanged(station: station, length: flow.queues[station].count, at: calendar.now)
        startJobs(on: m, jobs: CollectionOfOne(job), calendar: &calendar)
    }
}
