import Yams

/// A path to one value of a scenario document, as sweeps name what they vary:
/// `stations.weld.machines`, `repair_crews.technicians.size`, `orders[0].rate`.
///
/// Components are mapping keys separated by dots; `[n]` picks item n (0-based) of a list.
/// Keys containing dots or brackets cannot be addressed (no scenario key has them).
public struct ScenarioPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public let components: [Component]

    /// Parses `stations.weld.machines` or `orders[0].rate`; nil for an empty or malformed path
    /// (an empty component, an unclosed bracket, a non-numeric index).
    public init?(_ text: String) {
        var components: [Component] = []
        var rest = Substring(text)
        repeat {
            let end = rest.firstIndex { $0 == "." || $0 == "[" || $0 == "]" } ?? rest.endIndex
            guard end > rest.startIndex else { return nil }
            components.append(.key(String(rest[..<end])))
            rest = rest[end...]
            while rest.first == "[" {
                guard let close = rest.firstIndex(of: "]"),
                      let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0 else { return nil }
                components.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
            if rest.first == "." {
                rest = rest.dropFirst()
                if rest.isEmpty { return nil }
            } else if !rest.isEmpty {
                return nil
            }
        } while !rest.isEmpty
        self.components = components
    }

    public var description: String { Self.text(components[...]) }

    static func text(_ components: ArraySlice<Component>) -> String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// Why this path cannot be set in `root`, or nil when it can: every component but the last
    /// must exist, and the last must exist too unless its parent is a mapping (a settings key the
    /// base omits may be added, as in a variant; the scenario reader then checks its name).
    public func problem(in root: Node) -> String? {
        var node = root
        for (position, component) in components.enumerated() {
            let isLast = position == components.count - 1
            let here = Self.text(components[..<position])
            switch (component, node) {
            case (.key(let key), .mapping(let mapping)):
                if let value = mapping.first(where: { $0.key.string == key })?.value {
                    node = value
                } else if isLast {
                    return nil
                } else {
                    let defined = mapping.compactMap { $0.key.string }
                    let hint = Suggestion.closest(to: key, among: defined).map { "did you mean '\($0)'? " } ?? ""
                    let place = here.isEmpty ? "at the top level" : "in \(here)"
                    return "\(self): the scenario has no '\(key)' \(place); \(hint)"
                        + (defined.isEmpty ? "it is empty" : "it defines: \(defined.joined(separator: ", "))")
                }
            case (.index(let index), .sequence(let sequence)):
                guard index < sequence.count else {
                    return "\(self): \(here) has \(sequence.count) item\(sequence.count == 1 ? "" : "s") "
                        + "(indices from 0)"
                }
                node = sequence[index]
            case (.key(let key), _):
                return "\(self): \(here.isEmpty ? "the scenario" : here) is \(Self.kind(node)), so it has "
                    + "no key '\(key)'"
            case (.index, _):
                return "\(self): \(here) is \(Self.kind(node)), not a list"
            }
        }
        return nil
    }

    /// `root` with the value at this path replaced by `value` (or added, as the last key of its
    /// mapping, with a key node marked `keyMark`). The path must pass `problem(in:)`.
    public func setting(_ value: Node, in root: Node, keyMark: Mark?) -> Node {
        set(value, in: root, from: 0, keyMark: keyMark)
    }

    private func set(_ value: Node, in node: Node, from position: Int, keyMark: Mark?) -> Node {
        guard position < components.count else { return value }
        switch (components[position], node) {
        case (.key(let key), .mapping(let mapping)):
            var pairs = mapping.map { ($0.key, $0.value) }
            if let index = pairs.firstIndex(where: { $0.0.string == key }) {
                pairs[index].1 = set(value, in: pairs[index].1, from: position + 1, keyMark: keyMark)
            } else {
                pairs.append((.scalar(Node.Scalar(key, .implicit, .plain, keyMark)), value))
            }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case (.index(let index), .sequence(let sequence)) where index < sequence.count:
            var nodes = Array(sequence)
            nodes[index] = set(value, in: nodes[index], from: position + 1, keyMark: keyMark)
            return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style, sequence.mark))
        default:
            preconditionFailure("ScenarioPath.setting: \(self) does not exist in the document; check "
                                    + "problem(in:) first")
        }
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar: return "a value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// A value set at a path of a scenario document before the document is read: how a sweep point
/// changes a scenario. The value keeps the position it had in its own file (a sweep file), so a
/// problem the scenario reader finds in it can be reported there.
public struct ScenarioOverride {
    public var path: ScenarioPath
    public var value: Node
    /// Where to report a problem with the key itself, when the path adds a key the base omits.
    public var keyMark: Mark?

    public init(path: ScenarioPath, value: Node, keyMark: Mark?) {
        self.path = path
        self.value = value
        self.keyMark = keyMark
    }
}

/// "Did you mean" for readers of other files (sweep files) that name scenario things.
public enum NameSuggestion {
    /// The candidate nearest to `word`, if it is close enough to be a likely typo.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        Suggestion.closest(to: word, among: candidates)
    }
}
