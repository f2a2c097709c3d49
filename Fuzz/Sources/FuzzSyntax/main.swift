import CFuzzer
import Foundation
import LeverSyntax

/// Lexer, parser and formatter on arbitrary bytes: no crash, and for text that parses without
/// errors, formatting is idempotent and keeps the parse tree (the formatter's two promises).
func fuzzSyntax(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parsed = Parser.parse(SourceFile(id: 0, path: "fuzz.lever", bytes: bytes))
    guard !parsed.diagnostics.contains(where: { $0.severity == .error }) else { return 0 }
    let once = Formatter.format(parsed)
    let reparsed = Parser.parse(SourceFile(id: 0, path: "fuzz.lever", text: once))
    if reparsed.diagnostics.contains(where: { $0.severity == .error }) {
        fatalError("formatted text does not parse:\n\(once)")
    }
    if ASTDump.dump(reparsed.policy) != ASTDump.dump(parsed.policy) {
        fatalError("formatting changed the parse tree:\n\(once)")
    }
    if Formatter.format(reparsed) != once {
        fatalError("formatting is not idempotent:\n\(once)")
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzSyntax(data, size) })
