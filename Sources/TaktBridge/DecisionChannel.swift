import Dispatch
import TaktFactory

/// The handshake between a caller (Python, through the C API) and a simulation running on its own
/// thread: when the model offers a decision, the simulation thread posts it here and sleeps until
/// the caller answers; the caller sleeps while the simulation runs.
///
/// The two threads strictly alternate — exactly one of them runs at any time, and each hands over
/// through a semaphore — so every field is touched by one thread at a time and the run is as
/// deterministic as a run on one thread: the same seed and the same answers give the same run.
final class DecisionChannel: @unchecked Sendable {
    /// How many waiting jobs a dispatch decision offers (the size of the action space).
    let maxJobs: Int
    private let toSimulation = DispatchSemaphore(value: 0)
    private let toCaller = DispatchSemaphore(value: 0)

    /// The decision waiting for an answer (nil while the simulation runs, or once it is over).
    private(set) var pending: DispatchDecision?
    /// The answer to `pending`: an index into its jobs.
    private var answer = 0
    /// Set by the caller to end the run early: every later offer is answered with nothing.
    private(set) var cancelled = false
    /// The run is over: its result, or why it failed.
    private(set) var finished = false
    var outcome: Result<RunOutcome, BridgeError>?

    /// What happened since the caller last took the increments.
    private(set) var increments = Increments()
    /// Due date, release time and operations left of every job seen queueing, by serial.
    private var jobs: [Int64: (due: Double, release: Double, operationsLeft: Int)] = [:]
    /// Decisions answered in this run.
    private(set) var decisions = 0

    init(maxJobs: Int) { self.maxJobs = maxJobs }

    // MARK: the simulation's side

    /// A station offers its free machines: the jobs that can start there (in queue order, at most
    /// `maxJobs`) go to the caller, whose choice starts on the station's free machine set up for
    /// its family, else its first free machine (as the built-in rules choose machines).
    func dispatch(at station: Int, shop: ShopObservation) -> [Assignment] {
        if cancelled { return [] }
        var slots: [ShopJob] = []
        for job in shop.queues[station] where job.canStart {
            slots.append(job)
            if slots.count == maxJobs { break }
        }
        guard !slots.isEmpty, !shop.freeMachines(at: station).isEmpty else { return [] }
        pending = DispatchDecision(station: station, shop: shop, jobs: slots)
        toCaller.signal()
        toSimulation.wait()
        pending = nil
        if cancelled { return [] }
        decisions += 1
        let job = slots[answer]
        guard let machine = DispatchRuleScheduler.machine(for: job, at: station, shop: shop) else { return [] }
        return [Assignment(job: job.serial, machine: machine)]
    }

    /// Follows jobs through the shop for the rewards: a job is done when the last operation of its
    /// routing finishes (its tardiness and flow time are counted then).
    func observe(_ event: ShopEvent, shop: ShopObservation) {
        switch event {
        case .queued(let serial, let station, _):
            if let job = shop.queues[station].last(where: { $0.serial == serial }) {
                jobs[serial] = (job.dueDate, job.releaseTime, job.operationsLeft)
            }
        case .finished(let serial, _, let time):
            guard let job = jobs[serial], job.operationsLeft <= 1 else { return }
            jobs[serial] = nil
            increments.completions += 1
            if job.due.isFinite { increments.tardiness += max(0, time - job.due) }
            increments.flowTime += time - job.release
        case .failed, .repaired:
            break
        }
    }

    /// The run is over (`outcome` is set): wakes the caller for the last time.
    func finish() {
        finished = true
        pending = nil
        toCaller.signal()
    }

    // MARK: the caller's side

    /// Waits until the simulation offers a decision or ends.
    func waitForSimulation() { toCaller.wait() }

    /// Answers the pending decision with job `index` and waits for the next decision or the end.
    /// - Precondition: a decision is pending and `index` is one of its jobs.
    func answer(_ index: Int) {
        precondition(pending != nil && index >= 0 && index < pending!.jobs.count, "no such choice")
        answer = index
        toSimulation.signal()
        toCaller.wait()
    }

    /// Ends the run early and waits until the simulation thread is done with it.
    func cancel() {
        guard !finished else { return }
        cancelled = true
        if pending != nil { toSimulation.signal() }
        toCaller.wait()
    }

    /// The increments since the last call, cleared.
    func takeIncrements() -> Increments {
        defer { increments = Increments() }
        return increments
    }
}

/// A dispatch decision waiting for the caller: the station offered and the jobs it may start.
struct DispatchDecision {
    var station: Int
    var shop: ShopObservation
    /// The jobs that can start, in queue order (at most `maxJobs`): the action indexes them.
    var jobs: [ShopJob]
}

/// What happened between two decisions, for the rewards: jobs done, and their tardiness and flow
/// time (seconds).
struct Increments {
    var completions = 0
    var tardiness = 0.0
    var flowTime = 0.0
}

/// A finished run: its KPIs and how it ended.
struct RunOutcome {
    var kpis: [(name: String, value: Double)]
    /// True when the run stopped at its time horizon (`run.length`) rather than by itself.
    var truncated: Bool
    var interrupted: Bool
}
