import Testing

/// eplan allocates through mimalloc (Package.swift, target CMimalloc): libyaml, the Swift runtime and eplan
/// make millions of small allocations per run, and mimalloc took 9 % of the instructions and 10 – 15 % of
/// the time off a run (docs/performance.md). Linking it is not enough: it must come before the C library
/// in the binary's list of libraries, or the C library's malloc is the one every call reaches.
@Suite("allocator")
struct AllocatorTests {
    @Test("the eplan binary's malloc is mimalloc's")
    func mimallocServesMalloc() throws {
        // mimalloc says it started when MIMALLOC_VERBOSE is set; the C library's malloc says nothing.
        let run = try CLI.run(["--version"], in: CLI.packageRoot, environment: ["MIMALLOC_VERBOSE": "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("mimalloc: process init"), "stderr: \(run.stderr)")
    }
}
