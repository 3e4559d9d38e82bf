/* Two writers (a database writer with a non-ASCII name, and a file-group writer with a root component
 * and an alternate location) behind IVssExamineWriterMetadata, IVssWMComponent and IVssWMFiledesc. */
#include "standin.h"

static long g_bstrs_out;
static int g_infos_outstanding;

BSTR out_bstr(const WCHAR *s)
{
    if (!s) return NULL;
    g_bstrs_out++;
    return SysAllocString(s);
}

long out_bstr_count(void) { return g_bstrs_out; }
int component_infos_outstanding(void) { return g_infos_outstanding; }

static const FileSpec g_db1_files[] = { { L"C:\\Data\\", L"db1.mdf", NULL, 0 } };
static const FileSpec g_db1_logs[] = { { L"C:\\Logs\\", L"db1.ldf", NULL, 0 } };
static const FileSpec g_a_excludes[] = { { L"C:\\Data\\", L"*.tmp", NULL, 1 } };
static const FileSpec g_b_files[] = { { L"C:\\Files\\", L"*", L"D:\\Alt\\", 1 } };

static const ComponentSpec g_a_components[] = {
    { VSS_CT_DATABASE, L"Instance1", L"Db1", L"Database one", 1, 0, 1, 1, NULL, g_db1_files, g_db1_logs },
};
static const ComponentSpec g_b_components[] = {
    { VSS_CT_FILEGROUP, NULL, L"Files", NULL, 1, 1, 0, 0, g_b_files, NULL, NULL },
};

const WriterSpec g_writers[WRITER_COUNT] = {
    { { 0xc0ffee00, 0x1234, 0x4abc, { 0x8d, 0xef, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab } },
      { 0xa3a1c1e0, 0x0b1d, 0x4c7e, { 0x9f, 0x2a, 0x5d, 0x6e, 0x7f, 0x80, 0x91, 0x01 } },
      L"Stand-in Database Writer \x03A9", VSS_UT_USERDATA, VSS_ST_TRANSACTEDDB, 1, 1, g_a_components, g_a_excludes,
      VSS_WS_STABLE, S_OK },
    { { 0xdeadbeef, 0xcafe, 0x4bad, { 0x9f, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66 } },
      { 0xb4b2d2f1, 0x1c2e, 0x4d8f, { 0x8a, 0x3b, 0x6e, 0x7f, 0x80, 0x91, 0x23, 0x45 } },
      L"Stand-in File Writer", VSS_UT_SYSTEMSERVICE, VSS_ST_OTHER, 1, 0, g_b_components, NULL,
      VSS_WS_FAILED_AT_FREEZE, VSS_E_WRITERERROR_RETRYABLE },
};

static int wstr_eq(const WCHAR *a, const WCHAR *b)
{
    if (!a || !*a) return !b || !*b; /* NULL and "" both mean "no logical path" */
    return b && !wcscmp(a, b);
}

const ComponentSpec *find_component(const GUID *instance, const GUID *writer, VSS_COMPONENT_TYPE ct,
                                    const WCHAR *logical_path, const WCHAR *name)
{
    int w, c;
    for (w = 0; w < WRITER_COUNT; w++) {
        if (!IsEqualGUID(instance, &g_writers[w].instance) || !IsEqualGUID(writer, &g_writers[w].writer)) continue;
        for (c = 0; c < g_writers[w].component_count; c++) {
            const ComponentSpec *spec = &g_writers[w].components[c];
            if (spec->type == ct && wstr_eq(spec->logical_path, logical_path) && wstr_eq(spec->name, name)) return spec;
        }
    }
    return NULL;
}

/* ---------------- IVssWMFiledesc ---------------- */
typedef struct Filedesc { Base base; const FileSpec *spec; } Filedesc;
IUNKNOWN_IMPL(IVssWMFiledesc)

