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
    }
}
