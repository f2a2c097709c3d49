import Testing
@testable import LeverCheck
import LeverSyntax

@Suite struct ProofAnalysisTests {
    /// Proves every assertion of `text` against its symbol table.
    func prove(_ text: String) -> (AnalysisFixture, [ProofAnalysis.Report]) {
        let f = AnalysisFixture(text)
        #expect(f.parseDiagnostics.isEmpty, "\(f.parseDiagnostics.map(\.message))")
        let parsed = ParsedFile(source: f.file, policy: f.policy, comments: [], diagnostics: [])
        let (symbols, _) = SymbolTable.build(files: [parsed])
        let reports = f.policy.declarations.compactMap { d -> ProofAnalysis.Report? in
            guard case .assertion(let a) = d.kind else { return nil }
            return ProofAnalysis.check(a, span: a.condition.span, symbols: symbols, evaluator: f.evaluator)
        }
        return (f, reports)
    }

    /// Equal up to floating-point rounding, with the same open and closed ends.
    func close(_ a: Bounds?, _ b: Bounds) -> Bool {
        guard let a else { return false }
        return abs(a.lower - b.lower) < 1e-12 && abs(a.upper - b.upper) < 1e-12
            && a.lowerClosed == b.lowerClosed && a.upperClosed == b.upperClosed
    }

    static let prime = """
        input vol in [0, 5]
        param horizon = 2 days
        param z = 2.33
        class stable { haircut = 2% }
        class major  { haircut = clamp(z * vol * sqrt(horizon), 10%, 40%) }
        class alt    { haircut = clamp(z * vol * sqrt(horizon), 25%, 100%) }
        asset USDC : stable
        asset BTC  : major
        asset SOL  : alt { haircut += 1% per 1M USD of notional above 5M USD }
        venue Binance { haircut += 3% }

        """

    @Test func provedAndUnprovedInstances() {
        let (f, reports) = prove(Self.prime + "assert every asset: haircut in [0%, 100%]")
        let r = reports[0]
        #expect(r.results.map(\.instance) == ["USDC", "BTC", "SOL"])
        #expect(r.results.map(\.outcome) == [.proved, .proved, .unknown])
        #expect(close(r.results[1].subject, Bounds(0.10, 0.43)))           // clamp to 40%, plus Binance's 3%
        #expect(r.diagnostics.count == 1)
        let note = r.diagnostics[0]
        #expect(note.code == "L0602" && note.severity == .note)
        #expect(note.message == "cannot prove this assertion for `SOL`; kept as a runtime check")
        #expect(note.notes == ["`haircut` of `SOL` can take any value in [25%, +∞)"])
        #expect(f.at(note.primary.span) == "11:21" && f.text(note.primary.span) == "haircut in [0%, 100%]")
    }

    @Test func disprovedInstanceIsNamed() {
        let (f, reports) = prove(Self.prime + """
            class meme { haircut = 120% }
            asset PEPE : meme
            assert every asset: haircut in [0%, 100%]
            """)
        let errors = reports[0].diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        let e = errors[0]
        #expect(e.code == "L0601")
        #expect(e.message == "`haircut` of `PEPE` lies in [120%, 123%], outside [0%, 100%]")  // Binance adds 3%
        #expect(f.at(e.primary.span) == "13:21")
        #expect(e.primary.message == "fails for `PEPE` whatever the inputs")
        #expect(e.secondary.map { f.text($0.span) } == ["PEPE"])
        #expect(e.secondary.first?.message == "`PEPE` declared here")
        #expect(reports[0].results.last?.outcome == .disproved)
    }

    @Test func disprovedRange() {
        let (_, reports) = prove("""
            input vol in [0, 5]
            class wild { haircut = clamp(vol, 110%, 130%) }
            asset DOGE : wild
            assert every asset: haircut <= 100%
            """)
        #expect(reports[0].diagnostics.map(\.message) == ["`haircut` of `DOGE` lies in [110%, 130%], never at most 100%"])
    }

    @Test func overrideChainOperators() {
        let (_, reports) = prove("""
            class base { haircut = 10% }
            class sub : base { haircut *= 2 }
            asset A : sub { haircut -= 5% }
            asset B : sub { haircut += 5% }
            assert every asset: haircut in [15%, 25%]
            """)
        #expect(close(reports[0].results[0].subject, .exactly(0.15)))
        #expect(close(reports[0].results[1].subject, .exactly(0.25)))
        #expect(reports[0].results.map(\.outcome) == [.proved, .proved])
        #expect(reports[0].diagnostics.isEmpty)
    }

    @Test func marginAssertionWithoutQuantifier() {
        let (_, proved) = prove("""
            margin { initial = 10%; maintenance = 60% * initial }
            assert maintenance < initial
            """)
        #expect(proved[0].results.map(\.outcome) == [.proved] && proved[0].diagnostics.isEmpty)

        let (f, broken) = prove("""
            margin { initial = 10%; maintenance = 120% * initial }
            assert maintenance < initial
            """)
        #expect(broken[0].diagnostics.map(\.message) == ["`maintenance` is 12%, never below `initial`"])
        #expect(f.at(broken[0].diagnostics[0].primary.span) == "2:8")
    }

    @Test func perAssetInputRanges() {
        let (_, reports) = prove("""
            input SOL.vol in [0, 1]
            class alt { haircut = clamp(vol, 25%, 100%) }
            asset SOL : alt
            assert every asset: haircut < 100%
            """)
        // `vol` of SOL is [0, 1], so clamp reaches 100%: the assertion can fail, but not always
        #expect(reports[0].results.map(\.outcome) == [.unknown])
        #expect(reports[0].diagnostics.first?.notes == ["`haircut` of `SOL` can take any value in [25%, 100%]"])
    }

    @Test func selfReferenceDoesNotLoop() {
        let (_, reports) = prove("""
            margin { initial = maintenance; maintenance = initial }
            assert initial >= 0
            """)
        #expect(reports[0].results.map(\.outcome) == [.unknown])
    }
}

@Suite struct ProofAnalysisAffineTests {
    @Test func sharedQuantityIsTrackedAcrossBothSides() {
        let (_, reports) = ProofAnalysisTests().prove("""
            margin {
              initial     = max(5%, 0.1% * sqrt(notional / 1 USD))
              maintenance = 60% * initial
            }
            assert maintenance < initial
            assert initial - maintenance >= 2%
            assert maintenance > initial
            """)
        #expect(reports.map { $0.results.map(\.outcome) } == [[.proved], [.proved], [.disproved]])
        #expect(reports[2].diagnostics.map(\.code) == ["L0601"])
    }

    @Test func unrelatedRangesStayUnknown() {
        let (_, reports) = ProofAnalysisTests().prove("""
            input vol in [0, 5]
            margin { initial = max(5%, vol); maintenance = 10% }
            assert maintenance < initial
            """)
        #expect(reports[0].results.map(\.outcome) == [.unknown])
        #expect(reports[0].diagnostics.first?.message == "cannot prove this assertion; kept as a runtime check")
    }
}

@Suite struct ProofAnalysisCostTests {
    @Test func propertiesReferringToEachOtherManyTimesStayFast() {
        // each property uses the next one 8 times: without memoising this is 8^8 evaluations
        let props = (0..<8).map { i in
            "p\(i) = " + Array(repeating: "p\(i + 1)", count: 8).joined(separator: " + ")
        }.joined(separator: "; ")
        let (_, reports) = ProofAnalysisTests().prove("margin { \(props); p8 = 1% }\nassert p0 > 0")
        #expect(reports[0].results.map(\.outcome) == [.proved])
    }
}
