// libFuzzer's driver, called from each target's entry point: SwiftPM links an executable with
// `--defsym main=<target>_main`, so a target defines that function and hands over to libFuzzer there.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
