// glibc's malloc extensions (malloc_trim), which Swift's Glibc module leaves out. Nothing where there is no <malloc.h>.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
