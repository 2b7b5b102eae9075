/// The state of one learning vision inspection (`VisionLearning`): its effective examples, the
/// confusion matrix in force, the labels gathered since the last retrain, and the counters of the
/// period since the last row of the `vision` tables.
///
/// Retrains and the drift are applied lazily: before the camera classifies a part or a label
/// arrives, `FactoryModel.catchUpVision` applies every retrain (and the drift) due by then, at
/// their own times, so the matrix a part sees and the labels a retrain uses are those of a timed
/// event, without events on the calendar (scenarios without learning schedule nothing new).
struct VisionLearner {
    let spec: VisionLearning
    /// The scenario's matrix: the shape of the errors.
    let base: [[Double]]
    /// Route index of the re-check of flagged parts (-1: none), and its confusion matrix (the
    /// audits are done as well as the re-check; without one, audits are exact).
    let recheckRoute: Int
    let auditConfusion: [[Double]]?
    /// Seed base of the per-part audit streams.
    let auditStreamBase: UInt64

    /// Effective examples the matrix in force was trained on.
    var examples: Double
    /// The matrix in force, and its balanced error.
    var confusion: [[Double]]
    var error: Double
    /// The next retrain (s), and retrains done.
    var nextRetrain: Double
    var retrains = 0
    /// Has the drift happened?
    var drifted = false
    /// Has the row of time 0 been written?
    var started = false
    /// Labels gathered since the last retrain that named the true class, and that did not
    /// (fractional after a drift discounted them).
    var correctLabels = 0.0
    var wrongLabels = 0.0
    /// The period since the last row: parts flagged and confirmed by the re-check, audited and
    /// found defective by the audit (observable), classified and classified right (truth).
    var period = Period()

    struct Period {
        var flagged = 0
        var confirmed = 0
        var audited = 0
        var auditFound = 0
        var classified = 0
        var correct = 0
        var correctLabels = 0
        var wrongLabels = 0
    }

    init(spec: VisionLearning, base: [[Double]], recheckRoute: Int, auditConfusion: [[Double]]?,
         auditStreamBase: UInt64) {
        self.spec = spec
        self.base = base
        self.recheckRoute = recheckRoute
        self.auditConfusion = auditConfusion
        self.auditStreamBase = auditStreamBase
        examples = spec.pretrained
        error = spec.error(examples: spec.pretrained)
        confusion = VisionLearning.confusion(base, error: error)
        nextRetrain = spec.retrainEvery
    }

    /// A label for a part of true class `truth`: right when it names that class.
    mutating func gather(label: Int, truth: Int) {
        if label == truth {
            correctLabels += 1
            period.correctLabels += 1
        } else {
            wrongLabels += 1
            period.wrongLabels += 1
        }
    }

    /// Sets the matrix for the current effective examples.
    mutating func updateMatrix() {
        error = spec.error(examples: examples)
        confusion = VisionLearning.confusion(base, error: error)
    }

    /// A retrain: the labels gathered since the last one join the examples.
    mutating func retrain() {
        examples = max(0, examples + correctLabels - wrongLabels)
        correctLabels = 0
        wrongLabels = 0
        retrains += 1
        updateMatrix()
    }

    /// The drift: only the share `keep` of the examples, and of the labels not yet used, remains.
    mutating func drift(keep: Double) {
        examples *= keep
        correctLabels *= keep
        wrongLabels *= keep
        drifted = true
        updateMatrix()
    }
}
