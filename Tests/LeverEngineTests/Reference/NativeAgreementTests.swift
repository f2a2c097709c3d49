import Foundation
import Testing
import LeverCheck
@testable import LeverCompile
import LeverSyntax
import LeverTestSupport
@testable import LeverEngine

/// The native backend against the closure engine on generated policies, markets and books (the
/// differential test's generator): the same bits on every output of every account, at one and
/// two threads; and the ways it declines, each with its reason.
struct NativeAgreementTests {
    /// 40 generated policies by default; `LEVER_NATIVE_POLICIES=400` for a longer sweep.
    static let policies = ProcessInfo.processInfo.environment["LEVER_NATIVE_POLICIES"].flatMap { UInt64($0) } ?? 40

    @Test func generatedPoliciesGiveTheClosureEnginesBits() throws {
        let toolchain = try NativeToolchain.forTests()
        var compared = 0
        for seed in 1...Self.policies {
            guard let generated = GeneratedCase(seed: seed, accounts: 60) else { continue }
            var (engine, inputs, source) = (generated.engine, generated.inputs, generated.source)
            let closures = engine.results(for: inputs)
            try engine.useNative(toolchain: toolchain)
            for threads in [1, 2] {
                let native = engine.results(for: inputs, threads: threads)
                if let (j, a) = NativeProgram.firstDifference(closures, native) {
                    Issue.record("seed \(seed), output \(j), account \(a): closures \(closures[j][a]), native \(native[j][a])\n\(source)")
                }
            }
            compared += 1
        }
        #expect(compared * 10 >= Int(Self.policies) * 9)
    }

    /// Position values that read account values that read position values: three passes over
    /// each account's positions, with values kept between them (`NativeSource`'s scratch).
    @Test func chainedPassesKeepTheirValues() throws {
        let source = HandWorkedLending.policy + """

            measure gross per account = sum(notional)
            measure share per position = notional / max(1 USD, gross)
            measure top_share per account = max(share)
            measure spread per position = share * 2 - top_share
            measure excess per account = sum(max(0, spread) * notional where side == long)
            measure excess_share per account = sum(spread * share) / max(1 USD, excess) * 1 USD
            """
        let checked = Checker.check(source: source, path: "passes.lever")
        #expect(checked.isValid, "\(checked.diagnostics.map(\.message))")
        let plan = try #require(Compiler.compile(checked).0).plan
        let native = try NativeSource(plan: plan)
        #expect(native.scratchColumns >= 1)
        #expect(native.text.components(separatedBy: "for (int64_t p = p0").count - 1 == 3)
    }

    /// Found in review: an aggregate that reads no position value (`count(positions)`, a sum
    /// of a parameter) was never folded, and clang replaced `pow` with a constant exponent by a
    /// product, a square root or a quotient, which differ from the C library's `pow` in the last
    /// bit now and then. 2,000 accounts of varied sizes, against the closure engine's bits.
    @Test func literalAggregatesAndPowersGiveTheClosureEnginesBits() throws {
        let source = HandWorkedLending.policy + """

            param weight = 3
            measure held per account = count(positions)
            measure weighted per account = sum(weight)
            measure squared per account = (collateral / 1M USD) ^ 2
            measure root per account = (collateral / 1M USD) ^ 0.5
            measure inverse per account = (collateral / 1M USD + 1) ^ -1
            measure growth per account = 2 ^ (collateral / 1M USD)
            """
        let checked = Checker.check(source: source, path: "powers.lever")
        #expect(checked.isValid, "\(checked.diagnostics.map(\.message))")
        let policy = try #require(Compiler.compile(checked).0)
        var engine = MarginEngine(policy: policy, identity: PolicyIdentity(name: "p", version: "", hash: ""), horizon: 1.0 / 365)
        let market = try #require(MarketLoader.load(SourceFile(id: 0, path: "m.json", text: HandWorkedLending.market)).value)
        var random = SeededRandom(seed: 7)
        let book = Book(accounts: (0..<2_000).map { a in
            let eth = Double(random.int(1...1_000_000)) / 997, usdc = Double(random.int(0...5_000_000)) / 3
            return Account(id: "a\(a)", score: 700, positions: [.spot(.init(asset: "ETH", quantity: eth)),
                                                                  .spot(.init(asset: "USDC", quantity: a % 3 == 0 ? -usdc : usdc))])
        })
        let inputs = engine.programInputs(book: book, market: market)
        let closures = engine.results(for: inputs)
        try engine.useNative(toolchain: try NativeToolchain.forTests())
        let native = engine.results(for: inputs)
        if let (j, a) = NativeProgram.firstDifference(closures, native) {
            Issue.record("\(policy.outputs.indices.contains(j) ? policy.outputs[j].name : "output \(j)") of account \(a): closures \(closures[j][a]), native \(native[j][a])")
        }
        let held = try #require(policy.output("held"))
        #expect(native[held].allSatisfy { $0 == 2 })
    }

