import Foundation
import LeverSyntax
import Testing

/// `--format sarif` against what SARIF 2.1.0 requires of a log (§3.13 sarifLog, §3.14 run, §3.19
/// toolComponent, §3.27 result, §3.28 location, §3.30 region, §3.49 reportingDescriptor, §3.55 fix):
/// the required properties with their types, levels from the spec's enumeration, rule indexes
/// that point at their rule, 1-based regions, and replacements that reproduce the fix-its.
@Suite struct SARIFTests {
    static let sources: SourceMap = {
        var map = SourceMap()
        map.add(path: "Rules/my policy.lever", text: "class major {\n  haircut = z * vol + notional\n}\n")
        map.add(path: "/abs/base.lever", text: "param z = 2\n")
        return map
    }()

    static func s(_ needle: String, file: Int = 0) -> Span { RenderCase.span(needle, in: sources, file: file) }

    static let diagnostics: [Diagnostic] = [
        .error("L0304", "cannot add a USD amount to a ratio", at: s(" + "), secondary: [.init(s("z * vol"), "ratio"),
               .init(s("notional"), "USD")], notes: ["declared as `%`"], help: "divide by an amount"),
        .warning("L0221", "`haircut` shadows", at: s("haircut"), help: "rename it",
                 fixIts: [.init("use `hair`", [.init(s("haircut"), "hair")])]),
        .note("L0602", "kept as a runtime check", at: s("param z", file: 1)),
        .error("L0304", "cannot add again", at: s("z * vol")),
        .error("L0001", "about no place", at: .synthetic),
    ]

    static func log() throws -> [String: Any] {
        let text = DiagnosticRenderer(style: .sarif, toolVersion: "0.10.0").render(diagnostics, sources: sources)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theLogHasWhatSARIFRequires() throws {
        let log = try Self.log()
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.hasSuffix("sarif-2.1.0.json") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "lever")
        #expect(driver["version"] as? String == "0.10.0")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == ["L0001", "L0221", "L0304", "L0602"], "one rule per code, sorted")
        for rule in rules {
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(["none", "note", "warning", "error"].contains(level ?? ""))
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == Self.diagnostics.count)
        for result in results {
            let id = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == id, "ruleIndex points at its rule")
            #expect(["none", "note", "warning", "error"].contains(result["level"] as? String ?? ""))
            #expect((result["message"] as? [String: Any])?["text"] is String)
            for location in (result["locations"] as? [[String: Any]] ?? []) + (result["relatedLocations"] as? [[String: Any]] ?? []) {
                let physical = try #require(location["physicalLocation"] as? [String: Any])
                let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
                #expect(!uri.contains(" "), "a URI has no raw spaces: \(uri)")
                let region = try #require(physical["region"] as? [String: Any])
                for key in ["startLine", "startColumn", "endLine", "endColumn"] { #expect((region[key] as? Int ?? 0) >= 1, "\(key)") }
            }
        }
        // A diagnostic about no place in a file has no location rather than a made-up one.
        let synthetic = try #require(results.first { $0["ruleId"] as? String == "L0001" })
        #expect(synthetic["locations"] == nil)
    }

    @Test func locationsFixesAndURIs() throws {
        let results = try #require(((try Self.log())["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let unit = try #require(results.first { ($0["message"] as? [String: Any])?["text"] as? String == "cannot add a USD amount to a ratio\nnote: declared as `%`\nhelp: divide by an amount" })
        let related = try #require(unit["relatedLocations"] as? [[String: Any]])
        #expect(related.compactMap { ($0["message"] as? [String: Any])?["text"] as? String } == ["ratio", "USD"])
        #expect(related.compactMap { $0["id"] as? Int } == [1, 2])
        let physical = try #require((unit["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "Rules/my%20policy.lever")
        // `haircut = z * vol + notional` on line 2: ` + ` spans columns 20–23.
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 2 && region["startColumn"] as? Int == 20 && region["endColumn"] as? Int == 23)
        let warning = try #require(results.first { $0["ruleId"] as? String == "L0221" })
        let fix = try #require((warning["fixes"] as? [[String: Any]])?.first)
        #expect((fix["description"] as? [String: Any])?["text"] as? String == "use `hair`")
        let change = try #require((fix["artifactChanges"] as? [[String: Any]])?.first)
        let replacement = try #require((change["replacements"] as? [[String: Any]])?.first)
        #expect((replacement["insertedContent"] as? [String: Any])?["text"] as? String == "hair")
        let note = try #require(results.first { $0["ruleId"] as? String == "L0602" })
        let noteLocation = try #require((note["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((noteLocation["artifactLocation"] as? [String: Any])?["uri"] as? String == "file:///abs/base.lever")
    }

    @Test func anEmptyLogIsStillALog() throws {
        let text = DiagnosticRenderer(style: .sarif).render([], sources: Self.sources)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.isEmpty == true)
    }
}
