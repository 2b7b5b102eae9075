import Yams

/// A named variant of a scenario: an override deep-merged into the base document before it is
/// read, so that problems inside the override point at the override's own lines.
///
/// Mappings merge key by key; lists and scalars replace. In the named collections of a factory
/// (`stations`, `products`, `materials`, `repair_crews`) a variant may change only what the base
/// defines: a name the base lacks is reported with a "did you mean". A settings key the base
/// omits may be added (`buffer: 5` on a station without one); a misspelt one is reported by the
/// reader as an unknown key.
struct VariantOverlay {
    /// The variant's name.
    let name: String
    /// The override, a mapping shaped like the scenario.
    let override: Node

    /// The collections whose keys are names of things the base defines, with a word for them.
    static let namedCollections = ["stations": "station", "products": "product", "materials": "material",
                                   "repair_crews": "repair crew"]

    /// The well-formed variants of a document, in file order (the reader reports the others).
    static func all(in root: Node) -> [VariantOverlay] {
        guard let variants = root.mapping?.first(where: { $0.key.string == "variants" })?.value.mapping
        else { return [] }
        return variants.compactMap { entry in
            guard let name = entry.key.string, entry.value.mapping != nil else { return nil }
            return VariantOverlay(name: name, override: entry.value)
        }
    }

    /// The base document with this variant merged in; problems with the override go to `report`.
    /// The merged document leaves out the base's `variants:` section: a variant has none of its
    /// own, and reading every variant's list again made validation quadratic in their number.
    func apply(to base: Node, report: DiagnosticSink) -> Node {
        let merged = merge(base, override, path: [], report: report)
        guard case .mapping(let mapping) = merged else { return merged }
        let pairs = mapping.filter { $0.key.string != "variants" }.map { ($0.key, $0.value) }
        return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
    }

    private func merge(_ base: Node, _ override: Node, path: [String], report: DiagnosticSink) -> Node {
        guard case .mapping(let baseMapping) = base, case .mapping(let overrideMapping) = override
        else { return override }
        var pairs = baseMapping.map { ($0.key, $0.value) }
        for (key, value) in overrideMapping {
            let keyText = key.string ?? ""
            if path.isEmpty && keyText == "variants" {
                Located(key, report: report).error("a variant cannot define variants of its own")
            } else if let index = pairs.firstIndex(where: { $0.0.string == keyText }) {
                pairs[index].1 = merge(pairs[index].1, value, path: path + [keyText], report: report)
            } else if path.count == 1, let kind = Self.namedCollections[path[0]] {
                let defined = baseMapping.compactMap { $0.key.string }
                let hint = Suggestion.closest(to: keyText, among: defined).map { "did you mean '\($0)'? " } ?? ""
                Located(key, report: report).error(
                    "\(path[0]).\(keyText): the base scenario has no \(kind) '\(keyText)'; \(hint)"
                        + "a variant can only change the \(path[0]) the base defines "
                        + "(\(Suggestion.listing(defined, near: keyText)))")
            } else {
                pairs.append((key, value))
            }
        }
        return .mapping(Node.Mapping(pairs, baseMapping.tag, baseMapping.style, baseMapping.mark))
    }
}
