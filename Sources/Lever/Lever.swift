@_exported import LeverEngine
@_exported import LeverCheck
@_exported import LeverSyntax
