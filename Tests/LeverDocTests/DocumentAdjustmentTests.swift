import Lever
import LeverDoc
import Testing

/// The value column shows an adjustment as one, and an assert's status says why it is not proved.
@Suite struct DocumentAdjustmentTests {
    static let source = """
        policy "Steps" version "1"

        input vol in [0, 5]

        class base { haircut = 10% }
        class plus : base { haircut += 3% }
        class minus : base { haircut -= 2% }
        class one : base { haircut += 1% }
        class wide : base { haircut = 100% }
        asset A : plus
        asset W : wide

        venue Scaled { haircut *= 110% }
        venue Points { haircut += 4% }

        assert every asset: haircut in [0%, 100%]
        """

    static func document() -> PolicyDocument {
        PolicyDocument(Checker.check(source: source, path: "steps.lever"))
    }

    /// The rows of the first table after the heading `title`.
    static func table(_ title: String, level: Int, in document: PolicyDocument) -> [[String]] {
        guard let start = document.blocks.firstIndex(of: .heading(level: level, text: title)) else { return [] }
        for block in document.blocks[start...] {
            if case .table(_, let rows) = block { return rows }
        }
        return []
    }

    @Test func classAdjustmentsReadAsPoints() {
        let document = Self.document()
        #expect(Self.table("Class `plus`", level: 3, in: document).map { $0[2] } == ["+3 pts"])
        #expect(Self.table("Class `minus`", level: 3, in: document).map { $0[2] } == ["−2 pts"])
        #expect(Self.table("Class `one`", level: 3, in: document).map { $0[2] } == ["+1 pt"])
        #expect(Self.table("Class `base`", level: 3, in: document).map { $0[2] } == ["10%"])
        // The effective value of a whole chain is still a value.
        #expect(Self.table("Asset `A`", level: 3, in: document).map { $0[2] } == ["13%"])
    }

    @Test func venueAdjustmentsReadAsAdjustments() {
        let rows = Self.table("Venues", level: 2, in: Self.document())
        #expect(rows.map { $0[2] } == ["×1.1", "+4 pts"])
    }

    @Test func theSameValuesInMarkdownAndHTML() {
        let document = Self.document()
        for text in [DocumentMarkdown.render(document), DocumentHTML.render(document)] {
            #expect(text.contains("×1.1") && text.contains("+3 pts") && text.contains("−2 pts"))
            #expect(!text.contains("110%</td>") && !text.contains("| 110% |"))
        }
    }

    @Test func anUnprovedAssertShowsTheRangeTheCheckerFound() throws {
        let rows = Self.table("Asserts", level: 2, in: Self.document())
        let status = try #require(rows.first?[1])
        #expect(status.hasPrefix("checked at run time: not proved for `W`"), "\(status)")
        #expect(status.contains("`haircut` of `W` can take any value in [100%, "), "\(status)")
    }
}
