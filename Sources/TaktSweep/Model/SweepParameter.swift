import TaktScenario
import Yams

/// One parameter of a sweep: a path in the scenario (or `variant`) and the values it may take.
public struct SweepParameter: @unchecked Sendable {
    /// The path as written, e.g. `stations.weld.machines`; the column name in merged tables.
    public var name: String
    /// The scenario path, or nil for `variant` (which selects one of the scenario's variants).
    public var path: ScenarioPath?
    /// Where the values come from.
    public var domain: Domain
    /// How a value becomes the scenario's text: `{}` is replaced by the value (`"{} min"`,
    /// `"exponential(mean: {} h)"`); nil sets the value as it is.
    public var format: String?
    /// True when every value is a number (a numeric column in merged tables).
    public var isNumeric: Bool
    /// 1-based position of the parameter's key in the sweep file.
    public var line: Int
    public var column: Int
    /// The key node (its mark places a problem with the path in the sweep file).
    var keyMark: Mark?
    /// The node of the parameter's specification (for sampled values).
    var specMark: Mark?

    /// The values a parameter may take.
    public enum Domain: @unchecked Sendable {
        /// A list of values (grid, explicit choice, or categories for random designs).
        case values([SweepValue])
        /// A numeric interval, for random designs (and grids with `steps`).
        case range(min: Double, max: Double, integer: Bool, steps: Int?)
    }

    /// True for the `variant` parameter.
    public var isVariant: Bool { path == nil }
}

/// One value of a parameter at one point.
public struct SweepValue: @unchecked Sendable {
    /// The value as shown in tables and messages (before `format`).
    public var label: String
    /// The text set in the scenario (after `format`).
    public var text: String
    /// The number, for numeric parameters.
    public var number: Double?
    /// The YAML node set in the scenario; keeps the position it came from.
    var node: Node
}

/// One point of a sweep: a value for every parameter.
public struct SweepPoint: @unchecked Sendable {
    /// 0-based point number.
    public var index: Int
    /// One value per parameter, in parameter order.
    public var values: [SweepValue]
    /// Where an explicit point is written (nil for generated points).
    var mark: Mark?

    /// `name=value, …` for messages.
    public func describe(_ parameters: [SweepParameter]) -> String {
        zip(parameters, values).map { "\($0.name)=\($1.label)" }.joined(separator: ", ")
    }
}

/// How the points of a sweep are chosen.
public enum SweepDesign: Sendable, Equatable {
    /// Every combination of the parameters' values (the first parameter varies slowest).
    case grid
    /// The points listed in the file.
    case points
    /// `count` points drawn independently and uniformly (seeded).
    case random(count: Int)
    /// `count` points of a Latin hypercube (seeded): for every parameter, each of `count` equal
    /// strata of its range holds exactly one point.
    case latinHypercube(count: Int)

    public var name: String {
        switch self {
        case .grid: return "grid"
        case .points: return "points"
        case .random: return "random"
        case .latinHypercube: return "latin_hypercube"
        }
    }
}
