extension Scenario {
    /// The fully resolved scenario — every default filled in, names resolved to indices, times in
    /// seconds — as JSON, so that a result file alone says exactly what was run.
    ///
    /// Built by reflection over the configuration values: structs become objects, enums become
    /// `{"case": payload}` (or a plain string without payload), optionals `null`, infinities
    /// the strings "inf"/"-inf".
    public var resolvedJSON: String {
        let document: [String: JSONText] = [
            "name": .string(name), "file": .string(file), "variant": .string(variant ?? "base"),
            "variants": .array(variants.map(JSONText.string)),
            "run": ResolvedJSON.value(run), "recording": ResolvedJSON.value(recording), "model": ResolvedJSON.value(model),
        ]
        return JSONText.object(document).text
    }
}

/// Turns any value into JSON by reflection.
enum ResolvedJSON {
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

    static func value(_ subject: Any) -> JSONText {
        switch subject {
        case let number as Double: return number.isFinite ? .double(number) : .string(number.isNaN ? "nan" : (number > 0 ? "inf" : "-inf"))
        case let number as Int: return .int(number)
        case let number as Int32: return .int(Int(number))
        case let number as Int64: return .int(Int(number))
        case let number as UInt64: return .uint(number)
        case let number as UInt8: return .int(Int(number))
        case let number as Int8: return .int(Int(number))
        case let flag as Bool: return .bool(flag)
        case let text as String: return .string(text)
        default: break
        }
        let mirror = Mirror(reflecting: subject)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return .null }
            return value(wrapped)
        case .collection:
            return .array(mirror.children.map { value($0.value) })
        case .set, .dictionary:
            // hash order differs from process to process: sort, so every byte of a file is reproducible
            return .array(canonicallySorted(mirror.children.map { value($0.value) }))
        case .tuple:
            var object: [String: JSONText] = [:]
            for (index, child) in mirror.children.enumerated() { object[child.label ?? "\(index)"] = value(child.value) }
            return .object(object)
        case .enum:
            // the case name is the payload's label; describing the value would print the whole
            // payload (minutes for a job shop of 20,000 routings) just to cut its name off
            if let payload = mirror.children.first, let label = payload.label { return .object([snakeCase(label): value(payload.value)]) }
            let name = String(describing: subject).split(separator: "(").first.map(String.init) ?? "\(subject)"
            guard let payload = mirror.children.first else { return .string(snakeCase(name)) }
            return .object([snakeCase(name): value(payload.value)])
        default:
            var object: [String: JSONText] = [:]
            for (index, child) in mirror.children.enumerated() {
                let key = child.label.map { snakeCase($0.hasPrefix("_") ? String($0.dropFirst()) : $0) } ?? "\(index)"
                object[key] = value(child.value)
            }
            return .object(object)
        }
    }
}
