/*
 * Bindings of dxcast.h's prototypes for the host tests: each export is
 * defined as a call through a function pointer, set by dxcast_bind. The
 * list of exports, their parameters and arguments come from the header's
 * DXCAST_EXPORTS, so these definitions cannot drift from the prototypes.
 */
#include <string.h>

#include "dxcast.h"

#define DXCAST_POINTER(ret, name, params, args) static ret(*name##_fn) params;
DXCAST_EXPORTS(DXCAST_POINTER)

#define DXCAST_FORWARD(ret, name, params, args) \
    ret name params { return name##_fn args; }
DXCAST_EXPORTS(DXCAST_FORWARD)

/* Points the export `name` at `fn`, a function of its C type; 1 if
 * `name` is an export, 0 otherwise. */
int dxcast_bind(const char *name, void (*fn)(void));

#define DXCAST_SET(ret, name, params, args)  \
    if (strcmp(export, #name) == 0) {        \
        name##_fn = (ret(*) params)fn;       \
        return 1;                            \
    }

int dxcast_bind(const char *export, void (*fn)(void))
{
    DXCAST_EXPORTS(DXCAST_SET)
    return 0;
}
