import Foundation
import Testing

/// `docs/bad-data.md` lists every kind of bad input with the test that shows what Lever does:
/// each named test file and function, golden case and CLI golden must exist, so the catalogue
/// cannot point at a test that was renamed or removed.
@Suite struct BadDataCatalogueTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func swiftSources() throws -> [String: String] {
        let tests = root.appendingPathComponent("Tests")
        var found: [String: String] = [:]
        let walker = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            found[url.lastPathComponent, default: ""] += try String(contentsOf: url, encoding: .utf8)
        }
        return found
    }

    @Test func everyCaseNamesATestThatExists() throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/bad-data.md"), encoding: .utf8)
        let sources = try Self.swiftSources()
        var cases = 0, links = 0
        for line in doc.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            guard cells.count >= 5, Int(cells[1].trimmingCharacters(in: .whitespaces)) != nil else { continue }
            cases += 1
            let test = String(cells[cells.count - 2])
            // `File.swift` `function`, `function`; later files start a new group.
            var file: String?
            for token in test.split(separator: "`").enumerated().filter({ $0.offset % 2 == 1 }).map({ String($0.element) }) {
                if token.hasSuffix(".swift") {
                    file = String(token.split(separator: "/").last ?? "")
                    #expect(sources[file ?? ""] != nil, "no test file \(token)")
                } else if token.hasPrefix("Golden/") {
                    let path = Self.root.appendingPathComponent("Tests").appendingPathComponent(token).path
                    #expect(FileManager.default.fileExists(atPath: path), "no golden case \(token)")
                    links += 1
                } else if token.hasSuffix(".txtar") {
                    let path = Self.root.appendingPathComponent("Tests/LeverCLITests/Golden/cli").appendingPathComponent(token).path
                    #expect(FileManager.default.fileExists(atPath: path), "no CLI golden \(token)")
                    links += 1
                } else if let file, token.allSatisfy({ $0.isLetter || $0.isNumber }), token.first?.isLowercase == true {
                    #expect(sources[file]?.contains("func \(token)") == true, "no test `\(token)` in \(file)")
                    links += 1
                }
            }
        }
        #expect(cases >= 25, "the catalogue lists \(cases) cases")
        #expect(links >= cases - 3, "most cases link a test (\(links) links for \(cases) cases)")
    }
}
