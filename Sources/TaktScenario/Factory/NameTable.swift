/// The names defined in one section of a factory scenario (stations, products, …), in file order,
/// resolving a name written elsewhere to its index or reporting it with a "did you mean".
struct NameTable {
    /// What the names name, singular and plural ("station", "stations").
    let kind: String
    let plural: String
    /// The names, in file order: a name's position is its index in the configuration.
    let names: [String]
    /// Where to define the first one, for the message when there are none.
    let howToDefine: String
    /// Each name's first position, so resolving a name costs O(1) however many there are.
    private let positions: [String: Int]
    /// The names in spelling order, for messages about one of many (sorted once, not per message).
    private let sortedNames: [String]

    init(kind: String, plural: String, names: [String], howToDefine: String) {
        self.kind = kind
        self.plural = plural
        self.names = names
        self.howToDefine = howToDefine
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
        sortedNames = names.count > Suggestion.exhaustiveSearchLimit ? names.sorted() : []
    }

    /// The index of `name`, or nil.
    func index(of name: String) -> Int? { positions[name] }

    /// The index of the name in `node` (a scalar), or nil with a diagnostic at the node.
    func resolve(_ node: Located, what: String) -> Int? {
        guard let name = node.string(what) else { return nil }
        if let index = index(of: name) { return index }
        node.error("\(what): \(undefined(name))")
        return nil
    }

    /// "undefined station 'cutt'; did you mean 'cut'? Defined stations: cut, weld" — with at most
    /// `InputLimits.namesListed` names (the nearest ones) and the count of the others.
    func undefined(_ name: String) -> String {
        guard !names.isEmpty else { return "undefined \(kind) '\(name)'; no \(plural) are defined (\(howToDefine))" }
        let hint = Suggestion.closest(to: name, among: names).map { "did you mean '\($0)'? " } ?? ""
        return "undefined \(kind) '\(name)'; \(hint)defined \(plural): "
            + "\(Suggestion.listing(names, near: name, sorted: sortedNames))"
    }
}
