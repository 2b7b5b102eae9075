import TaktKernel

extension DistributionSyntax {
    /// Turns named argument texts into a `Distribution`.
    static func build(_ name: String, _ arguments: [String: String], isDuration: Bool)
        -> Result<Distribution, SyntaxProblem> {
        do {
            func value(_ key: String) throws -> Double {
                guard let text = arguments[key] else {
                    throw SyntaxProblem("\(name) needs '\(key)'")
                }
                return try number(text, isTime: isTime(name, key), isDuration: isDuration, key: key)
            }
            func list(_ key: String) throws -> [Double] {
                guard let text = arguments[key] else { throw SyntaxProblem("\(name) needs '\(key)'") }
                let inner = text.trimmingWhitespace()
                guard inner.hasPrefix("["), inner.hasSuffix("]") else {
                    throw SyntaxProblem("'\(key)' of \(name) must be a list in brackets, e.g. [1, 2, 3]")
                }
                return try splitTopLevel(String(inner.dropFirst().dropLast())).filter { !$0.isEmpty }.map {
                    try number($0, isTime: isTime(name, key), isDuration: isDuration, key: key)
                }
            }
            switch name {
            case "constant": return .success(.constant(try value("value")))
            case "uniform": return .success(.uniform(min: try value("min"), max: try value("max")))
            case "triangular":
                return .success(.triangular(min: try value("min"), mode: try value("mode"), max: try value("max")))
            case "exponential":
                if let rateText = arguments["rate"] {
                    guard arguments["mean"] == nil
                    else { throw SyntaxProblem("exponential takes 'mean' or 'rate', not both") }
                    let rate: Double
                    if isDuration {
                        rate = try Quantity.parseRate(rateText).get()
                    } else {
                        rate = try number(rateText, isTime: false, isDuration: false, key: "rate")
                    }
                    guard rate > 0 else { throw SyntaxProblem("exponential rate must be positive, got '\(rateText)'") }
                    return .success(.exponential(mean: 1 / rate))
                }
                return .success(.exponential(mean: try value("mean")))
            case "normal": return .success(.normal(mean: try value("mean"), sd: try value("sd")))
            case "lognormal": return .success(.lognormal(mean: try value("mean"), sd: try value("sd")))
            case "gamma":
                let shape = try value("shape")
                if arguments["mean"] != nil {
                    guard arguments["scale"] == nil
                    else { throw SyntaxProblem("gamma takes 'scale' or 'mean', not both") }
                    return .success(.gamma(shape: shape, scale: try value("mean") / shape))
                }
                return .success(.gamma(shape: shape, scale: try value("scale")))
            case "weibull": return .success(.weibull(shape: try value("shape"), scale: try value("scale")))
            case "erlang":
                let k = try value("k")
                guard k >= 1, k == k.rounded()
                else { throw SyntaxProblem("erlang k must be a whole number ≥ 1, got \(k)") }
                return .success(.erlang(phases: Int(k), mean: try value("mean")))
            case "bernoulli": return .success(.bernoulli(p: try value("p")))
            case "discrete":
                let values = try list("values")
                let weights = try arguments["weights"] == nil ? Array(repeating: 1.0, count: values.count)
                    : list("weights")
                guard !values.isEmpty, values.count == weights.count else {
                    throw SyntaxProblem("discrete needs as many weights (\(weights.count)) as values "
                                            + "(\(values.count)), and at least one")
                }
                return .success(.discrete(DiscreteTable(values: values, weights: weights)))
            case "empirical":
                let samples = try list("samples")
                guard !samples.isEmpty else { throw SyntaxProblem("empirical needs at least one sample") }
                return .success(.empirical(samples: samples))
            default:
                throw SyntaxProblem("unknown distribution '\(name)'")
            }
        } catch let problem as SyntaxProblem {
            return .failure(problem)
        } catch {
            return .failure(SyntaxProblem("\(error)"))
        }
    }

    static func isTime(_ name: String, _ key: String) -> Bool {
        signatures[name]?.first { $0.name == key }?.isTime ?? false
    }

    /// A parameter's number: a duration in seconds when it is time-valued in a duration law,
    /// otherwise a plain number.
    static func number(_ text: String, isTime: Bool, isDuration: Bool, key: String) throws -> Double {
        if isTime && isDuration {
            if Double(text.removingUnderscores()) != nil {
                throw SyntaxProblem("'\(key): \(text)' has no unit; write e.g. '\(key): \(text) min'")
            }
            return try Quantity.parseDuration(text).get()
        }
        guard let value = Double(text.removingUnderscores()), value.isFinite else {
            throw SyntaxProblem("'\(key)' must be a plain number, found '\(text)'")
        }
        return value
    }
}
