#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ground truth of how an operation makes defects: a logistic model of the defect
/// probability, p = 1 / (1 + exp(−(intercept + Σ coefficient · (x − center)^power))), over the
/// operation's actual recipe parameters, the ambient environment, the machine's hidden wear and
/// the operator's skill. The coefficients are the scenario's secret: only outcomes (inspection
/// results) and actual parameter values are observable.
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

    /// The defect probability for the given value of each term's input (in `terms` order).
    public func probability(inputs: (Int) -> Double) -> Double {
        var eta = intercept
        for (index, term) in terms.enumerated() { eta += term.contribution(of: inputs(index)) }
        return 1 / (1 + exp(-eta))
    }
}

/// One term of a quality model: coefficient · (input − center)^power.
public struct QualityTerm: Sendable, Equatable {
    public var input: QualityInput
    public var coefficient: Double
    public var center: Double
    /// 1 (linear) or 2 (quadratic: an optimum at `center` when the coefficient is positive).
    public var power: Int

    public init(input: QualityInput, coefficient: Double, center: Double = 0, power: Int = 1) {
        self.input = input
        self.coefficient = coefficient
        self.center = center
        self.power = power
    }

    @inline(__always)
    func contribution(of x: Double) -> Double {
        let d = x - center
        return coefficient * (power == 2 ? d * d : d)
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
}
