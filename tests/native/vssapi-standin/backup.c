/* IVssBackupComponents, CreateVssBackupComponentsInternal and DllMain. Each method logs its arguments,
 * checks them (out pointers, one-byte booleans, GUIDs it handed out, trailing backslashes, BSTRs), and
 * checks the documented call order, answering VSS_E_BAD_STATE like VSS does when the order is wrong. */
#include "standin.h"
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <string.h>

typedef struct Added { GUID instance, writer; VSS_COMPONENT_TYPE type; const ComponentSpec *spec; int succeeded_set; } Added;

typedef struct Backup {
    Base base;
    int initialized, context_set, state_set, select_components;
    int gather_calls, metadata_done, metadata_freed;
    int set_started, prepare_called, prepare_done, snapshot_called, snapshot_done;
    int complete_called, complete_done, status_calls, status_done;
    int added_count;
    Added added[16];
    LONG context;
    GUID set_id;
    int set_size, serial_for_set;
    int snaps[64]; /* indices into g_snaps */
} Backup;

/* The object whose snapshot set is being created: VSS allows one at a time per machine. */
static Backup *g_creating;
static int g_backup_serial;

#define M(name) "IVssBackupComponents." name
#define BEGIN(method)                                                                  \
    Backup *b = (Backup *)This;                                                        \
    const char *m = M(method);                                                         \
    base_check_thread(&b->base, m);                                                    \
    if (!is_async_operation(method) && forced_failure(method)) {                       \
        log_line("CALL %s obj=%s -> 0x%08lx (VSSAPI_STANDIN_FAIL)", m, b->base.name,   \
                 (unsigned long)forced_failure(method));                               \
        return forced_failure(method);                                                 \
    }

static int is_async_operation(const char *name)
{
    static const char *const names[] = { "GatherWriterMetadata", "PrepareForBackup", "DoSnapshotSet", "BackupComplete", "GatherWriterStatus" };
    size_t i;
    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(name, names[i])) return 1;
    return 0;
}

static int require(int condition, const char *method, const char *what)
{
    if (!condition) refused(method, "call order: %s -> VSS_E_BAD_STATE", what);
    return condition;
}

