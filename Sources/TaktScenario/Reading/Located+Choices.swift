extension Located {
    /// One of a fixed set of words (`wait` or `reject`, say), with a "did you mean" suggestion.
    public func choice<Value>(_ what: String, among options: KeyValuePairs<String, Value>) -> Value? {
        let words = options.map(\.key)
        guard let text = scalarText, !isNull else {
            error("\(what) must be one of \(words.joined(separator: ", ")), found \(kindName)")
            return nil
        }
        if let match = options.first(where: { $0.key == text }) { return match.value }
        let hint = Suggestion.closest(to: text, among: words).map { "did you mean '\($0)'? " } ?? ""
        error("\(what): unknown value '\(text)'; \(hint)expected one of \(words.joined(separator: ", "))")
        return nil
    }

    /// `true` or `false`.
    public func boolean(_ what: String) -> Bool? {
        switch scalarText {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            error("\(what) must be true or false, found '\(scalarText ?? kindName)'")
            return nil
        }
    }
}
