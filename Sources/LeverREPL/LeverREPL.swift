@_exported import Lever

// LeverREPL: the REPL session (commands, completion, plots) over the Lever library.
