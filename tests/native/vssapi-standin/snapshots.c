/* VSS_SNAPSHOT_PROP as GetSnapshotProperties and IVssEnumObject::Next fill it (strings from
 * CoTaskMemAlloc), VssFreeSnapshotPropertiesInternal, which checks it is given exactly those, and the
 * enumerator behind Query. The layout asserts pin the numbers the C# side's NativeStructLayoutTests use. */
#include "standin.h"
#include <stddef.h>
#include <stdio.h>
#include <wchar.h>
#include <string.h>

_Static_assert(sizeof(VSS_SNAPSHOT_PROP) == 128, "VSS_SNAPSHOT_PROP size");
_Static_assert(offsetof(VSS_SNAPSHOT_PROP, m_lSnapshotsCount) == 32, "m_lSnapshotsCount");
_Static_assert(offsetof(VSS_SNAPSHOT_PROP, m_pwszSnapshotDeviceObject) == 40, "m_pwszSnapshotDeviceObject");
_Static_assert(offsetof(VSS_SNAPSHOT_PROP, m_ProviderId) == 88, "m_ProviderId");
_Static_assert(offsetof(VSS_SNAPSHOT_PROP, m_lSnapshotAttributes) == 104, "m_lSnapshotAttributes");
_Static_assert(offsetof(VSS_SNAPSHOT_PROP, m_tsCreationTimestamp) == 112, "m_tsCreationTimestamp");
_Static_assert(offsetof(VSS_SNAPSHOT_PROP, m_eStatus) == 120, "m_eStatus");
_Static_assert(sizeof(VSS_OBJECT_PROP) == 136 && offsetof(VSS_OBJECT_PROP, Obj) == 8, "VSS_OBJECT_PROP");
_Static_assert(sizeof(VSS_COMPONENTINFO) == 72, "VSS_COMPONENTINFO size");
_Static_assert(offsetof(VSS_COMPONENTINFO, bRestoreMetadata) == 44 && offsetof(VSS_COMPONENTINFO, bSelectable) == 46,
               "VSS_COMPONENTINFO booleans are one byte each");
_Static_assert(offsetof(VSS_COMPONENTINFO, dwComponentFlags) == 48 && offsetof(VSS_COMPONENTINFO, cDependencies) == 64,
               "VSS_COMPONENTINFO counts");

Snap g_snaps[MAX_SNAPS];
int g_snap_count;

int snap_find(const GUID *id)
{
    int i;
    for (i = 0; i < g_snap_count; i++)
        if (g_snaps[i].alive && IsEqualGUID(id, &g_snaps[i].id)) return i;
    return -1;
}

int snap_set_size(const GUID *set)
{
    int i, n = 0;
    for (i = 0; i < g_snap_count; i++)
        if (g_snaps[i].alive && IsEqualGUID(set, &g_snaps[i].set)) n++;
    return n;
}

/* The Microsoft Software Shadow Copy provider's id, as a real system reports it. */
static const GUID g_provider_id = { 0xb5946137, 0x7b9f, 0x4925, { 0xaf, 0x80, 0x51, 0xab, 0xd6, 0x0b, 0x20, 0xd5 } };

#define MAX_PROPS 256
static WCHAR *g_props_out[MAX_PROPS]; /* the device-object string identifies each filled struct */
static int g_props_out_count, g_props_outstanding;

int snapshot_props_outstanding(void) { return g_props_outstanding; }

static WCHAR *co_wcsdup(const WCHAR *s)
{
    size_t bytes;
    WCHAR *copy;
    if (!s) return NULL;
    bytes = (wcslen(s) + 1) * sizeof(WCHAR);
    copy = (WCHAR *)CoTaskMemAlloc(bytes);
    memcpy(copy, s, bytes);
    return copy;
}

