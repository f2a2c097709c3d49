import Testing
@testable import LeverCheck
import LeverSyntax

@Suite struct TableAnalysisTests {
    /// Checks the first table of `text`; `domains` describes its keys.
    func check(_ text: String, domains: [TableAnalysis.KeyDomain] = [.numeric(Bounds(0, 1000))])
        -> (AnalysisFixture, [Diagnostic]) {
        let f = AnalysisFixture(text)
        #expect(f.parseDiagnostics.isEmpty, "\(f.parseDiagnostics.map(\.message))")
        guard let table = f.tables.first else { return (f, []) }
        return (f, TableAnalysis.check(table, domains: domains, evaluator: f.evaluator))
    }

    @Test func completeTierTableIsClean() {
        let (_, d) = check("""
            tiers by account.score {
              [800, 1000] -> Prime { credit_line = 5M USD }
              [650, 800)  -> Core
              [500, 650)  -> Basic
              [0, 500)    -> Watch
            }
            """)
        #expect(d.isEmpty)
    }

    @Test func gapIsNamedPrecisely() {
        let (f, d) = check("""
            tiers by account.score {
              [800, 1000] -> Prime
              [650, 800)  -> Core
              [520, 650)  -> Basic
              [0, 500)    -> Watch
            }
            """)
        #expect(d.count == 1)
        let gap = d[0]
        #expect(gap.code == "L0401" && gap.severity == .error)
        #expect(gap.message == "`account.score` values in [500, 520) match no row")
        #expect(gap.help == "add a row for it or an `else` row")
        #expect(f.at(gap.primary.span) == "1:10" && f.text(gap.primary.span) == "account.score")
        #expect(gap.secondary.map(\.message) == ["`Basic` starts at 520", "`Watch` ends at 500"])
        #expect(gap.secondary.map { f.at($0.span) } == ["4:3", "5:3"])
    }

    @Test func withoutDomainTheWholeLineMustBeCovered() {
        let (_, d) = check("""
            tiers by account.score {
              >= 800 -> Prime
              (300, 800) -> Core
            }
            """, domains: [])
        #expect(d.map(\.message) == ["`account.score` values in (-∞, 300] match no row"])
    }

    @Test func pointGapBetweenOpenEnds() {
        let (_, d) = check("""
            tiers by account.score { [0, 500) -> Low; (500, 1000] -> High }
            """)
        #expect(d.map(\.message) == ["`account.score` values in 500 match no row"])
    }

    @Test func overlapUnderUniqueNamesBothRows() {
        let (f, d) = check("""
            tiers by account.score {
              [650, 1000] -> Core
              [0, 700)    -> Basic
            }
            """)
        #expect(d.count == 1)
        let o = d[0]
        #expect(o.code == "L0402" && o.severity == .error)
        #expect(o.message == "rows `Core` and `Basic` overlap on [650, 700)")
        #expect(f.at(o.primary.span) == "3:3" && f.text(o.primary.span) == "[0, 700)")
        #expect(o.secondary.map { f.at($0.span) } == ["2:3"])
        #expect(o.secondary.first?.message == "`Core` matches it too")
    }

    @Test func touchingClosedEndsOverlapOnOnePoint() {
        let (_, d) = check("tiers by account.score { [0, 500] -> Low; [500, 1000] -> High }")
        #expect(d.map(\.message) == ["rows `Low` and `High` overlap on 500"])
    }

    @Test func firstPolicyWarnsForDeadRow() {
        let (f, d) = check("""
            tiers by account.score hit first {
              >= 800 -> Prime
              >= 900 -> Super
              else   -> Rest
            }
            """)
        #expect(d.count == 1)
        let w = d[0]
        #expect(w.code == "L0403" && w.severity == .warning)
        #expect(w.message == "row `Super` can never fire")
        #expect(f.at(w.primary.span) == "3:13")
        #expect(w.secondary.map(\.message) == ["`Prime` takes its values"])
    }

    @Test func elseAfterCompleteCoverageNeverFires() {
        let (_, d) = check("tiers by account.score { [0, 500) -> Low; [500, 1000] -> High; else -> Never }")
        #expect(d.map(\.code) == ["L0403"])
        #expect(d.first?.message == "row `Never` can never fire")
    }

    @Test func elseFillsGapsWithoutOverlapping() {
        let (_, d) = check("tiers by account.score { [800, 1000] -> Prime; else -> Rest }")
        #expect(d.isEmpty)
    }

    @Test func emptyInterval() {
        let (f, d) = check("tiers by account.score { [800, 650) -> Odd; else -> Rest }")
        #expect(d.count == 1)
        #expect(d[0].code == "L0404" && d[0].severity == .error)
        #expect(d[0].message == "this interval contains no value")
        #expect(d[0].primary.message == "lower end 800 is above upper end 650")
        #expect(f.text(d[0].primary.span) == "[800, 650)")
    }

    @Test func paramsFoldInRowBounds() {
        let (_, d) = check("""
            param prime_floor = 800
            tiers by account.score { >= prime_floor -> Prime; [0, prime_floor) -> Rest }
            """)
        #expect(d.isEmpty)
    }

    @Test func nonConstantRowGetsNoteAndNoGapReport() {
        let (f, d) = check("tiers by account.score { >= account.floor -> Prime; [0, 500) -> Rest }")
        #expect(d.count == 1)
        #expect(d[0].code == "L0406" && d[0].severity == .note)
        #expect(d[0].message == "cannot check row `Prime` for gaps and overlaps")
        #expect(f.text(d[0].primary.span) == ">= account.floor")
    }

