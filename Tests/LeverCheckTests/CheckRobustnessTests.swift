import Testing
import LeverCheck
import LeverSyntax

/// Every prefix of the example policy checks without crashing, whatever state it leaves the tree in.
@Test func everyPrefixOfTheExampleChecks() {
    let bytes = Array(examplePolicy.utf8)
    for end in stride(from: 0, through: bytes.count, by: 7) {
        let text = String(decoding: bytes[..<end], as: UTF8.self)
        _ = Checker.check(source: text, path: "prefix.lever")
    }
}

/// Long chains of params, measures and classes stay within bounded recursion.
@Test func longChainsDoNotExhaustTheStack() {
    let params = (1..<3000).map { "param p\($0) = p\($0 + 1) + 1" }.joined(separator: "\n") + "\nparam p3000 = 1"
    _ = Checker.check(source: params, path: "chain.lever")
    let classes = (1..<2000).map { "class c\($0) : c\($0 + 1) { haircut += 1% }" }.joined(separator: "\n")
        + "\nclass c2000 { haircut = 1% }\nasset A : c1"
    let result = Checker.check(source: classes, path: "classes.lever")
    #expect(result.symbols.propertyChain(asset: "A", property: "haircut").count == 2000)
}

/// A cycle of many params is reported once.
@Test func paramCycleReportedOnce() {
    let src = (1...20).map { "param p\($0) = p\($0 % 20 + 1) * 2" }.joined(separator: "\n")
    #expect(found(src).map(\.code) == ["L0222"])
}

/// Deep nesting is capped by the parser; the checker copes with what it returns.
@Test func deepNestingChecks() {
    let deep = "param p = " + String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)
    _ = Checker.check(source: deep, path: "deep.lever")
}

/// Junk and binary input give diagnostics, never a crash.
@Test func junkChecks() {
    for text in ["}{", "class : {", "asset", "tiers by { -> }", "curve (", "param = = =", "\u{0}\u{1}\u{2}",
                 "measure m per account = sum(sum(sum(", "assert every : ", "margin { liquidate when }"] {
        _ = Checker.check(source: text, path: "junk.lever")
    }
}

/// Two 60,000-letter names one letter apart (120 KB): an unknown name without a suggestion, not
/// a 60,000 × 60,000 edit-distance table (which took 29 GB and crashed).
@Test func hugeNamesOneLetterApartCheck() {
    let long = String(repeating: "x", count: 59_999)
    let result = Checker.check(source: "param \(long)a = 1\nparam q = \(long)b\n", path: "huge.lever")
    let unknown = result.diagnostics.filter { $0.code == "L0210" }
    #expect(unknown.count == 1)
    #expect(unknown.first?.fixIts.isEmpty == true)
    #expect(unknown.first?.help?.hasPrefix("declare it") == true)
}

/// 4,000 misspelt names among 4,000 params: every one is reported, the first ones with the right
/// suggestion, and the search stops when its budget is spent (it was quadratic: 70 seconds).
@Test func thousandsOfUnknownNamesAmongThousandsOfParams() {
    let params = (0..<4000).map { "param value_\($0) = 1" }
    let uses = (0..<4000).map { "param result_\($0) = velue_\($0)" }
    let result = Checker.check(source: (params + uses).joined(separator: "\n"), path: "many.lever")
    let unknown = result.diagnostics.filter { $0.code == "L0210" }
    #expect(unknown.count == 4000)
    #expect(unknown.first?.help == "use `value_0`")
    let suggested = unknown.filter { !$0.fixIts.isEmpty }
    #expect(suggested.count > 100)
    for (i, d) in unknown.enumerated() where !d.fixIts.isEmpty {
        #expect(d.help == "use `value_\(i)`")
    }
}

/// `p1 = p0 + p0`, `p2 = p1 + p1`, …: each param is folded once per fold, not 2^60 times.
@Test func paramsThatDoubleFoldOnce() throws {
    let params = ["param p0 = 1"] + (1...60).map { "param p\($0) = p\($0 - 1) + p\($0 - 1)" }
    let result = Checker.check(source: (params + ["class c { haircut = p60 }"]).joined(separator: "\n"), path: "double.lever")
    #expect(result.diagnostics.map(\.code) == ["L0324"])
    let p60 = try #require(result.symbols.param("p60"))
    #expect(ConstantFolder(symbols: result.symbols).fold(p60) == 0x1p60)
}

/// The text and declaration limits hold for a policy and its imports together: the import that
/// passes them is where the error is, and the files after it are not parsed.
@Test func limitsHoldForAPolicyAndItsImportsTogether() throws {
    var limits = PolicyLimits()
    limits.maxBytes = 100
    let base = "param a = 1\n" + String(repeating: "// padding\n", count: 6)  // 78 bytes
    let files = ["root.lever": "import \"base.lever\"\nparam b = a\n", "base.lever": base]
    let result = Checker.check(files: files, root: "root.lever", limits: limits)
    #expect(result.diagnostics.map(\.code).contains("L0121"))
    let tooLarge = try #require(result.diagnostics.first { $0.code == "L0121" })
    #expect(tooLarge.primary.span != .synthetic, "located at the import")
    #expect(!result.isUnreadable, "the root itself was read")
    limits.maxBytes = 1000
    limits.maxDeclarations = 2
    let many = ["root.lever": "import \"base.lever\"\nparam b = a\nparam c = b\n", "base.lever": "param a = 1\nparam z = 2\n"]
    #expect(Checker.check(files: many, root: "root.lever", limits: limits).diagnostics.map(\.code).contains("L0124"))
}

/// A root file that cannot be read is an I/O failure, not a mistake in the policy.
@Test func anUnreadableRootIsToldApartFromAnUnreadableImport() {
    #expect(Checker.check(path: "/dev/null").isUnreadable)
    #expect(Checker.check(path: "/nonexistent/p.lever").isUnreadable)
    let importing = Checker.check(source: "import \"/dev/zero\"\n", path: "root.lever")
    #expect(importing.diagnostics.map(\.code) == ["L0205"])
    #expect(importing.diagnostics.first?.message == "cannot read file `/dev/zero`: not a regular file (a character device)")
    #expect(!importing.isUnreadable)
}
