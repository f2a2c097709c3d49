import Testing
@testable import LeverSyntax

/// `remedy` declarations: parsing, errors, and round trips through the formatter.
struct RemedySyntaxTests {
    static func remedies(_ text: String) -> ([RemedyDecl], [Diagnostic]) {
        let parsed = Parser.parse(SourceFile(id: 0, path: "r.lever", text: text))
        let decls = parsed.policy.declarations.compactMap { d -> RemedyDecl? in
            if case .remedy(let r) = d.kind { return r }
            return nil
        }
        return (decls, parsed.diagnostics)
    }

    @Test func parsesEveryKind() {
        let (decls, diagnostics) = Self.remedies("""
            remedy top_up in USDC, USDT,DAI
            remedy repay
            """)
        #expect(diagnostics.isEmpty)
        #expect(decls.map(\.kind.text) == ["top_up", "repay"])
        #expect(decls[0].assets.map(\.text) == ["USDC", "USDT", "DAI"])
        #expect(decls.map(\.text) == ["remedy top_up in USDC, USDT, DAI", "remedy repay"])
    }

    @Test func anUnknownKindOrAMissingListIsAnError() {
        let (_, unknown) = Self.remedies("remedy swap")
        #expect(unknown.contains { $0.message.contains("`top_up`, `repay`, `reduce` or `hedge`") })
        // A reduction must say where its realised profit or loss is settled.
        let (_, unsettled) = Self.remedies("remedy reduce\nparam z = 1")
        #expect(unsettled.contains { $0.message.contains("`in`") })
        let (decls, none) = Self.remedies("remedy reduce in USDC")
        #expect(none.isEmpty)
        #expect(decls.map(\.text) == ["remedy reduce in USDC"])
        // The hedge reads aloud with or without its words around the band.
        for text in ["remedy hedge with perps within 5% delta", "remedy hedge within 5%"] {
            let (hedge, clean) = Self.remedies(text)
            #expect(clean.isEmpty, "\(text)")
            #expect(hedge.map(\.text) == ["remedy hedge with perps within 5% delta"])
        }
        let (_, noBand) = Self.remedies("remedy hedge\nparam z = 1")
        #expect(noBand.contains { $0.message.contains("`within`") })
        let (_, bare) = Self.remedies("remedy top_up\nparam z = 1")
        #expect(bare.contains { $0.message.contains("`in`") })
        let (_, trailing) = Self.remedies("remedy top_up in USDC,\nparam z = 1")
        #expect(!trailing.isEmpty)
    }

    @Test func roundTripsThroughTheFormatter() {
        let text = """
            policy "r" version "1"
            class stable { haircut = 0% }
            asset USDC : stable
            asset USDT : stable
            remedy top_up in USDC,USDT  // stablecoins only
            remedy repay
            """
        let formatted = FormatCheck.formatStable(text, path: "r.lever")
        #expect(formatted?.contains("remedy top_up in USDC, USDT  // stablecoins only\nremedy repay\n") == true)
    }
}
