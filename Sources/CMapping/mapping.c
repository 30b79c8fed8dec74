// Read-only file mappings that survive the file being truncated under them.
//
// Reading a page of a mapping past the end of its (shrunk) file raises SIGBUS. The handler below
// maps a zero page over the faulting page when it lies in a registered mapping and returns: the read
// is retried and sees zeros, which every reader of the cache file already rejects (each part is
// checked against its checksum). A fault outside the registered mappings gets the action that was in
// place before (the Swift runtime's crash report).

#define _GNU_SOURCE
#include "CMapping.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define SLOTS 16

static _Atomic(uintptr_t) slot_start[SLOTS];
static _Atomic(uintptr_t) slot_end[SLOTS];
static atomic_flag installed = ATOMIC_FLAG_INIT;
/// The page size, read once when the handler is installed (`sysconf` is not for signal handlers).
static long page_size;
/// The action before ours (the Swift runtime's crash report), restored for a fault that is not ours.
static struct sigaction previous;
/// Serialises registering and forgetting (the handler only reads the slots).
static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;

static int registered(uintptr_t address) {
    for (int i = 0; i < SLOTS; i++) {
        uintptr_t start = atomic_load(&slot_start[i]);
        if (start != 0 && address >= start && address < atomic_load(&slot_end[i])) return 1;
    }
    return 0;
}

static void on_bus_error(int signal, siginfo_t *info, void *context) {
    (void)context;
    uintptr_t address = (uintptr_t)info->si_addr;
    long page = page_size;
    if (page > 0 && registered(address)) {
        void *at = (void *)(address & ~((uintptr_t)page - 1));
        if (mmap(at, (size_t)page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) return;
    }
    // Not ours (or the zero page could not be mapped): the previous action, which the fault meets
    // again on return.
    sigaction(signal, &previous, NULL);
}

static void install(void) {
    if (atomic_flag_test_and_set(&installed)) return;
    page_size = sysconf(_SC_PAGESIZE);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_bus_error;
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    sigaction(SIGBUS, &action, &previous);
}

const void *eplan_map_guarded(int fd, size_t size) {
    if (size == 0) return NULL;
    install();
    void *base = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (base == MAP_FAILED) return NULL;
    pthread_mutex_lock(&slots_lock);
    for (int i = 0; i < SLOTS; i++) {
        if (atomic_load(&slot_start[i]) != 0) continue;
        // The end first: a handler that sees the start sees the whole range.
        atomic_store(&slot_end[i], (uintptr_t)base + size);
        atomic_store(&slot_start[i], (uintptr_t)base);
        pthread_mutex_unlock(&slots_lock);
        return base;
    }
    pthread_mutex_unlock(&slots_lock);
    // No free slot: not guarded, so not used.
    munmap(base, size);
    return NULL;
}

void eplan_unmap_guarded(const void *base, size_t size) {
    if (base == NULL) return;
    pthread_mutex_lock(&slots_lock);
    for (int i = 0; i < SLOTS; i++) {
        if (atomic_load(&slot_start[i]) == (uintptr_t)base) {
            atomic_store(&slot_start[i], 0);
            break;
        }
    }
    pthread_mutex_unlock(&slots_lock);
    munmap((void *)base, size);
}