    /// A pass of more than `maxVersionedSteps` steps is written once, not once per kind and
    /// side: twelve copies of a 500-term sum would cost the C compiler more than they save.
    @Test func aLongPassIsWrittenOnce() throws {
        let terms = (1...500).map { "notional * \($0)%" }.joined(separator: " + ")
        let checked = Checker.check(source: HandWorkedLending.policy + "\nmeasure big per account = sum(\(terms))\n", path: "long.lever")
        #expect(checked.isValid, "\(checked.diagnostics.map(\.message))")
        let long = try NativeSource(plan: try #require(Compiler.compile(checked).0).plan)
        #expect(!long.text.contains("} else if (v"))
        let short = try NativeSource(plan: try #require(Compiler.compile(Checker.check(source: HandWorkedLending.policy, path: "l.lever")).0).plan)
        #expect(short.text.contains("} else if (v"))
    }

    @Test func aMissingCompilerIsNamed() {
        #expect(throws: NativeRefusal.self) {
            try NativeToolchain.find(environment: ["LEVER_CC": "/nonexistent/cc", "PATH": "/usr/bin"])
        }
        do {
            _ = try NativeToolchain.find(environment: ["LEVER_CC": "/nonexistent/cc"])
        } catch {
            #expect(error.description.contains("LEVER_CC names `/nonexistent/cc`"))
        }
    }

    /// A compiler that fails leaves the engine as it was, with the reason; a library already in
    /// the cache is loaded without compiling; a kept source that differs from the one asked for
    /// (as after a hash collision) is compiled again, never loaded.
    @Test func failuresAndTheCache() throws {
        let checked = Checker.check(source: HandWorkedLending.policy, path: "lending.lever")
        let policy = try #require(Compiler.compile(checked).0)
        var engine = MarginEngine(policy: policy, identity: PolicyIdentity(name: "l", version: "", hash: ""), horizon: 1.0 / 365)
        let good = try NativeToolchain.forTests()
        let failing = NativeToolchain(compiler: "/bin/false", cacheDirectory: good.cacheDirectory)
        do {
            try engine.useNative(toolchain: failing)
            Issue.record("a failing compiler built a library")
        } catch {
            #expect(error.description.contains("`/bin/false` failed (exit 1)"))
        }
        #expect(engine.native == nil)
        try engine.useNative(toolchain: good)
        let library = try #require(engine.native?.library)
        func inode() throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: library)[.systemFileNumber] as? Int)
        }
        let built = try inode()
        // Cached: loaded again, not built again (the same file).
        var again = engine
        try again.useNative(toolchain: good)
        #expect(again.native?.library == library)
        #expect(try inode() == built)
        // The kept source no longer matches (as after a hash collision): built again, a new file.
        try "/* another policy */\n".write(toFile: String(library.dropLast(3)) + ".c", atomically: true, encoding: .utf8)
        try again.useNative(toolchain: good)
        #expect(try inode() != built)
        // A cache others may write to is refused: their library would run as this user.
        let shared = try makeTemporaryDirectory("shared-cache")
        chmod(shared, 0o777)
        do {
            try again.useNative(toolchain: NativeToolchain(compiler: good.compiler, cacheDirectory: shared))
            Issue.record("a cache others may write to was used")
        } catch {
            #expect(error.description.contains("others may write to it"))
        }
    }
}
