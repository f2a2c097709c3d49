import ArgumentParser
import LeverLSP

/// `lever lsp`: the language server, over standard input and output.
struct Lsp: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the Language Server Protocol server on standard input and output.",
        discussion: """
            For editors: diagnostics as you type (with codes, notes and help), quick fixes from the
            checker's fix-its, hover (a declaration's text, a param's folded value and unit, a
            measure's type, an asset's class chain, a property's rule chain for an asset, the
            language's own names and builtins),
            go to definition and references (across imports), completion of names,
            properties after `ASSET.`, table fields and settings, formatting as `lever fmt`, and
            document symbols. The editor starts it; see the README for VS Code and Neovim.
            Exit status: 0 after the client's shutdown and exit, 1 when the input ends first.
            """)

    func run(console: Console) throws -> ExitCode {
        ExitCode(LSPConnection.run(server: LanguageServer()))
    }
}
