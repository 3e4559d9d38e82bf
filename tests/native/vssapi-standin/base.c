/* Reference counting shared by every object, the registry that reports leaks, the thread and apartment
 * check of every call, and the trap for vtable slots the stand-in does not implement (a call there
 * means a wrong slot on our side). */
#include "standin.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_OBJECTS 512
static Base *g_objects[MAX_OBJECTS];
static int g_object_count;
static int g_ids[16];
static const char *g_prefixes[16];

static int next_id(const char *prefix)
{
    int i;
    for (i = 0; i < 16 && g_prefixes[i]; i++)
        if (!strcmp(g_prefixes[i], prefix)) return ++g_ids[i];
    g_prefixes[i] = prefix;
    return ++g_ids[i];
}

void base_init(Base *b, const void *vtbl, const char *iface, const char *prefix, const Base *owner)
{
    b->lpVtbl = vtbl;
    b->refs = 1; /* the reference handed to the caller */
    b->iface = iface;
    snprintf(b->name, sizeof b->name, "%s%d", prefix, next_id(prefix));
    /* The objects a components object hands out live in its apartment, so they answer to its thread. */
    b->thread = owner ? owner->thread : GetCurrentThreadId();
    snprintf(b->family, sizeof b->family, "%s", owner ? owner->family : b->name);
    if (g_object_count < MAX_OBJECTS) g_objects[g_object_count++] = b;
    log_line("NEW %s %s of=%s thread=%lu", b->name, iface, b->family, (unsigned long)b->thread);
}

/* "<interface>.<method>" for the IUnknown methods every interface shares. */
static const char *iunknown_method(const Base *b, const char *method, char buf[80])
{
    snprintf(buf, 80, "%s.%s", b->iface, method);
    return buf;
}

