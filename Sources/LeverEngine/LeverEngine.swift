@_exported import LeverNumerics
@_exported import LeverCompile

// LeverEngine: market and book model, margin formulas, margin engine.
