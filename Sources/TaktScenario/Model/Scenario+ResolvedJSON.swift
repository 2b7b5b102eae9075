import Foundation

extension Scenario {
    /// The fully resolved scenario — every default filled in, names resolved to indices, times in
    /// seconds — as JSON, so that a result file alone says exactly what was run.
    ///
    /// Built by reflection over the configuration values: structs become objects, enums become
    /// `{"case": payload}` (or a plain string without payload), optionals `null`, infinities
    /// the strings "inf"/"-inf".
    public var resolvedJSON: String {
        let document: [String: Any] = [
            "name": name, "file": file, "variant": variant ?? "base", "variants": variants,
            "run": ResolvedJSON.value(run), "recording": ResolvedJSON.value(recording), "model": ResolvedJSON.value(model),
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Turns any value into JSON-compatible Foundation objects by reflection.
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

    /// JSON values in the order of their sorted-key serialisation.
    static func canonicallySorted(_ elements: [Any]) -> [Any] {
        func key(_ element: Any) -> String {
            guard JSONSerialization.isValidJSONObject([element]),
                  let data = try? JSONSerialization.data(withJSONObject: [element], options: [.sortedKeys]) else { return "\(element)" }
            return String(decoding: data, as: UTF8.self)
        }
        return elements.map { (key($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    static func value(_ subject: Any) -> Any {
        switch subject {
        case let number as Double: return number.isFinite ? number : (number.isNaN ? "nan" : (number > 0 ? "inf" : "-inf"))
        case let number as Int: return number
        case let number as Int32: return Int(number)
        case let number as Int64: return Int(number)
        case let number as UInt64: return number
        case let number as UInt8: return Int(number)
        case let number as Int8: return Int(number)
        case let flag as Bool: return flag
        case let text as String: return text
        default: break
        }
        let mirror = Mirror(reflecting: subject)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return NSNull() }
            return value(wrapped)
        case .collection:
            return mirror.children.map { value($0.value) }
        case .set, .dictionary:
            // hash order differs from process to process: sort, so every byte of a file is reproducible
            return canonicallySorted(mirror.children.map { value($0.value) })
        case .tuple:
            var object: [String: Any] = [:]
            for (index, child) in mirror.children.enumerated() { object[child.label ?? "\(index)"] = value(child.value) }
            return object
        case .enum:
            let name = String(describing: subject).split(separator: "(").first.map(String.init) ?? "\(subject)"
            guard let payload = mirror.children.first else { return snakeCase(name) }
            return [snakeCase(payload.label ?? name): value(payload.value)]
        default:
            var object: [String: Any] = [:]
            for (index, child) in mirror.children.enumerated() {
                let key = child.label.map { snakeCase($0.hasPrefix("_") ? String($0.dropFirst()) : $0) } ?? "\(index)"
                object[key] = value(child.value)
            }
            return object
        }
    }
}