void snapshot_fill(VSS_SNAPSHOT_PROP *p, int index)
{
    const Snap *snap = &g_snaps[index];
    WCHAR device[96];
    SYSTEMTIME st = { 2026, 1, 5, 2, 3, 4, 5, 0 }; /* 2026-01-02T03:04:05Z */
    FILETIME ft;
    swprintf(device, 96, L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy%d", index + 1);
    SystemTimeToFileTime(&st, &ft);
    ZeroMemory(p, sizeof *p);
    p->m_SnapshotId = snap->id;
    p->m_SnapshotSetId = snap->set;
    p->m_lSnapshotsCount = snap_set_size(&snap->set);
    p->m_pwszSnapshotDeviceObject = co_wcsdup(device);
    p->m_pwszOriginalVolumeName = co_wcsdup(snap->volume);
    p->m_pwszOriginatingMachine = co_wcsdup(L"standin-host.example");
    p->m_pwszServiceMachine = co_wcsdup(L"standin-host.example");
    p->m_ProviderId = g_provider_id;
    /* The context bits plus VSS_VOLSNAP_ATTR_DIFFERENTIAL, which is not part of any context. */
    p->m_lSnapshotAttributes = snap->context | VSS_VOLSNAP_ATTR_DIFFERENTIAL;
    p->m_tsCreationTimestamp = ((LONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime;
    p->m_eStatus = VSS_SS_CREATED;
    if (g_props_out_count < MAX_PROPS) g_props_out[g_props_out_count++] = p->m_pwszSnapshotDeviceObject;
    g_props_outstanding++;
}

void APIENTRY VssFreeSnapshotPropertiesInternal(VSS_SNAPSHOT_PROP *p)
{
    int i;
    char g[40];
    if (!p) {
        mismatch("VssFreeSnapshotPropertiesInternal", "pProp is NULL");
        return;
    }
    log_line("CALL VssFreeSnapshotPropertiesInternal snapshot=%s", fmt_guid(&p->m_SnapshotId, g));
    for (i = 0; i < g_props_out_count; i++) {
        if (g_props_out[i] && g_props_out[i] == p->m_pwszSnapshotDeviceObject) {
            g_props_out[i] = NULL;
            g_props_outstanding--;
            CoTaskMemFree(p->m_pwszSnapshotDeviceObject);
            CoTaskMemFree(p->m_pwszOriginalVolumeName);
            CoTaskMemFree(p->m_pwszOriginatingMachine);
            CoTaskMemFree(p->m_pwszServiceMachine);
            CoTaskMemFree(p->m_pwszExposedName);
            CoTaskMemFree(p->m_pwszExposedPath);
            return;
        }
    }
    mismatch("VssFreeSnapshotPropertiesInternal", "%s: not a VSS_SNAPSHOT_PROP this DLL filled, or freed twice", fmt_guid(&p->m_SnapshotId, g));
}

/* ---------------- IVssEnumObject ---------------- */
typedef struct Enum { Base base; int count, position; int snaps[MAX_SNAPS]; } Enum;
IUNKNOWN_IMPL(IVssEnumObject)

static HRESULT STDMETHODCALLTYPE Enum_Next(IVssEnumObject *This, ULONG celt, VSS_OBJECT_PROP *rgelt, ULONG *pceltFetched)
{
    Enum *e = (Enum *)This;
    const char *m = "IVssEnumObject.Next";
    ULONG fetched = 0;
    base_check_thread(&e->base, m);
    log_line("CALL %s obj=%s celt=%lu position=%d", m, e->base.name, (unsigned long)celt, e->position);
    if (celt == 0) mismatch(m, "celt is 0");
    if (!check_out(rgelt, m, "rgelt") | !check_out(pceltFetched, m, "pceltFetched")) return E_INVALIDARG;
    while (fetched < celt && e->position < e->count) {
        rgelt[fetched].Type = VSS_OBJECT_SNAPSHOT;
        snapshot_fill(&rgelt[fetched].Obj.Snap, e->snaps[e->position++]);
        fetched++;
    }
    *pceltFetched = fetched;
    return fetched == celt ? S_OK : S_FALSE;
}

static HRESULT STDMETHODCALLTYPE Enum_Skip(IVssEnumObject *This, ULONG celt)
{
    Enum *e = (Enum *)This;
    base_check_thread(&e->base, "IVssEnumObject.Skip");
    log_line("CALL IVssEnumObject.Skip obj=%s celt=%lu", e->base.name, (unsigned long)celt);
    e->position += (int)celt;
    if (e->position > e->count) { e->position = e->count; return S_FALSE; }
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Enum_Reset(IVssEnumObject *This)
{
    Enum *e = (Enum *)This;
    base_check_thread(&e->base, "IVssEnumObject.Reset");
    log_line("CALL IVssEnumObject.Reset obj=%s", e->base.name);
    e->position = 0;
    return S_OK;
}

static IVssEnumObjectVtbl g_enum_vtbl = {
    IUNKNOWN_SLOTS(IVssEnumObject),
    .Next = Enum_Next,
    .Skip = Enum_Skip,
    .Reset = Enum_Reset,
};

IVssEnumObject *enum_new(const int *snaps, int count, const Base *owner)
{
    Enum *e = (Enum *)CoTaskMemAlloc(sizeof *e);
    fill_unexpected_slots((void **)&g_enum_vtbl, sizeof g_enum_vtbl / sizeof(void *));
    ZeroMemory(e, sizeof *e);
    base_init(&e->base, &g_enum_vtbl, "IVssEnumObject", "enum", owner);
    e->count = count;
    memcpy(e->snaps, snaps, sizeof(int) * (size_t)count);
    return (IVssEnumObject *)e;
}
