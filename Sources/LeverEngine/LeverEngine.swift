// LeverEngine: market and book model, margin formulas, margin engine.