static HRESULT filedesc_bstr(IVssWMFiledesc *This, BSTR *out, const WCHAR *value, const char *method)
{
    Filedesc *f = (Filedesc *)This;
    char s[256];
    base_check_thread(&f->base, method);
    log_line("CALL %s obj=%s -> %s", method, f->base.name, fmt_wstr(value, s, sizeof s));
    if (!check_out(out, method, "pbstr")) return E_INVALIDARG;
    *out = out_bstr(value);
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE Filedesc_GetPath(IVssWMFiledesc *This, BSTR *p)
{ return filedesc_bstr(This, p, ((Filedesc *)This)->spec->path, "IVssWMFiledesc.GetPath"); }
static HRESULT STDMETHODCALLTYPE Filedesc_GetFilespec(IVssWMFiledesc *This, BSTR *p)
{ return filedesc_bstr(This, p, ((Filedesc *)This)->spec->spec, "IVssWMFiledesc.GetFilespec"); }
static HRESULT STDMETHODCALLTYPE Filedesc_GetAlternateLocation(IVssWMFiledesc *This, BSTR *p)
{ return filedesc_bstr(This, p, ((Filedesc *)This)->spec->alternate, "IVssWMFiledesc.GetAlternateLocation"); }

static HRESULT STDMETHODCALLTYPE Filedesc_GetRecursive(IVssWMFiledesc *This, boolean *p)
{
    Filedesc *f = (Filedesc *)This;
    base_check_thread(&f->base, "IVssWMFiledesc.GetRecursive");
    log_line("CALL IVssWMFiledesc.GetRecursive obj=%s -> %u", f->base.name, f->spec->recursive);
    if (!check_out(p, "IVssWMFiledesc.GetRecursive", "pbRecursive")) return E_INVALIDARG;
    *p = f->spec->recursive;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Filedesc_GetBackupTypeMask(IVssWMFiledesc *This, DWORD *p)
{
    Filedesc *f = (Filedesc *)This;
    base_check_thread(&f->base, "IVssWMFiledesc.GetBackupTypeMask");
    log_line("CALL IVssWMFiledesc.GetBackupTypeMask obj=%s", f->base.name);
    if (!check_out(p, "IVssWMFiledesc.GetBackupTypeMask", "pdwTypeMask")) return E_INVALIDARG;
    *p = 0;
    return S_OK;
}

static IVssWMFiledescVtbl g_filedesc_vtbl = {
    IUNKNOWN_SLOTS(IVssWMFiledesc),
    .GetPath = Filedesc_GetPath,
    .GetFilespec = Filedesc_GetFilespec,
    .GetRecursive = Filedesc_GetRecursive,
    .GetAlternateLocation = Filedesc_GetAlternateLocation,
    .GetBackupTypeMask = Filedesc_GetBackupTypeMask,
};

static IVssWMFiledesc *filedesc_new(const FileSpec *spec, const Base *owner)
{
    Filedesc *f = (Filedesc *)CoTaskMemAlloc(sizeof *f);
    ZeroMemory(f, sizeof *f);
    base_init(&f->base, &g_filedesc_vtbl, "IVssWMFiledesc", "file", owner);
    f->spec = spec;
    return (IVssWMFiledesc *)f;
}

static HRESULT give_file(const FileSpec *files, int count, UINT index, IVssWMFiledesc **pp, Base *owner, const char *method)
{
    base_check_thread(owner, method);
    log_line("CALL %s obj=%s index=%u", method, owner->name, index);
    if (!check_out(pp, method, "ppFiledesc")) return E_INVALIDARG;
    if (index >= (UINT)count) {
        mismatch(method, "index %u out of range (count %d)", index, count);
        *pp = NULL;
        return E_INVALIDARG;
    }
    *pp = filedesc_new(&files[index], owner);
    return S_OK;
}

/* ---------------- IVssWMComponent ---------------- */
typedef struct Component { Base base; const ComponentSpec *spec; VSS_COMPONENTINFO *info; } Component;
IUNKNOWN_IMPL(IVssWMComponent)

static HRESULT STDMETHODCALLTYPE Component_GetComponentInfo(IVssWMComponent *This, PVSSCOMPONENTINFO *ppInfo)
{
    Component *c = (Component *)This;
    VSS_COMPONENTINFO *info;
    base_check_thread(&c->base, "IVssWMComponent.GetComponentInfo");
    log_line("CALL IVssWMComponent.GetComponentInfo obj=%s", c->base.name);
    if (!check_out(ppInfo, "IVssWMComponent.GetComponentInfo", "ppInfo")) return E_INVALIDARG;
    if (c->info) mismatch("IVssWMComponent.GetComponentInfo", "%s: the previous VSS_COMPONENTINFO was never freed", c->base.name);
    info = (VSS_COMPONENTINFO *)CoTaskMemAlloc(sizeof *info);
    ZeroMemory(info, sizeof *info);
    info->type = c->spec->type;
    /* These BSTRs belong to the struct: FreeComponentInfo frees them, the caller must not. */
    info->bstrLogicalPath = c->spec->logical_path ? SysAllocString(c->spec->logical_path) : NULL;
    info->bstrComponentName = SysAllocString(c->spec->name);
    info->bstrCaption = c->spec->caption ? SysAllocString(c->spec->caption) : NULL;
    info->bSelectable = c->spec->selectable;
    info->bRestoreMetadata = 0;
    info->bNotifyOnBackupComplete = 1;
    info->bSelectableForRestore = 1;
    info->cFileCount = c->spec->file_count;
    info->cDatabases = c->spec->db_count;
    info->cLogFiles = c->spec->log_count;
    c->info = info;
    g_infos_outstanding++;
    *ppInfo = info;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Component_FreeComponentInfo(IVssWMComponent *This, PVSSCOMPONENTINFO pInfo)
{
    Component *c = (Component *)This;
    VSS_COMPONENTINFO *info = c->info;
    base_check_thread(&c->base, "IVssWMComponent.FreeComponentInfo");
    log_line("CALL IVssWMComponent.FreeComponentInfo obj=%s", c->base.name);
    if (!pInfo || pInfo != info) {
        mismatch("IVssWMComponent.FreeComponentInfo", "%s: pInfo %p is not the VSS_COMPONENTINFO this component handed out (%p)",
                 c->base.name, (const void *)pInfo, (void *)info);
        return E_INVALIDARG;
    }
    SysFreeString(info->bstrLogicalPath);
    SysFreeString(info->bstrComponentName);
    SysFreeString(info->bstrCaption);
    CoTaskMemFree(info);
    c->info = NULL;
    g_infos_outstanding--;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Component_GetFile(IVssWMComponent *This, UINT i, IVssWMFiledesc **pp)
{ Component *c = (Component *)This; return give_file(c->spec->files, c->spec->file_count, i, pp, &c->base, "IVssWMComponent.GetFile"); }
static HRESULT STDMETHODCALLTYPE Component_GetDatabaseFile(IVssWMComponent *This, UINT i, IVssWMFiledesc **pp)
{ Component *c = (Component *)This; return give_file(c->spec->dbs, c->spec->db_count, i, pp, &c->base, "IVssWMComponent.GetDatabaseFile"); }
static HRESULT STDMETHODCALLTYPE Component_GetDatabaseLogFile(IVssWMComponent *This, UINT i, IVssWMFiledesc **pp)
{ Component *c = (Component *)This; return give_file(c->spec->logs, c->spec->log_count, i, pp, &c->base, "IVssWMComponent.GetDatabaseLogFile"); }

static IVssWMComponentVtbl g_component_vtbl = {
    IUNKNOWN_SLOTS(IVssWMComponent),
    .GetComponentInfo = Component_GetComponentInfo,
    .FreeComponentInfo = Component_FreeComponentInfo,
    .GetFile = Component_GetFile,
    .GetDatabaseFile = Component_GetDatabaseFile,
    .GetDatabaseLogFile = Component_GetDatabaseLogFile,
};

/* ---------------- IVssExamineWriterMetadata ---------------- */
typedef struct Examine { Base base; int writer; } Examine;
IUNKNOWN_IMPL(IVssExamineWriterMetadata)

static HRESULT STDMETHODCALLTYPE Examine_GetIdentity(IVssExamineWriterMetadata *This, VSS_ID *pidInstance, VSS_ID *pidWriter,
                                                     BSTR *pbstrWriterName, VSS_USAGE_TYPE *pUsage, VSS_SOURCE_TYPE *pSource)
{
    Examine *e = (Examine *)This;
    const WriterSpec *w = &g_writers[e->writer];
    char s[256];
    const char *m = "IVssExamineWriterMetadata.GetIdentity";
    base_check_thread(&e->base, m);
    log_line("CALL %s obj=%s -> %s", m, e->base.name, fmt_wstr(w->name, s, sizeof s));
    if (!check_out(pidInstance, m, "pidInstance") | !check_out(pidWriter, m, "pidWriter") |
        !check_out(pbstrWriterName, m, "pbstrWriterName") | !check_out(pUsage, m, "pUsage") | !check_out(pSource, m, "pSource"))
        return E_INVALIDARG;
    *pidInstance = w->instance;
    *pidWriter = w->writer;
    *pbstrWriterName = out_bstr(w->name);
    *pUsage = w->usage;
    *pSource = w->source;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Examine_GetFileCounts(IVssExamineWriterMetadata *This, UINT *pcInclude, UINT *pcExclude, UINT *pcComponents)
{
    Examine *e = (Examine *)This;
    const char *m = "IVssExamineWriterMetadata.GetFileCounts";
    base_check_thread(&e->base, m);
    log_line("CALL %s obj=%s -> include=0 exclude=%d components=%d", m, e->base.name,
             g_writers[e->writer].exclude_count, g_writers[e->writer].component_count);
    if (!check_out(pcInclude, m, "pcIncludeFiles") | !check_out(pcExclude, m, "pcExcludeFiles") | !check_out(pcComponents, m, "pcComponents"))
        return E_INVALIDARG;
    *pcInclude = 0;
    *pcExclude = g_writers[e->writer].exclude_count;
    *pcComponents = g_writers[e->writer].component_count;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Examine_GetExcludeFile(IVssExamineWriterMetadata *This, UINT i, IVssWMFiledesc **pp)
{
    Examine *e = (Examine *)This;
    return give_file(g_writers[e->writer].excludes, g_writers[e->writer].exclude_count, i, pp, &e->base, "IVssExamineWriterMetadata.GetExcludeFile");
}

static HRESULT STDMETHODCALLTYPE Examine_GetIncludeFile(IVssExamineWriterMetadata *This, UINT i, IVssWMFiledesc **pp)
{
    Examine *e = (Examine *)This;
    return give_file(NULL, 0, i, pp, &e->base, "IVssExamineWriterMetadata.GetIncludeFile");
}

static HRESULT STDMETHODCALLTYPE Examine_GetComponent(IVssExamineWriterMetadata *This, UINT i, IVssWMComponent **pp)
{
    Examine *e = (Examine *)This;
    const char *m = "IVssExamineWriterMetadata.GetComponent";
    Component *c;
    base_check_thread(&e->base, m);
    log_line("CALL %s obj=%s index=%u", m, e->base.name, i);
    if (!check_out(pp, m, "ppComponent")) return E_INVALIDARG;
    if (i >= (UINT)g_writers[e->writer].component_count) {
        mismatch(m, "index %u out of range", i);
        *pp = NULL;
        return E_INVALIDARG;
    }
    c = (Component *)CoTaskMemAlloc(sizeof *c);
    ZeroMemory(c, sizeof *c);
    base_init(&c->base, &g_component_vtbl, "IVssWMComponent", "comp", &e->base);
    c->spec = &g_writers[e->writer].components[i];
    *pp = (IVssWMComponent *)c;
    return S_OK;
}

static IVssExamineWriterMetadataVtbl g_examine_vtbl = {
    IUNKNOWN_SLOTS(IVssExamineWriterMetadata),
    .GetIdentity = Examine_GetIdentity,
    .GetFileCounts = Examine_GetFileCounts,
    .GetIncludeFile = Examine_GetIncludeFile,
    .GetExcludeFile = Examine_GetExcludeFile,
    .GetComponent = Examine_GetComponent,
};

IVssExamineWriterMetadata *examine_new(int writer, const Base *owner)
{
    static int traps_filled;
    Examine *e;
    if (!traps_filled) {
        fill_unexpected_slots((void **)&g_examine_vtbl, sizeof g_examine_vtbl / sizeof(void *));
        fill_unexpected_slots((void **)&g_component_vtbl, sizeof g_component_vtbl / sizeof(void *));
        fill_unexpected_slots((void **)&g_filedesc_vtbl, sizeof g_filedesc_vtbl / sizeof(void *));
        traps_filled = 1;
    }
    e = (Examine *)CoTaskMemAlloc(sizeof *e);
    ZeroMemory(e, sizeof *e);
    base_init(&e->base, &g_examine_vtbl, "IVssExamineWriterMetadata", "wm", owner);
    e->writer = writer;
    return (IVssExamineWriterMetadata *)e;
}
