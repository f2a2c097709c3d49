import LeverCheck
import LeverSyntax

/// A diagnostic reduced to what tests compare: code, `line:column` and message.
struct Found: Equatable, CustomStringConvertible {
    var code: String
    var at: String
    var message: String
    var description: String { "\(code) \(at) \(message)" }
}

/// Checks policy text and returns its diagnostics in a comparable form.
func found(_ source: String, stopAfter: StageName = .units) -> [Found] {
    let result = Checker.check(source: source, path: "test.lever", stopAfter: stopAfter)
    return result.diagnostics.map { d in
        let loc = result.sources.file(d.primary.span.file).map { file -> String in
            let (line, col) = file.location(of: d.primary.span.start)
            return "\(line):\(col)"
        } ?? "-"
        return Found(code: d.code, at: loc, message: d.message)
    }
}

/// The one diagnostic a policy gives (or a description of what it gave instead).
func single(_ source: String) -> Found? {
    let all = found(source)
    return all.count == 1 ? all[0] : nil
}

/// The full diagnostics of a check, for asserting on help and labels.
func diagnostics(_ source: String) -> [Diagnostic] {
    Checker.check(source: source, path: "test.lever", stopAfter: .units).diagnostics
}
