import CFuzzer
import Foundation
import Lever

/// Check, then compile and evaluate, arbitrary policy text over a small fixed book and market:
/// no crash, a valid policy always compiles, and every account is reported (none dropped).
let market = MarketLoader.load(SourceFile(id: 1, path: "market.json", text: """
    {"as_of": "2026-11-25T12:00:00Z", "assets": {
      "USDC": {"price": 1, "price_time": "2026-11-25T11:59:00Z", "vol": 0.02, "utilization": 0.9},
      "BTC": {"price": 97000, "price_time": "2026-11-25T11:59:00Z", "vol": 0.6, "utilization": 0.5},
      "ETH": {"vol": 0.7}}}
    """)).value

let bookText = """
    {"accounts": [
      {"id": "a", "score": 700, "attributes": {"jurisdiction": "US"}, "positions": [
        {"asset": "BTC", "quantity": 2}, {"asset": "USDC", "quantity": -50000}]},
      {"id": "b", "score": 300, "positions": [{"asset": "ETH", "quantity": -3},
        {"kind": "perp", "asset": "BTC", "size": -1, "entry_price": 90000, "venue": "V"}]},
      {"id": "c", "score": 1000, "positions": []}]}
    """

func fuzzEvaluate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let checked = Checker.check(source: text, path: "fuzz.lever")
    guard checked.isValid, let market else { return 0 }
    let (compiled, diagnostics) = Compiler.compile(checked)
    guard let compiled else {
        // L0801 (a cycle only the compiler sees) is the one refusal after a clean check.
        if diagnostics.allSatisfy({ $0.code == "L0801" }) { return 0 }
        fatalError("a checked policy did not compile: \(diagnostics.map(\.message))")
    }
    guard let book = BookLoader.load(SourceFile(id: 2, path: "book.json", text: bookText), market: market).value
    else { return 0 }
    let engine = MarginEngine(policy: compiled, identity: PolicyIdentity(name: "fuzz", version: "", hash: ""),
                              horizon: 1.0 / 365)
    let report = engine.evaluate(book: book, market: market)
    if report.accounts.map(\.id) != ["a", "b", "c"] { fatalError("accounts dropped or reordered") }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzEvaluate(data, size) })
