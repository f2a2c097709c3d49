@testable import LeverREPL

/// Drives a `ReplSession` the way a shell does, line by line, and writes what a terminal would
/// show: the prompt and input, then the response.
///
/// Lines are collected while the session answers `.incompleteInput` (continuation prompt), and a
/// line starting with `?` asks for completions of the rest at its end.
struct TranscriptRunner {
    let session: ReplSession

    func run(_ lines: [String]) -> String {
        var out = ""
        var pending: [String] = []
        for line in lines {
            if line.hasPrefix("?") {
                let text = String(line.dropFirst())
                out += "complete \"\(text)\"\n" + render(session.handle(.complete(text, cursor: text.count)))
                continue
            }
            out += (pending.isEmpty ? session.prompt : session.continuationPrompt) + line + "\n"
            pending.append(line)
            let response = session.handle(.input(pending.joined(separator: "\n")))
            if response == .incompleteInput { continue }
            pending = []
            out += render(response)
            if response == .quit { break }
        }
        return out + "failed: \(session.failed)\n"
    }

    private func render(_ response: ReplResponse) -> String {
        switch response {
        case .output(let text): return text
        case .diagnostics(let text): return text
        case .incompleteInput: return ""
        case .completions(let words): return words.joined(separator: " ") + "\n"
        case .quit: return "bye\n"
        }
    }
}
