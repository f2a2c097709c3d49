import Lever
import LeverDoc
import Testing

/// The document's content from policy text held in memory: notes, values, effective rules.
@Suite struct PolicyDocumentTests {
    static let source = """
        // Opening words of the policy.

        policy "Notes" version "7"

        // ---------------------------------------------------------------
        // A section heading, separated by a blank line: nobody's note.

        param a = 1%  // trailing on a
        // Above b, first line
        // and second line.
        param b = 2 days
        param c = a * 3

        // Not for d: a blank line follows.

        param d = 5M USD

        class base {
          haircut = 10%  // the floor
        }
        // Above the asset.
        asset X : base { haircut += 2% }  // on the asset line
        asset Y : base {
          haircut *= 200%
        }
        """

    static func document() -> PolicyDocument {
        PolicyDocument(Checker.check(source: source, path: "notes.lever"))
    }

    /// Rows of the first table after the heading `title` (a section, or an asset's subsection).
    static func table(_ title: String, in document: PolicyDocument) -> [[String]] {
        let level = title.hasPrefix("Asset ") ? 3 : 2
        guard let start = document.blocks.firstIndex(of: .heading(level: level, text: title)) else { return [] }
        for block in document.blocks[start...] {
            if case .table(_, let rows) = block { return rows }
        }
        return []
    }

    /// The remedies a policy offers are listed, each with what it is and where it is declared.
    @Test func remediesAreListed() {
        let source = """
            policy "R" version "1"
            class stable { haircut = 0% }
            asset USDC : stable
            asset USDT : stable
            remedy top_up in USDC, USDT  // stablecoins only
            remedy repay
            """
        let document = PolicyDocument(Checker.check(source: source, path: "r.lever"))
        let rows = Self.table("Remedies", in: document)
        #expect(rows.map { Array($0.prefix(2)) } == [["`top_up`", "a deposit in `USDC`, `USDT`"], ["`repay`", "repaying part of a debt"]])
        #expect(rows.first?.last == "stablecoins only")
        #expect(Self.table("Remedies", in: Self.document()).isEmpty)
    }

    @Test func chainsAndTheBridgeBlockAreSections() {
        let source = """
            policy "C" version "1"
            class crypto { haircut = 20% }
            asset ETH : crypto
            chain ethereum
            chain arbitrum { bridge_haircut = 3% }  // the canonical rollup bridge
            bridge { home = ethereum }
            """
        let document = PolicyDocument(Checker.check(source: source, path: "c.lever"))
        let rows = Self.table("Chains", in: document)
        #expect(rows.map { Array($0.prefix(3)) } == [["`ethereum`", "no bridge rule", ""], ["`arbitrum`", "`bridge_haircut = 3%`", "3%"]])
        #expect(rows.last?.last == "the canonical rollup bridge")
        #expect(Self.table("Bridges", in: document).map { Array($0.prefix(2)) } == [["`home`", "`ethereum`"]])
    }

    @Test func theReputationBlockIsASection() {
        let source = """
            policy "R" version "1"
            input account.score in [0, 1000]
            tiers by account.score {
              [500, 1000] -> Good { credit_line = 1M USD }
              [0, 500)    -> Watch { credit_line = 0 USD }
            }
            reputation {
              max_score_age = 7 days  // the provider refreshes daily
              stale_score = Watch
            }
            """
        let rows = Self.table("Reputation", in: PolicyDocument(Checker.check(source: source, path: "r.lever")))
        #expect(rows.map { Array($0.prefix(2)) } == [["`max_score_age`", "`7 days`"], ["`stale_score`", "`Watch`"]])
        #expect(rows.first?.last == "the provider refreshes daily")
    }

    @Test func commentsAttachToTheirDeclarations() {
        let rows = Self.table("Parameters", in: Self.document())
        let notes = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[3]) })
        #expect(notes["`a`"] == "trailing on a")
        #expect(notes["`b`"] == "Above b, first line and second line.")
        #expect(notes["`c`"] == "")
        #expect(notes["`d`"] == "")
    }

    @Test func valuesKeepTheirWrittenUnits() {
        let rows = Self.table("Parameters", in: Self.document())
        #expect(rows.map { $0[1] } == ["1%", "2 days", "`a * 3` = 3%", "5M USD"])
        #expect(rows.map { $0[2] } == ["notes.lever:8", "notes.lever:11", "notes.lever:12", "notes.lever:16"])
    }

    @Test func assetsShowTheEffectiveRuleAndWhereEachPartComesFrom() {
        let document = Self.document()
        let x = Self.table("Asset `X`", in: document)
        #expect(x == [["`haircut`", "`10%` then `+= 2%`", "12%", "base, X", ""]])
        let y = Self.table("Asset `Y`", in: document)
        #expect(y == [["`haircut`", "`10%` then `*= 200%`", "20%", "base, Y", ""]])
        #expect(document.blocks.contains(.paragraph("Class chain `base` → `X` (notes.lever:22). Above the asset. on the asset line")))
    }

    @Test func theOpeningCommentIntroducesTheDocument() {
        let document = Self.document()
        #expect(document.title == "Notes")
        #expect(document.blocks.contains(.paragraph("Opening words of the policy.")))
        #expect(!document.blocks.contains { block in
            if case .paragraph(let text) = block { return text.contains("section heading") }
            return false
        })
    }
}
