import CFuzzer
import Foundation
import LeverEngine
import LeverSyntax

/// The JSON readers of books and market snapshots on arbitrary bytes: every input either loads
/// or gives located diagnostics; nothing crashes, whatever the bytes.
func fuzzInputs(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let market = MarketLoader.load(SourceFile(id: 1, path: "market.json", bytes: bytes))
    let book = BookLoader.load(SourceFile(id: 2, path: "book.json", bytes: bytes), market: market.value)
    if market.value == nil && market.diagnostics.isEmpty { fatalError("a market failed to load with no diagnostic") }
    if book.value == nil && book.diagnostics.isEmpty { fatalError("a book failed to load with no diagnostic") }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzInputs(data, size) })
