extension Scenario {
    /// The fully resolved scenario — every default filled in, names resolved to indices, times in
    /// seconds — as JSON, so that a result file alone says exactly what was run.
    ///
    /// Built by reflection over the configuration values: structs become objects, enums become
    /// `{"case": payload}` (or a plain string without payload), optionals `null`, infinities
    /// the strings "inf"/"-inf".
    public var resolvedJSON: String {
        let builder = ResolvedJSON()
        let document: [String: JSONText] = [
            "name": .string(name), "file": .string(file), "variant": .string(variant ?? "base"),
            "variants": .array(variants.map(JSONText.string)),
            "run": builder.value(run), "recording": builder.value(recording), "model": builder.value(model),
        ]
        return JSONText.object(document).text
    }
}

/// Turns any value into JSON by reflection (about 1 µs per value: a job shop of 200,000
/// operations takes seconds), remembering the snake-case form of each field name.
final class ResolvedJSON {
    private var snakeNames: [String: String] = [:]

    func snakeName(_ label: String) -> String {
        if let known = snakeNames[label] { return known }
        let name = ResolvedJSON.snakeCase(label.hasPrefix("_") ? String(label.dropFirst()) : label)
        snakeNames[label] = name
        return name
    }

    /// "warmUp" → "warm_up", as everywhere else in result files.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                if !result.isEmpty { result.append("_") }
                result.append(Character(character.lowercased()))
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// JSON values in the order of their text.
    static func canonicallySorted(_ elements: [JSONText]) -> [JSONText] {
        elements.map { ($0.text, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    func value(_ subject: Any) -> JSONText {
        // exact type tests first: a failing `as?` cast on a struct walks its conformances
        let type = Swift.type(of: subject)
        if type == Double.self {
            let number = subject as! Double
            return number.isFinite ? .double(number) : .string(number.isNaN ? "nan" : (number > 0 ? "inf" : "-inf"))
        }
        if type == Int.self { return .int(subject as! Int) }
        if type == String.self { return .string(subject as! String) }
        if type == Bool.self { return .bool(subject as! Bool) }
        if type == Int32.self { return .int(Int(subject as! Int32)) }
        if type == Int64.self { return .int(Int(subject as! Int64)) }
        if type == UInt64.self { return .uint(subject as! UInt64) }
        if type == UInt8.self { return .int(Int(subject as! UInt8)) }
        if type == Int8.self { return .int(Int(subject as! Int8)) }
        let mirror = Mirror(reflecting: subject)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return .null }
            return value(wrapped)
        case .collection:
            return .array(mirror.children.map { value($0.value) })
        case .set, .dictionary:
            // hash order differs from process to process: sort, so every byte of a file is reproducible
            return .array(ResolvedJSON.canonicallySorted(mirror.children.map { value($0.value) }))
        case .tuple:
            var object: [String: JSONText] = [:]
            for (index, child) in mirror.children.enumerated() {
                object[child.label ?? "\(index)"] = value(child.value)
            }
            return .object(object)
        case .enum:
            // the case name is the payload's label; describing the value would print the whole
            // payload (minutes for a job shop of 20,000 routings) just to cut its name off
            if let payload = mirror.children.first, let label = payload.label {
                return .object([snakeName(label): value(payload.value)])
            }
            let name = String(describing: subject).split(separator: "(").first.map(String.init) ?? "\(subject)"
            guard let payload = mirror.children.first else { return .string(snakeName(name)) }
            return .object([snakeName(name): value(payload.value)])
        default:
            var object: [String: JSONText] = [:]
            for (index, child) in mirror.children.enumerated() {
                let key = child.label.map(snakeName) ?? "\(index)"
                object[key] = value(child.value)
            }
            return .object(object)
        }
    }
}
