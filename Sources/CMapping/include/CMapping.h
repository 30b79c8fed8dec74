#ifndef EPLAN_CMAPPING_H
#define EPLAN_CMAPPING_H

#include <stddef.h>

/// Maps `size` bytes of the open file `fd` read-only and registers the mapping with the bus-error
/// guard: should the file shrink while it is mapped (another program truncating it), reading past its
/// new end gives zero bytes instead of killing the process with SIGBUS. NULL when it cannot be mapped.
const void *eplan_map_guarded(int fd, size_t size);

/// Unmaps a mapping made by `eplan_map_guarded` and forgets it.
void eplan_unmap_guarded(const void *base, size_t size);

#endif
