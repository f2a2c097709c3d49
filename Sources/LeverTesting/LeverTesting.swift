@_exported import Lever

// LeverTesting: golden-portfolio runner, policy diff and change guardrails.
