// Only the header matters: LLVMFuzzerRunDriver is in libclang_rt.fuzzer_no_main, linked by
// the fuzz executables (see Package.swift). SwiftPM needs one source file in a C target.
#include "CLibFuzzer.h"
