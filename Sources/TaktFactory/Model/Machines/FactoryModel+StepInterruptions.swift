import TaktKernel

extension FactoryModel {
    // A machine's setup or step stops part-way — it fails, its station's shift ends, or its
    // operator's shift ends under the `interrupt` rule — and carries on later from where it
    // stopped (or from the start, for a failure whose steps restart). These two functions are the
    // only places that happens.

    /// Suspends the setup or step in progress on `m`: its completion is cancelled, the operating
    /// clock stopped, and what is left (all of it when `restart`) kept for `resumeStep`. The
    /// machine's state is left to the caller. False if nothing was in progress.
    @discardableResult
    mutating func suspendStep(_ m: Int, restart: Bool, calendar: inout EventCalendar<FactoryEvent>) -> Bool {
        guard let completion = fleet.machines[m].completion, let end = calendar.time(of: completion) else {
            return false
        }
        let state = fleet.machines[m].state
        if state == .busy { stopOperatingClock(m, calendar: &calendar) }
        calendar.cancel(completion)
        fleet.machines[m].completion = nil
        fleet.machines[m].interrupted = state
        fleet.machines[m].remaining = restart ? fleet.machines[m].stepLength : end - calendar.now
        return true
    }

    /// Resumes the suspended setup or step of `m`: the machine returns to the state it was
    /// interrupted in, its completion is scheduled after what was left, and the operating clock
    /// runs again if it is processing.
    mutating func resumeStep(_ m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let interrupted = fleet.machines[m].interrupted ?? .busy
        fleet.machines[m].interrupted = nil
        setState(m, interrupted, at: calendar.now)
        fleet.machines[m].completion = calendar.schedule(.completion(machine: Int32(m)),
                                                         after: fleet.machines[m].remaining)
        if interrupted == .busy { startOperatingClock(m, calendar: &calendar) }
    }
}
