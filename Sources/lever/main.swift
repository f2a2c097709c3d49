import LeverCLI
LeverCommand.main()