static HRESULT STDMETHODCALLTYPE Backup_InitializeForBackup(IVssBackupComponents *This, BSTR xml)
{
    char s[256];
    BEGIN("InitializeForBackup");
    log_line("CALL %s obj=%s xml=%s", m, b->base.name, fmt_wstr(xml, s, sizeof s));
    if (!check_bstr_in(xml, m, "bstrXML")) return E_INVALIDARG;
    if (!require(!b->initialized, m, "InitializeForBackup called twice")) return VSS_E_BAD_STATE;
    b->initialized = 1;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Backup_SetContext(IVssBackupComponents *This, LONG context)
{
    BEGIN("SetContext");
    log_line("CALL %s obj=%s context=0x%lx", m, b->base.name, (unsigned long)context);
    if (!require(b->initialized, m, "SetContext before InitializeForBackup")) return VSS_E_BAD_STATE;
    if (!require(!b->set_started, m, "SetContext after StartSnapshotSet")) return VSS_E_BAD_STATE;
    switch (context) {
    case VSS_CTX_BACKUP: case VSS_CTX_FILE_SHARE_BACKUP: case VSS_CTX_NAS_ROLLBACK: case VSS_CTX_APP_ROLLBACK:
    case VSS_CTX_CLIENT_ACCESSIBLE: case VSS_CTX_CLIENT_ACCESSIBLE_WRITERS: case VSS_CTX_ALL:
        break;
    default:
        mismatch(m, "context 0x%lx is not a VSS_SNAPSHOT_CONTEXT value", (unsigned long)context);
        return E_INVALIDARG;
    }
    b->context = context;
    b->context_set = 1;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Backup_SetBackupState(IVssBackupComponents *This, boolean select, boolean bootable,
                                                       VSS_BACKUP_TYPE type, boolean partial)
{
    BEGIN("SetBackupState");
    log_line("CALL %s obj=%s selectComponents=%u bootable=%u type=%d partialFile=%u", m, b->base.name, select, bootable, type, partial);
    if (!check_bool(select, m, "bSelectComponents") | !check_bool(bootable, m, "bBackupBootableSystemState") |
        !check_bool(partial, m, "bPartialFileSupport"))
        return E_INVALIDARG;
    if (type <= VSS_BT_UNDEFINED || type > VSS_BT_OTHER) {
        mismatch(m, "backupType %d is not a VSS_BACKUP_TYPE a backup may use", type);
        return E_INVALIDARG;
    }
    if (!require(b->initialized, m, "SetBackupState before InitializeForBackup")) return VSS_E_BAD_STATE;
    b->select_components = select;
    b->state_set = 1;
    return S_OK;
}

static HRESULT start_async(Backup *b, const char *m, IVssAsync **pp, int *finished_flag)
{
    if (!check_out(pp, m, "ppAsync")) return E_INVALIDARG;
    *pp = async_new(m + sizeof("IVssBackupComponents.") - 1, finished_flag, &b->base);
    log_line("CALL %s obj=%s -> %s", m, b->base.name, ((Base *)*pp)->name);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Backup_GatherWriterMetadata(IVssBackupComponents *This, IVssAsync **pp)
{
    BEGIN("GatherWriterMetadata");
    if (!require(b->initialized && b->state_set, m, "GatherWriterMetadata before InitializeForBackup/SetBackupState") ||
        !require(b->gather_calls == 0, m, "GatherWriterMetadata called twice on one object")) {
        log_line("CALL %s obj=%s -> VSS_E_BAD_STATE", m, b->base.name);
        return VSS_E_BAD_STATE;
    }
    b->gather_calls++;
    return start_async(b, m, pp, &b->metadata_done);
}

static HRESULT STDMETHODCALLTYPE Backup_GetWriterMetadataCount(IVssBackupComponents *This, UINT *pc)
{
    BEGIN("GetWriterMetadataCount");
    log_line("CALL %s obj=%s -> %d", m, b->base.name, WRITER_COUNT);
    if (!check_out(pc, m, "pcWriters")) return E_INVALIDARG;
    if (!require(b->metadata_done && !b->metadata_freed, m, "metadata read before GatherWriterMetadata finished or after FreeWriterMetadata"))
        return VSS_E_BAD_STATE;
    *pc = WRITER_COUNT;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Backup_GetWriterMetadata(IVssBackupComponents *This, UINT i, VSS_ID *pidInstance,
                                                          IVssExamineWriterMetadata **pp)
{
    char g[40];
    BEGIN("GetWriterMetadata");
    if (!check_out(pidInstance, m, "pidInstance") | !check_out(pp, m, "ppMetadata")) return E_INVALIDARG;
    if (!require(b->metadata_done && !b->metadata_freed, m, "metadata read before GatherWriterMetadata finished or after FreeWriterMetadata"))
        return VSS_E_BAD_STATE;
    if (i >= WRITER_COUNT) {
        mismatch(m, "index %u out of range", i);
        return E_INVALIDARG;
    }
    *pidInstance = g_writers[i].instance;
    *pp = examine_new((int)i, &b->base);
    log_line("CALL %s obj=%s index=%u -> %s instance=%s", m, b->base.name, i, ((Base *)*pp)->name, fmt_guid(pidInstance, g));
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Backup_FreeWriterMetadata(IVssBackupComponents *This)
{
    BEGIN("FreeWriterMetadata");
    log_line("CALL %s obj=%s", m, b->base.name);
    if (!require(b->metadata_done, m, "FreeWriterMetadata before GatherWriterMetadata finished")) return VSS_E_BAD_STATE;
    b->metadata_freed = 1;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Backup_AddComponent(IVssBackupComponents *This, VSS_ID instance, VSS_ID writer,
                                                     VSS_COMPONENT_TYPE ct, LPCWSTR path, LPCWSTR name)
{
    char g1[40], g2[40], s1[256], s2[256];
    const ComponentSpec *spec;
    BEGIN("AddComponent");
    log_line("CALL %s obj=%s instance=%s writer=%s type=%d logicalPath=%s name=%s", m, b->base.name, fmt_guid(&instance, g1),
             fmt_guid(&writer, g2), ct, fmt_wstr(path, s1, sizeof s1), fmt_wstr(name, s2, sizeof s2));
    if (!check_wstr_in(path, 1, m, "wszLogicalPath") | !check_wstr_in(name, 0, m, "wszComponentName")) return E_INVALIDARG;
    if (!require(b->metadata_done && b->select_components, m, "AddComponent before GatherWriterMetadata or without SetBackupState(selectComponents=true)") ||
        !require(!b->prepare_called, m, "AddComponent after PrepareForBackup"))
        return VSS_E_BAD_STATE;
    spec = find_component(&instance, &writer, ct, path, name);
    if (!spec) {
        mismatch(m, "no component with these writer instance/class ids, type, logical path and name was reported");
        return VSS_E_OBJECT_NOT_FOUND;
    }
    if (b->added_count < 16) {
        Added *a = &b->added[b->added_count++];
        a->instance = instance;
        a->writer = writer;
        a->type = ct;
        a->spec = spec;
    }
    return S_OK;
}

/* DoSnapshotSet's completion is seen when its IVssAsync is waited on; bring the host table up to date. */
static void sync_snapshots(Backup *b)
{
    int i;
    if (!b->snapshot_done) return;
    for (i = 0; i < b->set_size; i++) g_snaps[b->snaps[i]].done = 1;
    if (g_creating == b) g_creating = NULL;
}

/* Snapshots of a set that never finished die with AbortBackup; non-persistent ones die with the object. */
static void end_snapshots(Backup *b, int releasing)
{
    int i;
    sync_snapshots(b);
    for (i = 0; i < b->set_size; i++) {
        Snap *snap = &g_snaps[b->snaps[i]];
        if (!snap->done || (releasing && !(snap->context & VSS_VOLSNAP_ATTR_PERSISTENT))) snap->alive = 0;
    }
    if (g_creating == b) g_creating = NULL;
}

static void backup_final_release(Base *base)
{
    end_snapshots((Backup *)base, 1);
}

static HRESULT STDMETHODCALLTYPE Backup_StartSnapshotSet(IVssBackupComponents *This, VSS_ID *pId)
{
    char g[40];
    BEGIN("StartSnapshotSet");
    GUID set = { 0x5e75e700, 0x0000, 0x4000, { 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x5e, 0x70 } };
    set.Data2 = (unsigned short)b->serial_for_set;
    log_line("CALL %s obj=%s -> %s", m, b->base.name, fmt_guid(&set, g));
    if (!check_out(pId, m, "pSnapshotSetId")) return E_INVALIDARG;
    if (!require(b->initialized && b->state_set, m, "StartSnapshotSet before InitializeForBackup/SetBackupState") ||
        !require(!b->set_started, m, "StartSnapshotSet called twice"))
        return VSS_E_BAD_STATE;
    if (g_creating && g_creating != b) {
        sync_snapshots(g_creating);
        if (g_creating) {
            refused(m, "%s is creating a snapshot set -> VSS_E_SNAPSHOT_SET_IN_PROGRESS", g_creating->base.name);
            return VSS_E_SNAPSHOT_SET_IN_PROGRESS;
        }
    }
    g_creating = b;
    b->set_started = 1;
    b->set_id = set;
    *pId = set;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Backup_AddToSnapshotSet(IVssBackupComponents *This, VSS_PWSZ volume, VSS_ID provider, VSS_ID *pId)
{
    char g1[40], g2[40], s[MAX_PATH * 3 + 4];
    size_t len;
    int i;
    GUID id = { 0x5a000000, 0x0002, 0x4000, { 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x5a, 0x00 } };
    BEGIN("AddToSnapshotSet");
    if (!check_wstr_in(volume, 0, m, "pwszVolumeName") | !check_out(pId, m, "pidSnapshot")) return E_INVALIDARG;
    id.Data1 += g_snap_count + 1;
    id.Data4[7] = (unsigned char)(g_snap_count + 1);
    log_line("CALL %s obj=%s volume=%s provider=%s -> %s", m, b->base.name, fmt_wstr(volume, s, sizeof s),
             fmt_guid(&provider, g1), fmt_guid(&id, g2));
    len = wcslen(volume);
    if (len == 0 || len >= MAX_PATH || volume[len - 1] != L'\\') {
        refused(m, "volume name %s must end with a backslash -> E_INVALIDARG", s);
        return E_INVALIDARG;
    }
    if (!require(b->set_started && !b->prepare_called, m, "AddToSnapshotSet outside StartSnapshotSet..PrepareForBackup"))
        return VSS_E_BAD_STATE;
    for (i = 0; i < b->set_size; i++) {
        if (!_wcsicmp(g_snaps[b->snaps[i]].volume, volume)) {
            refused(m, "volume %s added twice -> VSS_E_OBJECT_ALREADY_EXISTS", s);
            return VSS_E_OBJECT_ALREADY_EXISTS;
        }
    }
    if (b->set_size >= 64) return VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED;
    if (g_snap_count >= MAX_SNAPS) return E_OUTOFMEMORY;
    {
        Snap *snap = &g_snaps[g_snap_count];
        ZeroMemory(snap, sizeof *snap);
        snap->id = id;
        snap->set = b->set_id;
        wcscpy(snap->volume, volume);
        snap->context = b->context;
        snap->alive = 1;
        snap->owner = b;
        b->snaps[b->set_size++] = g_snap_count++;
    }
    *pId = id;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Backup_PrepareForBackup(IVssBackupComponents *This, IVssAsync **pp)
{
    BEGIN("PrepareForBackup");
    if (!require(b->set_size > 0, m, "PrepareForBackup with an empty snapshot set") ||
        !require(!b->select_components || b->added_count > 0, m, "PrepareForBackup with selectComponents but no AddComponent") ||
        !require(!b->prepare_called, m, "PrepareForBackup called twice"))
        return VSS_E_BAD_STATE;
    b->prepare_called = 1;
    return start_async(b, m, pp, &b->prepare_done);
}

static HRESULT STDMETHODCALLTYPE Backup_DoSnapshotSet(IVssBackupComponents *This, IVssAsync **pp)
{
    BEGIN("DoSnapshotSet");
    if (!require(b->prepare_done, m, "DoSnapshotSet before PrepareForBackup finished") ||
        !require(!b->snapshot_called, m, "DoSnapshotSet called twice"))
        return VSS_E_BAD_STATE;
    b->snapshot_called = 1;
    return start_async(b, m, pp, &b->snapshot_done);
}

static HRESULT STDMETHODCALLTYPE Backup_GetSnapshotProperties(IVssBackupComponents *This, VSS_ID id, VSS_SNAPSHOT_PROP *p)
{
    char g[40];
    int i;
    BEGIN("GetSnapshotProperties");
    log_line("CALL %s obj=%s snapshot=%s", m, b->base.name, fmt_guid(&id, g));
    if (!check_out(p, m, "pProp")) return E_INVALIDARG;
    if (!require(b->initialized, m, "GetSnapshotProperties before InitializeForBackup")) return VSS_E_BAD_STATE;
    sync_snapshots(b);
    i = snap_find(&id);
    if (i >= 0 && g_snaps[i].owner == b && !g_snaps[i].done) {
        require(0, m, "GetSnapshotProperties before DoSnapshotSet finished");
        return VSS_E_BAD_STATE;
    }
    if (i < 0 || !g_snaps[i].done) {
        refused(m, "no snapshot %s exists -> VSS_E_OBJECT_NOT_FOUND", g);
        return VSS_E_OBJECT_NOT_FOUND;
    }
    snapshot_fill(p, i);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Backup_SetBackupSucceeded(IVssBackupComponents *This, VSS_ID instance, VSS_ID writer,
                                                           VSS_COMPONENT_TYPE ct, LPCWSTR path, LPCWSTR name, boolean ok)
{
    char g1[40], g2[40], s1[256], s2[256];
    const ComponentSpec *spec;
    int i;
    BEGIN("SetBackupSucceeded");
    log_line("CALL %s obj=%s instance=%s writer=%s type=%d logicalPath=%s name=%s succeeded=%u", m, b->base.name,
             fmt_guid(&instance, g1), fmt_guid(&writer, g2), ct, fmt_wstr(path, s1, sizeof s1), fmt_wstr(name, s2, sizeof s2), ok);
    if (!check_bool(ok, m, "bSucceded") | !check_wstr_in(path, 1, m, "wszLogicalPath") | !check_wstr_in(name, 0, m, "wszComponentName"))
        return E_INVALIDARG;
    if (!require(b->snapshot_done, m, "SetBackupSucceeded before DoSnapshotSet finished") ||
        !require(!b->complete_called, m, "SetBackupSucceeded after BackupComplete"))
        return VSS_E_BAD_STATE;
    spec = find_component(&instance, &writer, ct, path, name);
    for (i = 0; i < b->added_count; i++) {
        if (b->added[i].spec == spec && spec && IsEqualGUID(&b->added[i].instance, &instance)) {
            b->added[i].succeeded_set = 1;
            return S_OK;
        }
    }
    mismatch(m, "component was not added with AddComponent");
    return VSS_E_OBJECT_NOT_FOUND;
}

static HRESULT STDMETHODCALLTYPE Backup_BackupComplete(IVssBackupComponents *This, IVssAsync **pp)
{
    int i;
    BEGIN("BackupComplete");
    if (!require(b->snapshot_done, m, "BackupComplete before DoSnapshotSet finished (or after it failed)") ||
        !require(!b->complete_called, m, "BackupComplete called twice"))
        return VSS_E_BAD_STATE;
    for (i = 0; i < b->added_count; i++)
        if (!b->added[i].succeeded_set) mismatch(m, "component %d was added but SetBackupSucceeded was never called for it", i);
    b->complete_called = 1;
    return start_async(b, m, pp, &b->complete_done);
}

static HRESULT STDMETHODCALLTYPE Backup_GatherWriterStatus(IVssBackupComponents *This, IVssAsync **pp)
{
    BEGIN("GatherWriterStatus");
    if (!require(b->initialized && b->metadata_done, m, "GatherWriterStatus before GatherWriterMetadata finished"))
        return VSS_E_BAD_STATE;
    b->status_calls++;
    return start_async(b, m, pp, &b->status_done);
}

static HRESULT STDMETHODCALLTYPE Backup_GetWriterStatusCount(IVssBackupComponents *This, UINT *pc)
{
    BEGIN("GetWriterStatusCount");
    log_line("CALL %s obj=%s -> %d", m, b->base.name, WRITER_COUNT);
    if (!check_out(pc, m, "pcWriters")) return E_INVALIDARG;
    if (!require(b->status_done, m, "GetWriterStatusCount before GatherWriterStatus finished")) return VSS_E_BAD_STATE;
    *pc = WRITER_COUNT;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Backup_GetWriterStatus(IVssBackupComponents *This, UINT i, VSS_ID *pidInstance, VSS_ID *pidWriter,
                                                        BSTR *pbstrWriter, VSS_WRITER_STATE *pnStatus, HRESULT *phr)
{
    char s[256];
    int stable;
    BEGIN("GetWriterStatus");
    if (!check_out(pidInstance, m, "pidInstance") | !check_out(pidWriter, m, "pidWriter") | !check_out(pbstrWriter, m, "pbstrWriter") |
        !check_out(pnStatus, m, "pnStatus") | !check_out(phr, m, "phResultFailure"))
        return E_INVALIDARG;
    if (!require(b->status_done, m, "GetWriterStatus before GatherWriterStatus finished")) return VSS_E_BAD_STATE;
    if (i >= WRITER_COUNT) {
        mismatch(m, "index %u out of range", i);
        return E_INVALIDARG;
    }
    stable = getenv("VSSAPI_STANDIN_WRITERS_STABLE") != NULL;
    log_line("CALL %s obj=%s index=%u -> %s state=%d failure=0x%08lx", m, b->base.name, i, fmt_wstr(g_writers[i].name, s, sizeof s),
             stable ? VSS_WS_STABLE : g_writers[i].state, (unsigned long)(stable ? S_OK : g_writers[i].failure));
    *pidInstance = g_writers[i].instance;
    *pidWriter = g_writers[i].writer;
    *pbstrWriter = out_bstr(g_writers[i].name);
    /* VSSAPI_STANDIN_WRITERS_STABLE=1: every writer reports success (the contract's full sequence). */
    *pnStatus = stable ? VSS_WS_STABLE : g_writers[i].state;
    *phr = stable ? S_OK : g_writers[i].failure;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Backup_FreeWriterStatus(IVssBackupComponents *This)
{
    BEGIN("FreeWriterStatus");
    log_line("CALL %s obj=%s", m, b->base.name);
    if (!require(b->status_calls > 0, m, "FreeWriterStatus before GatherWriterStatus")) return VSS_E_BAD_STATE;
    b->status_done = 0;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Backup_AbortBackup(IVssBackupComponents *This)
{
    BEGIN("AbortBackup");
    log_line("CALL %s obj=%s", m, b->base.name);
    end_snapshots(b, 0);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Backup_Query(IVssBackupComponents *This, VSS_ID queried, VSS_OBJECT_TYPE qtype,
                                              VSS_OBJECT_TYPE rtype, IVssEnumObject **pp)
{
    char g[40];
    BEGIN("Query");
    if (!check_out(pp, m, "ppEnum")) return E_INVALIDARG;
    if (!IsEqualGUID(&queried, &GUID_NULL) || qtype != VSS_OBJECT_NONE || rtype != VSS_OBJECT_SNAPSHOT) {
        mismatch(m, "expected (GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_SNAPSHOT), got (%s, %d, %d)", fmt_guid(&queried, g), qtype, rtype);
        return E_INVALIDARG;
    }
    if (!require(b->initialized, m, "Query before InitializeForBackup")) return VSS_E_BAD_STATE;
    {
        /* VSS_CTX_ALL sees every snapshot; otherwise this object's own and persistent ones of its context. */
        int visible[MAX_SNAPS], n = 0, i;
        sync_snapshots(b);
        for (i = 0; i < g_snap_count; i++) {
            const Snap *snap = &g_snaps[i];
            if (!snap->alive || !snap->done) continue;
            if (b->context == (LONG)VSS_CTX_ALL || snap->owner == b ||
                ((snap->context & VSS_VOLSNAP_ATTR_PERSISTENT) && snap->context == b->context))
                visible[n++] = i;
        }
        *pp = enum_new(visible, n, &b->base);
    }
    log_line("CALL %s obj=%s queried=%s queriedType=%d returnedType=%d -> %s", m, b->base.name, fmt_guid(&queried, g), qtype, rtype,
             ((Base *)*pp)->name);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Backup_DeleteSnapshots(IVssBackupComponents *This, VSS_ID id, VSS_OBJECT_TYPE type, WINBOOL force,
                                                        LONG *pDeleted, VSS_ID *pNondeleted)
{
    char g[40];
    BEGIN("DeleteSnapshots");
    log_line("CALL %s obj=%s id=%s type=%d force=%d", m, b->base.name, fmt_guid(&id, g), type, force);
    if (!check_out(pDeleted, m, "plDeletedSnapshots") | !check_out(pNondeleted, m, "pNondeletedSnapshotID")) return E_INVALIDARG;
    if (force != 0 && force != 1) mismatch(m, "bForceDelete (WINBOOL) is %d, expected 0 or 1", force);
    if (type != VSS_OBJECT_SNAPSHOT && type != VSS_OBJECT_SNAPSHOT_SET) {
        mismatch(m, "eSourceObjectType %d is neither VSS_OBJECT_SNAPSHOT nor VSS_OBJECT_SNAPSHOT_SET", type);
        return E_INVALIDARG;
    }
    *pNondeleted = GUID_NULL;
    *pDeleted = 0;
    sync_snapshots(b);
    {
        int i;
        for (i = 0; i < g_snap_count; i++) {
            Snap *snap = &g_snaps[i];
            if (!snap->alive || !snap->done) continue;
            if (type == VSS_OBJECT_SNAPSHOT ? IsEqualGUID(&id, &snap->id) : IsEqualGUID(&id, &snap->set)) {
                snap->alive = 0;
                ++*pDeleted;
            }
        }
    }
    if (*pDeleted) return S_OK;
    refused(m, "no snapshot or set %s exists -> VSS_E_OBJECT_NOT_FOUND", g);
    return VSS_E_OBJECT_NOT_FOUND;
}

static HRESULT STDMETHODCALLTYPE Backup_IsVolumeSupported(IVssBackupComponents *This, VSS_ID provider, VSS_PWSZ volume, WINBOOL *pSupported)
{
    char g[40], s[MAX_PATH * 3 + 4];
    size_t len;
    BEGIN("IsVolumeSupported");
    if (!check_wstr_in(volume, 0, m, "pwszVolumeName") | !check_out(pSupported, m, "pbSupportedByThisProvider")) return E_INVALIDARG;
    log_line("CALL %s obj=%s provider=%s volume=%s", m, b->base.name, fmt_guid(&provider, g), fmt_wstr(volume, s, sizeof s));
    len = wcslen(volume);
    if (len == 0 || volume[len - 1] != L'\\') mismatch(m, "volume name %s must end with a backslash", s);
    *pSupported = TRUE;
    return S_OK;
}

static HRESULT writer_ids(Backup *b, const char *m, const VSS_ID *ids, UINT count)
{
    char g[40];
    UINT i;
    log_line("CALL %s obj=%s count=%u", m, b->base.name, count);
    if (count && !ids) {
        mismatch(m, "%u ids but a NULL array", count);
        return E_INVALIDARG;
    }
    for (i = 0; i < count; i++) log_line("ARG %s id[%u]=%s", m, i, fmt_guid(&ids[i], g));
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE Backup_DisableWriterClasses(IVssBackupComponents *This, const VSS_ID *ids, UINT count)
{ BEGIN("DisableWriterClasses"); return writer_ids(b, m, ids, count); }
static HRESULT STDMETHODCALLTYPE Backup_EnableWriterClasses(IVssBackupComponents *This, const VSS_ID *ids, UINT count)
{ BEGIN("EnableWriterClasses"); return writer_ids(b, m, ids, count); }
static HRESULT STDMETHODCALLTYPE Backup_DisableWriterInstances(IVssBackupComponents *This, const VSS_ID *ids, UINT count)
{ BEGIN("DisableWriterInstances"); return writer_ids(b, m, ids, count); }

IUNKNOWN_IMPL(IVssBackupComponents)

static IVssBackupComponentsVtbl g_backup_vtbl = {
    IUNKNOWN_SLOTS(IVssBackupComponents),
    .InitializeForBackup = Backup_InitializeForBackup,
    .SetBackupState = Backup_SetBackupState,
    .GatherWriterMetadata = Backup_GatherWriterMetadata,
    .GetWriterMetadataCount = Backup_GetWriterMetadataCount,
    .GetWriterMetadata = Backup_GetWriterMetadata,
    .FreeWriterMetadata = Backup_FreeWriterMetadata,
    .AddComponent = Backup_AddComponent,
    .PrepareForBackup = Backup_PrepareForBackup,
    .AbortBackup = Backup_AbortBackup,
    .GatherWriterStatus = Backup_GatherWriterStatus,
    .GetWriterStatusCount = Backup_GetWriterStatusCount,
    .FreeWriterStatus = Backup_FreeWriterStatus,
    .GetWriterStatus = Backup_GetWriterStatus,
    .SetBackupSucceeded = Backup_SetBackupSucceeded,
    .BackupComplete = Backup_BackupComplete,
    .SetContext = Backup_SetContext,
    .StartSnapshotSet = Backup_StartSnapshotSet,
    .AddToSnapshotSet = Backup_AddToSnapshotSet,
    .DoSnapshotSet = Backup_DoSnapshotSet,
    .DeleteSnapshots = Backup_DeleteSnapshots,
    .GetSnapshotProperties = Backup_GetSnapshotProperties,
    .Query = Backup_Query,
    .IsVolumeSupported = Backup_IsVolumeSupported,
    .DisableWriterClasses = Backup_DisableWriterClasses,
    .EnableWriterClasses = Backup_EnableWriterClasses,
    .DisableWriterInstances = Backup_DisableWriterInstances,
};

HRESULT STDAPICALLTYPE CreateVssBackupComponentsInternal(IVssBackupComponents **pp)
{
    Backup *b;
    const char *forced = getenv("VSSAPI_STANDIN_CREATE_HR");
    if (!check_out(pp, "CreateVssBackupComponentsInternal", "ppBackup")) return E_INVALIDARG;
    if (forced && *forced) {
        /* Fail like Windows without privileges (E_ACCESSDENIED) or Wine (E_NOTIMPL): *pp is not written. */
        HRESULT hr = (HRESULT)strtoul(forced, NULL, 16);
        log_line("CALL CreateVssBackupComponentsInternal -> 0x%08lx (VSSAPI_STANDIN_CREATE_HR)", (unsigned long)hr);
        return hr;
    }
    fill_unexpected_slots((void **)&g_backup_vtbl, sizeof g_backup_vtbl / sizeof(void *));
    b = (Backup *)CoTaskMemAlloc(sizeof *b);
    ZeroMemory(b, sizeof *b);
    base_init(&b->base, &g_backup_vtbl, "IVssBackupComponents", "bc", NULL);
    /* The creating thread is the one every later call is held to; its apartment is checked like a call's. */
    base_check_thread(&b->base, "CreateVssBackupComponentsInternal");
    b->base.on_final_release = backup_final_release;
    b->serial_for_set = ++g_backup_serial;
    log_line("CALL CreateVssBackupComponentsInternal -> %s", b->base.name);
    *pp = (IVssBackupComponents *)b;
    return S_OK;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance;
    (void)reserved;
    if (reason == DLL_PROCESS_ATTACH)
        log_line("LOAD vssapi-standin pid=%lu require-sta=%d", (unsigned long)GetCurrentProcessId(), require_sta());
    if (reason == DLL_PROCESS_DETACH) base_report_all();
    return TRUE;
}