HRESULT base_qi(Base *b, REFIID riid, void **ppv)
{
    char g[40], m[80];
    base_check_thread(b, iunknown_method(b, "QueryInterface", m));
    log_line("CALL %s.QueryInterface obj=%s riid=%s", b->iface, b->name, fmt_guid(riid, g));
    if (!check_out(ppv, "QueryInterface", "ppv")) return E_POINTER;
    if (IsEqualGUID(riid, &IID_IUnknown)) {
        base_addref(b);
        *ppv = b;
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

ULONG base_addref(Base *b)
{
    char m[80];
    base_check_thread(b, iunknown_method(b, "AddRef", m));
    if (b->refs <= 0) {
        mismatch("AddRef", "%s was already released to 0", b->name);
        return 0;
    }
    b->addrefs++;
    return (ULONG)++b->refs;
}

ULONG base_release(Base *b)
{
    char m[80];
    base_check_thread(b, iunknown_method(b, "Release", m));
    if (b->refs <= 0) {
        mismatch("Release", "%s released again after its count reached 0", b->name);
        return 0;
    }
    b->releases++;
    if (--b->refs == 0) {
        log_line("REFS %s 0 addref=%ld release=%ld", b->name, (long)b->addrefs, (long)b->releases);
        if (b->on_final_release) b->on_final_release(b);
    }
    return (ULONG)b->refs;
}

/* A VSS requester must call a components object, and everything it hands out, from the thread that
 * created it: on Windows the object lives in that thread's apartment, and a call from elsewhere either
 * fails with RPC_E_WRONG_THREAD (STA) or races the object's own state. Wine has no VSS to enforce it,
 * so the stand-in does. The STA requirement is opt-in (VSSAPI_STANDIN_REQUIRE_STA=1) because docs/design.md
 * asks it of the coordinator's sessions, while the driver and the contract runner use an MTA thread. */
static LONG g_thread_violations, g_apartment_violations;

int thread_violation_count(void) { return (int)g_thread_violations; }
int apartment_violation_count(void) { return (int)g_apartment_violations; }

int require_sta(void)
{
    const char *v = getenv("VSSAPI_STANDIN_REQUIRE_STA");
    return v && !strcmp(v, "1");
}

/* The calling thread's apartment as CoGetApartmentType reports it; *is_sta for STA and main STA. */
static const char *current_apartment(char buf[64], int *is_sta)
{
    APTTYPE type;
    APTTYPEQUALIFIER qualifier;
    HRESULT hr = CoGetApartmentType(&type, &qualifier);
    *is_sta = 0;
    if (FAILED(hr)) {
        /* CO_E_NOTINITIALIZED: the thread never called CoInitialize(Ex) and the process has no MTA. */
        snprintf(buf, 64, "none(0x%08lx)", (unsigned long)hr);
        return buf;
    }
    switch (type) {
    case APTTYPE_STA: *is_sta = 1; snprintf(buf, 64, "STA"); break;
    case APTTYPE_MAINSTA: *is_sta = 1; snprintf(buf, 64, "MAINSTA"); break;
    case APTTYPE_MTA:
        snprintf(buf, 64, qualifier == APTTYPEQUALIFIER_IMPLICIT_MTA ? "MTA(implicit)" : "MTA");
        break;
    case APTTYPE_NA: snprintf(buf, 64, "NA"); break;
    default: snprintf(buf, 64, "unknown(%d)", (int)type); break;
    }
    return buf;
}

void base_check_thread(Base *b, const char *method)
{
    DWORD now = GetCurrentThreadId();
    char apartment[64];
    int is_sta;
    current_apartment(apartment, &is_sta);
    log_line("ON %s obj=%s of=%s thread=%lu apartment=%s", method, b->name, b->family, (unsigned long)now, apartment);
    if (now != b->thread) {
        InterlockedIncrement(&g_thread_violations);
        log_line("THREAD-VIOLATION %s obj=%s of=%s created-on=%lu called-on=%lu", method, b->name, b->family,
                 (unsigned long)b->thread, (unsigned long)now);
    }
    if (!is_sta && require_sta()) {
        InterlockedIncrement(&g_apartment_violations);
        log_line("APARTMENT-VIOLATION %s obj=%s of=%s thread=%lu apartment=%s (VSSAPI_STANDIN_REQUIRE_STA=1 wants STA or MAINSTA)",
                 method, b->name, b->family, (unsigned long)now, apartment);
    }
}

void base_report_all(void)
{
    int i, live = 0;
    for (i = 0; i < g_object_count; i++) {
        if (g_objects[i]->refs != 0) {
            live++;
            log_line("LEAK %s %s refs=%ld", g_objects[i]->name, g_objects[i]->iface, (long)g_objects[i]->refs);
        }
    }
    log_line("SUMMARY objects=%d live=%d bstrs-out=%ld component-infos-outstanding=%d snapshot-props-outstanding=%d mismatches=%d refused=%d"
             " thread-violations=%d apartment-violations=%d",
             g_object_count, live, out_bstr_count(), component_infos_outstanding(), snapshot_props_outstanding(), mismatch_count(),
             refused_count(), thread_violation_count(), apartment_violation_count());
}

/* One trap per slot index, so the log says which slot was called. */
static HRESULT unexpected(Base *b, int slot)
{
    mismatch("vtable", "unimplemented slot %d of %s called on %s: a wrong slot number in the caller", slot, b->iface, b->name);
    return E_NOTIMPL;
}
/* trap_NM is slot 8*N+M: the name read as an octal literal. */
#define TRAP(n) static HRESULT STDMETHODCALLTYPE trap_##n(Base *b) { return unexpected(b, 0##n); }
#define TRAP8(a) TRAP(a##0) TRAP(a##1) TRAP(a##2) TRAP(a##3) TRAP(a##4) TRAP(a##5) TRAP(a##6) TRAP(a##7)
TRAP8(0) TRAP8(1) TRAP8(2) TRAP8(3) TRAP8(4) TRAP8(5) TRAP8(6) TRAP8(7)
#define T8(a) (void *)trap_##a##0, (void *)trap_##a##1, (void *)trap_##a##2, (void *)trap_##a##3, \
              (void *)trap_##a##4, (void *)trap_##a##5, (void *)trap_##a##6, (void *)trap_##a##7
static void *const g_traps[64] = { T8(0), T8(1), T8(2), T8(3), T8(4), T8(5), T8(6), T8(7) };

void fill_unexpected_slots(void **vtbl, int count)
{
    int i;
    for (i = 0; i < count && i < 64; i++)
        if (!vtbl[i]) vtbl[i] = g_traps[i];
}