    @Test func duplicateCategoryUnderUnique() {
        let (f, d) = check("""
            table region_cap by account.region {
              "EU" | "UK" -> Europe
              "UK"        -> Britain
              else        -> Rest
            }
            """, domains: [.unknown])
        #expect(d.count == 1)
        #expect(d[0].code == "L0405")
        #expect(d[0].message == "rows `Europe` and `Britain` both match `\"UK\"`")
        #expect(f.at(d[0].primary.span) == "3:3")
    }

    @Test func categoryMissingFromKnownDomain() {
        let (f, d) = check("table side_weight by side { long -> Long }", domains: [.categories(["long", "short"])])
        #expect(d.count == 1)
        #expect(d[0].code == "L0408" && d[0].severity == .error)
        #expect(d[0].message == "`side` value `short` matches no row")
        #expect(f.text(d[0].primary.span) == "side")
    }

    @Test func openCategoriesWithoutElseGetNote() {
        let (_, d) = check("table cap by account.region { \"EU\" -> Europe }", domains: [.unknown])
        #expect(d.map(\.code) == ["L0407"])
        #expect(d.first?.message == "cannot prove that every `account.region` value matches a row")
        #expect(d.first?.help == "add an `else` row")
    }

    @Test func multiColumnWithFallbackIsClean() {
        let (_, d) = check("""
            table region_cap by account.region, account.score {
              "EU" | "UK", [0, 500) -> Small
              else, else -> Large
            }
            """, domains: [.unknown, .numeric(Bounds(0, 1000))])
        #expect(d.isEmpty)
    }

    @Test func multiColumnGapNamesTheCombination() {
        let (f, d) = check("""
            table region_cap by side, account.score {
              long, [0, 1000] -> Longs
              short, [0, 500) -> SmallShorts
            }
            """, domains: [.categories(["long", "short"]), .numeric(Bounds(0, 1000))])
        #expect(d.count == 1)
        #expect(d[0].code == "L0409")
        #expect(d[0].message == "no row matches `side` = `short` with `account.score` in [500, 1000]")
        #expect(f.text(d[0].primary.span) == "side, account.score")
    }

    @Test func multiColumnOverlap() {
        let (_, d) = check("""
            table cap by side, account.score {
              long, [0, 600) -> A
              else, [500, 1000] -> B
            }
            """, domains: [.categories(["long", "short"]), .numeric(Bounds(0, 1000))])
        #expect(d.map(\.message) == [
            "rows `A` and `B` overlap on `side` = `long` with `account.score` in [500, 600)",
            "no row matches `side` = `short` with `account.score` in [0, 500)",
        ])
    }

    @Test func patternCountMismatch() {
        let (_, d) = check("table cap by side, account.score { long -> A; else, else -> B }",
                           domains: [.categories(["long", "short"]), .numeric(Bounds(0, 1000))])
        #expect(d.map(\.code) == ["L0410"])
        #expect(d.first?.message == "row has 1 pattern but the table has 2 keys")
    }

    @Test func percentKeysAreShownInPercent() {
        let (_, d) = check("table fee by utilization { [0%, 50%) -> Low; [60%, 100%] -> High }",
                           domains: [.numeric(Bounds(0, 1))])
        #expect(d.map(\.message) == ["`utilization` values in [50%, 60%) match no row"])
    }

    @Test func hugeTablesAreNotEnumerated() {
        // 6 numeric columns with 10 ranges each: about 21^6 cells, far above the limit
        let keys = (0..<6).map { "account.k\($0)" }.joined(separator: ", ")
        let rows = (0..<10).map { i in
            Array(repeating: "[\(i * 10), \(i * 10 + 10))", count: 6).joined(separator: ", ") + " -> R\(i)"
        }.joined(separator: "\n  ")
        let (_, d) = check("table big by \(keys) {\n  \(rows)\n}", domains: Array(repeating: .unknown, count: 6))
        #expect(d.map(\.code) == ["L0411"])
        #expect(d.first?.severity == .note)
        #expect(d.first?.message == "table has too many combinations of key values to check for gaps")
    }

    @Test func manyRowsStayFastAndStillFindGapsAndOverlaps() {
        // 5,000 adjacent rows with one missing and one extra: all found by the one-column sweep
        var rows = (0..<5_000).filter { $0 != 1234 }.map { "[\($0), \($0 + 1)) -> R\($0)" }
        rows.append("[100, 101] -> Extra")
        let (_, d) = check("tiers by account.score {\n\(rows.joined(separator: "\n"))\n}",
                           domains: [.numeric(Bounds(0, 5_000, upperClosed: false))])
        #expect(d.map(\.message) == ["rows `R100` and `Extra` overlap on [100, 101)",
                                     "rows `R101` and `Extra` overlap on 101",
                                     "`account.score` values in [1234, 1235) match no row"])
    }

    @Test func pathologicalOverlapGivesUpWithNote() {
        let rows = (0..<600).map { "[0, 1000] -> R\($0)" }.joined(separator: "\n")
        let (_, d) = check("tiers by account.score {\n\(rows)\n}")
        #expect(d.map(\.code) == ["L0412"])
        #expect(d.first?.message == "table has too many rows to check for overlaps")
    }
}
