import EPlanCLI

// The command line lives in EPlanCLI (a library, so that the fuzz target can drive its parser).
EPlanMain.main()
