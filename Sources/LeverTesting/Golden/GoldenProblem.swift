/// Why a case could not be evaluated (bad `case.json`, policy or input errors), as the text the
/// case's failure shows. A value, not thrown: user mistakes fail the case, they do not abort the run.
struct GoldenProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
