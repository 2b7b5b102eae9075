#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ground truth of how an operation makes defects: a logistic model of the defect
/// probability, p = 1 / (1 + exp(−(intercept + Σ coefficient · (x − center)^power · (y − y₀)))),
/// over the operation's actual recipe parameters, the ambient environment, the machine's hidden
/// wear, the operator's skill, the time since the start and a hidden material-batch effect; the
/// factor (y − y₀) is present only in interaction terms (`QualityTerm.interaction`). The
/// coefficients are the scenario's secret: only outcomes (inspection results) and the logged
/// parameter values are observable.
public struct QualityModel: Sendable, Equatable {
    public var intercept: Double
    public var terms: [QualityTerm]
    /// Shares of the defect classes (indices into `FactoryConfiguration.defectClasses`) a
    /// defect falls into; they add up to 1.
    public var classShares: [(defectClass: Int, share: Double)]

    public init(intercept: Double, terms: [QualityTerm] = [],
                classShares: [(defectClass: Int, share: Double)] = [(0, 1)]) {
        self.intercept = intercept
        self.terms = terms
        self.classShares = classShares
    }

    public static func == (lhs: QualityModel, rhs: QualityModel) -> Bool {
        lhs.intercept == rhs.intercept && lhs.terms == rhs.terms
            && lhs.classShares.map(\.defectClass) == rhs.classShares.map(\.defectClass)
            && lhs.classShares.map(\.share) == rhs.classShares.map(\.share)
    }

    /// The defect probability for the given value of each input.
    /// - Parameter inputs: the value an input has for this execution (true values, not logged ones).
    public func probability(inputs: (QualityInput) -> Double) -> Double {
        var eta = intercept
        for term in terms {
            eta += term.contribution(of: inputs(term.input), by: term.interaction.map { inputs($0.input) } ?? 1)
        }
        return 1 / (1 + exp(-eta))
    }
}

/// One term of a quality model: coefficient · (input − center)^power, times (y − y₀) for an
/// interaction term.
public struct QualityTerm: Sendable, Equatable {
    public var input: QualityInput
    public var coefficient: Double
    public var center: Double
    /// 1 (linear) or 2 (quadratic: an optimum at `center` when the coefficient is positive).
    public var power: Int
    /// The second factor of an interaction term (nil: a main effect). With it the optimum of a
    /// quadratic in `input` moves with the other input — a shape the process optimiser's
    /// additive model cannot represent.
    public var interaction: QualityInteraction?

    /// - Parameters:
    ///   - input: what the term reads.
    ///   - coefficient: its weight in log-odds per unit (per unit² for a quadratic).
    ///   - center: the input's value at which the term is 0.
    ///   - power: 1 (linear) or 2 (quadratic).
    ///   - interaction: the second factor of an interaction term, nil for a main effect.
    public init(input: QualityInput, coefficient: Double, center: Double = 0, power: Int = 1,
                interaction: QualityInteraction? = nil) {
        self.input = input
        self.coefficient = coefficient
        self.center = center
        self.power = power
        self.interaction = interaction
    }

    /// The term's log-odds for input value `x` and second-factor value `y` (ignored for a main effect).
    @inline(__always)
    func contribution(of x: Double, by y: Double) -> Double {
        let d = x - center
        let main = coefficient * (power == 2 ? d * d : d)
        guard let interaction else { return main }
        return main * (y - interaction.center)
    }
}

/// The second factor (y − center) of an interaction term.
public struct QualityInteraction: Sendable, Equatable {
    public var input: QualityInput
    public var center: Double

    /// - Parameters:
    ///   - input: what the factor reads.
    ///   - center: the value at which the factor, and so the term, is 0.
    public init(input: QualityInput, center: Double = 0) {
        self.input = input
        self.center = center
    }
}

/// What a quality term reads.
public enum QualityInput: Sendable, Equatable {
    /// The actual value of recipe parameter `index` of the operation.
    case parameter(Int)
    /// Environment variable `index` at the end of the operation.
    case environment(Int)
    /// The hidden wear of the machine that did the operation.
    case wear
    /// The efficiency of the operator who ran the step (1 when nobody did).
    case operatorSkill
    /// Days since the start of the run: a defect rate (or, in an interaction, an optimum) that
    /// drifts, as with electrode or tool wear nobody measures.
    case time
    /// A hidden material-batch effect: a standard-normal value per batch, a new batch every
    /// `period` seconds, drawn from the run's quality stream. Never logged: a driver the
    /// controllers cannot observe.
    case batch(period: Double)
}
