// libFuzzer's driver, for executables that keep their own `main` (SwiftPM names each
// executable's entry point itself, so the fuzzer's `main` cannot be used).
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
