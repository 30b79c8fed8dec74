// mimalloc serves every malloc of the process (Package.swift, target CMimalloc): importing the module
// links the library.
import CMimalloc
import EPlanCLI

// The command line lives in EPlanCLI (a library, so that the fuzz target can drive its parser).
EPlanMain.main()
