import Foundation
import Testing
import LeverTestSupport
@testable import LeverTesting

/// The parameter diff is complete: every mutant of a shipped policy that changes any output of
/// any account of its golden books (and, for prime, the sample book) shows in the diff, naming
/// the declaration that was edited; and a mutant the diff calls unchanged changes no output.
///
/// Mutants come from `PolicyMutator` (numbers nudged, operators swapped, rules deleted and
/// moved, rows and points removed and added); those that do not check are skipped. The counts
/// are printed, and at least 500 valid mutants must run.
@Suite struct DiffMutationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardized

    /// A policy and the books it is measured on.
    struct Subject {
        var policy: String
        var books: [(book: String, market: String)]
    }

    static func subjects() -> [Subject] {
        ["prime", "lending", "margin_workload", "credit_desk"].map { name in
            let golden = root.appendingPathComponent("Tests/Golden/\(name)")
            let cases = (try? FileManager.default.contentsOfDirectory(atPath: golden.path)) ?? []
            var books = cases.sorted().map { c in
                (golden.appendingPathComponent("\(c)/book.json").path, golden.appendingPathComponent("\(c)/market.json").path)
            }.filter { FileManager.default.fileExists(atPath: $0.0) }
            if name == "prime" {
                books.append((root.appendingPathComponent("Rules/sample/book.json").path,
                              root.appendingPathComponent("Rules/sample/market.json").path))
            }
            return Subject(policy: root.appendingPathComponent("Rules/\(name).lever").path, books: books)
        } + protocolSubjects()
    }

    /// The protocol policies (`Rules/protocols/`), each with the books of the golden cases that
    /// name it: exact arithmetic, rounding directions and guard periods are mutated too.
    static func protocolSubjects() -> [Subject] {
        let golden = root.appendingPathComponent("Tests/Golden/protocols")
        let cases = ((try? FileManager.default.contentsOfDirectory(atPath: golden.path)) ?? []).sorted()
        let rules = root.appendingPathComponent("Rules/protocols")
        let policies = ((try? FileManager.default.contentsOfDirectory(atPath: rules.path)) ?? []).filter { $0.hasSuffix(".lever") }.sorted()
        return policies.map { file in
            let books = cases.filter { c in
                let settings = (try? String(contentsOf: golden.appendingPathComponent("\(c)/case.json"), encoding: .utf8)) ?? ""
                return settings.contains("/\(file)\"")
            }.map { c in
                (golden.appendingPathComponent("\(c)/book.json").path, golden.appendingPathComponent("\(c)/market.json").path)
            }
            return Subject(policy: rules.appendingPathComponent(file).path, books: books)
        }
    }

    /// Everything an evaluation shows for every account, NaN-safe (compared as text).
    static func outputs(_ engine: MarginEngine, _ inputs: [(Book, MarketSnapshot)]) -> [String] {
        inputs.map { book, market in
            let report = Lever.evaluate(engine, book: book, market: market)
            return "\(report.outputs.map(\.name))|" + report.accounts.map {
                "\($0.id) \($0.values) \($0.violations) \(String(describing: $0.liquidation))"
            }.joined(separator: "\n")
        }
    }

    /// What one mutant did: nil when it does not check.
    struct Outcome: Sendable {
        var changed = false
        var quiet = false
        var miss: String?
    }

    @Test func everyMutantThatChangesAnOutputShowsInTheDiffNamingItsDeclaration() throws {
        var outcomes: [Outcome?] = []
        for subject in Self.subjects() {
            let source = try String(contentsOfFile: subject.policy, encoding: .utf8)
            let original = Lever.loadPolicy(source: source, path: subject.policy)
            let engine = try #require(original.engine)
            let inputs = try subject.books.map { pair -> (Book, MarketSnapshot) in
                // As every lever command loads them: names checked against the policy, so an asset
                // missing from a snapshot is left to its oracle rule (aave-debt-without-price).
                let loaded = try Lever.loadInputs(market: pair.market, book: pair.book, policy: PolicyNames(policy: engine.policy))
                return (try #require(loaded.book), try #require(loaded.market))
            }
            #expect(!inputs.isEmpty)
            let baseline = Self.outputs(engine, inputs)
            let mutants = PolicyMutator(source: source, path: subject.policy).mutants()
            let flattener = PolicyFlattener(original.checked)
            let declarations = original.checked.root?.policy.declarations ?? []
            let name = URL(fileURLWithPath: subject.policy).lastPathComponent
            // Mutants are independent: judge them on every core, each into its own slot.
            let results = ResultSlots<Outcome?>(count: mutants.count)
            DispatchQueue.concurrentPerform(iterations: mutants.count) { k in
                let mutant = mutants[k]
                let loaded = Lever.loadPolicy(source: mutant.source, path: subject.policy)
                guard let mutantEngine = loaded.engine, loaded.checked.isValid else { return results.set(k, nil) }
                var outcome = Outcome(changed: Self.outputs(mutantEngine, inputs) != baseline)
                let diff = ParameterDiff.compare(old: original.checked, new: loaded.checked)
                outcome.quiet = diff.isEmpty
                if outcome.changed, diff.isEmpty {
                    outcome.miss = "\(name): \(mutant.description): outputs changed, the diff is empty"
                } else if outcome.changed, let declaration = declarations.first(where: {
                    $0.span.start <= mutant.offset && mutant.offset <= $0.span.end
                }) {
                    let subjects = flattener.subjects(of: declaration)
                    // A grid scenario's members are named `scenario scan(ES -10%, ES.vol +25%)`.
                    let named = { (subject: String) in subject.split(separator: "(", maxSplits: 1).first.map(String.init) ?? subject }
                    if !diff.contains(where: { subjects.contains($0.subject) || subjects.contains(named($0.subject)) }) {
                        outcome.miss = "\(name): \(mutant.description): the diff names \(diff.map(\.subject)), not \(subjects.sorted())"
                    }
                }
                results.set(k, outcome)
            }
            outcomes += results.values
        }
        let valid = outcomes.compactMap { $0 }
        let misses = valid.compactMap(\.miss)
        print("diff mutation test: \(valid.count) valid mutants (\(valid.filter(\.changed).count) change an output, "
              + "\(valid.filter(\.quiet).count) show no change), \(outcomes.count - valid.count) do not check")
        #expect(valid.count >= 500, "only \(valid.count) valid mutants")
        #expect(misses.isEmpty, "\(misses.count) misses:\n\(misses.prefix(20).joined(separator: "\n"))")
    }
}

/// Slots written once each from concurrent iterations, read after they all finish.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ k: Int, _ value: Value) {
        lock.lock()
        slots[k] = value
        lock.unlock()
    }

    /// Every slot, in order; each must have been set.
    var values: [Value] { slots.map { $0! } }
}
