extension ProcessOptimiser {
    /// How the optimiser learns, explores and moves. Fractions are of each parameter's range.
    public struct Settings: Sendable, Equatable {
        /// Labelled parts between setpoint decisions.
        public var updateEvery: Int
        /// Labelled parts watched (while exploring) before the first decision.
        public var warmUp: Int
        /// Exploration amplitude for parameters screened in (tuned), as a fraction of the range.
        public var exploration: Double
        /// Exploration amplitude for parameters not yet screened in: larger, to find out sooner
        /// whether they matter.
        public var screeningExploration: Double
        /// Parts processed under one perturbation before the next is drawn.
        public var hold: Int
        /// Largest move of the incumbent setpoint per decision, as a fraction of the range.
        public var stepLimit: Double
        /// The predicted gain of a move (log-odds) must exceed this many standard errors.
        public var evidence: Double
        /// Significance level of the screening test: a parameter is tuned once the data reject
        /// "it has no effect" at this level (Wald test); 1 tunes every parameter from the start.
        public var screening: Double
        /// The inspection's false-reject rate (good parts rejected) and detection rate (defective
        /// parts rejected) as the planner believes them (a datasheet, a past gauge study — never
        /// the simulated inspection's true confusion matrix): the model then learns the defect
        /// log-odds through that belief about the label noise; a wrong belief biases it. The
        /// defaults (0 and 1) take verdicts at face value.
        public var falseRejectRate: Double
        public var detectionRate: Double
        /// L2 penalty on the parameters' coefficients (on the range-standardised scale).
        public var penalty: Double
        /// Use the measured environment variables as features (never controlled).
        public var useEnvironment: Bool
        /// Parts processed but not yet inspected that can be tracked at once.
        public var pendingCapacity: Int
        /// Its memory, in labelled parts, for a process that drifts: each label's weight decays
        /// by 1 − 1/memory per later label (exponential forgetting). 0: never forget.
        public var memory: Int

        public init(updateEvery: Int = 200, warmUp: Int = 1_000, exploration: Double = 0.1,
                    screeningExploration: Double = 0.2,
                    hold: Int = 10, stepLimit: Double = 0.05, evidence: Double = 1, screening: Double = 0.001,
                    falseRejectRate: Double = 0, detectionRate: Double = 1, penalty: Double = 1,
                    useEnvironment: Bool = true,
                    pendingCapacity: Int = 4_096, memory: Int = 0) {
            self.memory = max(0, memory)
            self.updateEvery = max(1, updateEvery)
            self.warmUp = max(0, warmUp)
            self.exploration = max(0, exploration)
            self.screeningExploration = max(0, screeningExploration)
            self.hold = max(1, hold)
            self.stepLimit = max(0, stepLimit)
            self.evidence = max(0, evidence)
            self.screening = min(1, max(0, screening))
            self.falseRejectRate = min(0.999, max(0, falseRejectRate))
            self.detectionRate = min(1, max(self.falseRejectRate + 0.001, detectionRate))
            self.penalty = max(0, penalty)
            self.useEnvironment = useEnvironment
            self.pendingCapacity = max(1, pendingCapacity)
        }
    }
}
