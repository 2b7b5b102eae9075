#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How an AI-vision inspection learns from labelled examples: the hidden truth of its accuracy,
/// the simulator's secret like a confusion matrix (no controller or plant sees it).
///
/// The classifier's *balanced error* (the mean over true classes of the share it misclassifies)
/// follows a learning curve in its effective number of labelled examples `n`:
///
///     error(n) = floor + (initial − floor) · (n0 / (n0 + n))^exponent
///
/// and the inspection's confusion matrix is the base matrix (`InspectionSpec.confusion`, which
/// gives the *shape* of the errors) with every off-diagonal entry scaled by
/// `error(n) / baseError` (the diagonal takes up the rest), so the matrix's balanced error is
/// `error(n)` and it tends to `floor` as examples accumulate.
///
/// Labels come from the human re-check of flagged parts (its verdict is the label) and from
/// audits of a share of passed parts. Both are human and error-prone: a label that names the
/// part's true class adds one example, a wrong one removes one (effective examples
/// `n = pretrained + correct − wrong`, never below 0), so a re-check no better than chance
/// teaches nothing. Labels take effect only at a retrain, every `retrainEvery` seconds, which
/// adds the labels gathered since the last one. At the drift time the product or process
/// changes: the classifier keeps the share `drift.keep` of its effective examples (and of the
/// labels not yet used), and its error rises at once.
public struct VisionLearning: Sendable, Equatable {
    /// Balanced error with no examples (0 < initial ≤ 1).
    public var initialError: Double
    /// Balanced error it tends to with unlimited examples (0 ≤ floor ≤ initial).
    public var floorError: Double
    /// `n0` of the curve: examples at which the excess error over the floor has fallen to
    /// 0.5^exponent of its start (to half for exponent 1). Examples, > 0.
    public var examplesToHalf: Double
    /// Steepness of the curve (> 0).
    public var exponent: Double
    /// Effective examples at time 0 (≥ 0).
    public var pretrained: Double
    /// Time between retrains, s (> 0).
    public var retrainEvery: Double
    /// Share of the parts the camera passes that a human audits (0…1); each audit gives a label.
    /// Audits are counted without occupying an inspector (they are not modelled as work).
    public var auditShare: Double
    /// A change of product or process that makes the classifier forget (nil: none).
    public var drift: Drift?

    /// At time `at` (s) the classifier keeps the share `keep` (0…1) of its effective examples.
    public struct Drift: Sendable, Equatable {
        public var at: Double
        public var keep: Double

        public init(at: Double, keep: Double) {
            self.at = at
            self.keep = keep
        }
    }

    public init(initialError: Double, floorError: Double, examplesToHalf: Double, exponent: Double = 1,
                pretrained: Double = 0, retrainEvery: Double, auditShare: Double = 0, drift: Drift? = nil) {
        self.initialError = initialError
        self.floorError = floorError
        self.examplesToHalf = examplesToHalf
        self.exponent = exponent
        self.pretrained = pretrained
        self.retrainEvery = retrainEvery
        self.auditShare = auditShare
        self.drift = drift
    }

    /// The balanced error after `examples` effective examples (the learning curve).
    public func error(examples: Double) -> Double {
        let n = max(0, examples)
        return floorError + (initialError - floorError) * pow(examplesToHalf / (examplesToHalf + n), exponent)
    }

    /// The balanced error of a confusion matrix: the mean over its rows (true classes) of the
    /// share off the diagonal.
    public static func balancedError(of confusion: [[Double]]) -> Double {
        guard !confusion.isEmpty else { return 0 }
        return confusion.indices.reduce(0.0) { $0 + (1 - confusion[$1][$1]) } / Double(confusion.count)
    }

    /// `base` with its off-diagonal entries scaled so that its balanced error is `error`.
    /// - Precondition: `base` has a positive balanced error, and the scale keeps every diagonal
    ///   entry ≥ 0 (`FactoryConfiguration.problems()` checks it for `initialError`).
    public static func confusion(_ base: [[Double]], error: Double) -> [[Double]] {
        let scale = error / balancedError(of: base)
        return base.indices.map { truth in
            var row = base[truth].map { $0 * scale }
            row[truth] = 0
            row[truth] = max(0, 1 - row.reduce(0, +))
            return row
        }
    }
}
