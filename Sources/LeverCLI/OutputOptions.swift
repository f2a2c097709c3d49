import ArgumentParser
import Lever
import LeverSyntax

/// `--format` and `--color`, shared by every command that prints diagnostics.
struct OutputOptions: ParsableArguments {
    /// The diagnostic formats a user can ask for.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case human, plain, json, github, sarif
    }

    /// When to colour human output.
    enum ColorMode: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Option(help: "Diagnostic format: human, plain, json, github or sarif (default: human on a terminal, plain otherwise).")
    var format: Format?

    @Option(help: "Colour human output: auto (a terminal and NO_COLOR unset), always or never.")
    var color: ColorMode = .auto

    /// The renderer style for this run.
    func style(for console: Console) -> DiagnosticRenderer.Style {
        let colored = switch color {
        case .auto: console.allowsColor
        case .always: true
        case .never: false
        }
        switch format ?? (colored ? .human : .plain) {
        case .human: return .human(color: colored)
        case .plain: return .plain
        case .json: return .json
        case .github: return .github
        case .sarif: return .sarif
        }
    }

    /// Whether the style is meant for people, and so ends with a summary line even when clean.
    func isHuman(for console: Console) -> Bool {
        switch style(for: console) {
        case .human, .plain: true
        case .json, .github, .sarif: false
        }
    }
}

extension OutputOptions {
    /// Renders `diagnostics` to standard output; the human forms say `no problems found` when clean,
    /// so a run always ends with a summary line.
    func print(_ diagnostics: [Diagnostic], sources: SourceMap, console: Console) {
        let style = style(for: console)
        let text = DiagnosticRenderer(style: style, toolVersion: console.engineVersion).render(diagnostics, sources: sources)
        if !text.isEmpty {
            console.out(text)
        } else if isHuman(for: console) {
            console.out(DiagnosticRenderer.summary([]) + "\n")
        }
    }
}

/// `--remedy-target healthy|out_of_liquidation` (eval, explain).
extension Remedy.Target: ExpressibleByArgument {}
