import LeverSyntax

// TEMPORARY SHIM — delete this file when branch `fmt` lands on main.
// It stands in for `LeverSyntax.Formatter` with the same signature so `lever fmt` compiles and
// its plumbing (refusing broken files, --check, --stdout, atomic writes) can be tested now.
// It returns the text unchanged, so until then `lever fmt` never changes a file.
enum Formatter {
    static func format(_ file: ParsedFile) -> String {
        file.source.text
    }
}
