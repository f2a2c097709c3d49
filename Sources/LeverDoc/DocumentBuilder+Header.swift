import Foundation
import Lever

extension DocumentBuilder {
    // MARK: - Header

    /// Version, identity, files (and the engine, when given), then the comment the policy opens with (its purpose, in the
    /// author's words).
    func header() -> [DocumentBlock] {
        let identity = Lever.identity(of: checked)
        let imports = checked.files.dropLast().map { Self.code($0.source.path) }
        var facts = [
            "Version: " + (identity.version.isEmpty ? "not stated" : Self.code(identity.version)),
            "Identity (SHA-256 of the canonical form, as `lever eval` reports it): " + Self.code(identity.hash),
            "File: " + (checked.root.map { Self.code($0.source.path) } ?? "none"),
        ]
        facts.append("Imports: " + (imports.isEmpty ? "none" : imports.joined(separator: ", ")))
        if let engine { facts.append("Written by: " + Self.code("lever \(engine)")) }
        return [.list(facts)] + introduction()
    }

    /// The root file's opening comment as paragraphs and lists.
    func introduction() -> [DocumentBlock] {
        guard let root = checked.root else { return [] }
        let first = root.policy.header?.span ?? root.policy.declarations.first?.span
        let firstLine = first.map { root.source.location(of: $0.start).line } ?? Int.max
        let lines = comments.opening(file: root.source.id, before: firstLine)
        return Self.paragraphs(lines).flatMap(Self.prose)
    }

    /// Lines split at blank lines.
    static func paragraphs(_ lines: [String]) -> [[String]] {
        var result: [[String]] = [[]]
        for line in lines {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !(result.last?.isEmpty ?? true) { result.append([]) }
            } else {
                result[result.count - 1].append(line)
            }
        }
        return result.filter { !$0.isEmpty }
    }

    /// One paragraph of comment lines as prose and lists: a list item (`- …`, `1. …`) is
    /// continued by the indented lines under it; a line back at the margin is prose again.
    static func prose(_ lines: [String]) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        var text: [String] = [], items: [String] = []
        func flush() {
            if !text.isEmpty { blocks.append(.paragraph(text.joined(separator: " "))) }
            if !items.isEmpty { blocks.append(.list(items.map(stripMarker))) }
            text = []
            items = []
        }
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if isListItem(trimmed) {
                if !text.isEmpty && items.isEmpty { flush() }
                items.append(trimmed)
            } else if !items.isEmpty && line.hasPrefix(" ") {
                items[items.count - 1] += " " + trimmed
            } else {
                if !items.isEmpty { flush() }
                text.append(trimmed)
            }
        }
        flush()
        return blocks
    }

    static func isListItem(_ line: String) -> Bool {
        if line.hasPrefix("- ") { return true }
        let digits = line.prefix { $0.isNumber }
        return !digits.isEmpty && line.dropFirst(digits.count).hasPrefix(". ")
    }

    /// `- x` and `1. x` → `x`: the list shows them as bullets in the order written.
    static func stripMarker(_ item: String) -> String {
        if item.hasPrefix("- ") { return String(item.dropFirst(2)) }
        let digits = item.prefix { $0.isNumber }
        return String(item.dropFirst(digits.count + 2))
    }
}
