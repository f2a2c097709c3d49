import Foundation
import Testing
import LeverCheck
import LeverSyntax
import LeverTestSupport

/// Each `Golden/check/<case>.lever` is checked (all stages) and its plain rendering compared with
/// `<case>.err`; `LEVER_BLESS=1 swift test` rewrites the expected files.
@Test(arguments: goldenCases("check", ext: "lever"))
func goldenCheck(_ relative: String) throws {
    let text = try String(contentsOfFile: goldenPath(relative), encoding: .utf8)
    let result = Checker.check(source: text, path: relative)
    let rendered = DiagnosticRenderer(style: .plain).render(result.diagnostics, sources: result.sources)
    let expected = String(relative.dropLast(".lever".count)) + ".err"
    assertGolden(actual: rendered, path: goldenPath(expected))
}
