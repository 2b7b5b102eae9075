import TaktKernel

extension FactoryModel {
    /// Applies every retrain and the drift of every learning camera due by `now`, each at its own
    /// time, writing a row to the `vision` tables for each (see `VisionLearner`).
    mutating func catchUpVision(_ now: Double) {
        for route in qualitySystem.learners.indices where qualitySystem.learners[route] != nil {
            if !qualitySystem.learners[route]!.started {
                qualitySystem.learners[route]!.started = true
                recordVision(route: route, kind: 0, at: 0)
            }
            while true {
                let learner = qualitySystem.learners[route]!
                let driftAt = learner.drifted ? Double.infinity : learner.spec.drift?.at ?? .infinity
                let next = min(learner.nextRetrain, driftAt)
                guard next <= now else { break }
                if driftAt <= learner.nextRetrain {
                    qualitySystem.learners[route]!.drift(keep: learner.spec.drift?.keep ?? 1)
                    recordVision(route: route, kind: 2, at: driftAt)
                } else {
                    qualitySystem.learners[route]!.retrain()
                    qualitySystem.learners[route]!.nextRetrain += learner.spec.retrainEvery
                    recordVision(route: route, kind: 1, at: next)
                }
            }
        }
    }

    /// Writes a row of each `vision` table for the camera at `route` and starts a new period.
    private mutating func recordVision(route: Int, kind: Int32, at time: Double) {
        guard let learner = qualitySystem.learners[route] else { return }
        let period = learner.period
        qualitySystem.learners[route]!.period = VisionLearner.Period()
        instrumentation.cameraPeriodEnded(VisionReading(
            time: time, operation: Int32(route), kind: kind, flagged: Int64(period.flagged),
            confirmed: Int64(period.confirmed), audited: Int64(period.audited), auditFound: Int64(period.auditFound)),
            truth: VisionTruth(
            time: time, operation: Int32(route), kind: kind, examples: learner.examples, error: learner.error,
            correctLabels: Int64(period.correctLabels), wrongLabels: Int64(period.wrongLabels),
            classified: Int64(period.classified), correct: Int64(period.correct)))
    }

    /// The camera at `route` classified part `job` of true class `truth` as `verdict`: counts it
    /// and, for a passed part, maybe audits it (the audit's verdict is a label).
    mutating func visionClassified(job: Int, route: Int, truth: Int, verdict: Int) {
        guard var learner = qualitySystem.learners[route] else { return }
        learner.period.classified += 1
        if verdict == truth { learner.period.correct += 1 }
        if verdict != 0 {
            learner.period.flagged += 1
        } else if learner.spec.auditShare > 0 {
            // the part's own audit stream: the same parts are audited in every variant
            let key = UInt64(bitPattern: flow.jobs[job].serial) &* 0x9E37_79B9_7F4A_7C15
                ^ UInt64(flow.jobs[job].reworks)
            var rng = Xoshiro256StarStar(seed: SplitMix64.mix(learner.auditStreamBase ^ key))
            if rng.nextUnit() < learner.spec.auditShare {
                var label = truth
                if let matrix = learner.auditConfusion {
                    let row = matrix[min(truth, matrix.count - 1)]
                    var u = rng.nextUnit()
                    label = row.count - 1
                    for (predicted, probability) in row.enumerated() {
                        if u < probability { label = predicted; break }
                        u -= probability
                    }
                }
                learner.period.audited += 1
                if label != 0 { learner.period.auditFound += 1 }
                learner.gather(label: label, truth: truth)
            }
        }
        qualitySystem.learners[route] = learner
    }

    /// The re-check at `route` gave `verdict` on a part the camera at `camera` flagged: a label.
    mutating func visionLabelled(camera: Int, truth: Int, verdict: Int) {
        guard qualitySystem.learners[camera] != nil else { return }
        if verdict != 0 { qualitySystem.learners[camera]!.period.confirmed += 1 }
        qualitySystem.learners[camera]!.gather(label: verdict, truth: truth)
    }
}

/// A learning camera at the end of a run: hidden truth (its error and examples) beside what the
/// plant saw (labels gathered). `package`: the truth is for KPIs, never for controllers.
package struct VisionSummary: Sendable {
    package var operation: String
    /// Balanced error of the matrix in force, and the effective examples it was trained on.
    package var error: Double
    package var examples: Double
    /// Retrains done.
    package var retrains: Int
}

extension FactoryModel {
    /// Each learning camera's state now (see `VisionSummary`).
    package var visionSummaries: [VisionSummary] {
        let operations = configuration.products.flatMap(\.routing)
        return qualitySystem.learners.indices.compactMap { route in
            qualitySystem.learners[route].map {
                VisionSummary(operation: operations[route].name, error: $0.error, examples: $0.examples,
                              retrains: $0.retrains)
            }
        }
    }
}
