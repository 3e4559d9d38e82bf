/* Stand-in vssapi.dll: shared declarations. It plays the part of Windows VSS for the provider under
 * Wine, checks every argument it receives against what vsbackup.h and the VSS documentation require,
 * counts references per object, and writes a call log the Wine test asserts on. */
#ifndef STANDIN_H
#define STANDIN_H


#define CINTERFACE
#include <windows.h>
#include <oleauto.h>
#include <vss.h>
#include <vswriter.h>
#include <vsbackup.h>

/* ---- log.c: the call log and the argument checks ---- */
void log_line(const char *fmt, ...);
void mismatch(const char *where, const char *fmt, ...);
/* A request VSS itself refuses with an HRESULT (call order, unknown id, volume without backslash). The
 * backup run must have none; the contract suite provokes some on purpose. Not a marshalling error. */
void refused(const char *where, const char *fmt, ...);
int refused_count(void);
int mismatch_count(void);
const char *fmt_guid(const GUID *g, char buf[40]);
const char *fmt_wstr(const WCHAR *s, char *buf, int size); /* "NULL" or "text" (UTF-8, quoted) */
int check_out(const void *p, const char *where, const char *param);
int check_bool(unsigned char b, const char *where, const char *param);
int check_bstr_in(BSTR b, const char *where, const char *param);
int check_wstr_in(const WCHAR *s, int allow_null, const char *where, const char *param);
/* VSSAPI_STANDIN_FAIL=<Method>=<hex HRESULT>: that method (or, for the five async operations, its
 * IVssAsync status) fails with the HRESULT, to drive the caller's failure paths. 0 when not forced. */
HRESULT forced_failure(const char *method);

/* ---- base.c: every COM object starts with Base; references are counted and never freed, so a
 * Release after the last one is caught instead of crashing. ---- */
typedef struct Base {
    const void *lpVtbl;
    LONG refs;
    LONG addrefs;
    LONG releases;
    DWORD thread;        /* the thread that created the components object this one belongs to */
    char family[32];     /* that components object's name (its own name for a components object) */
    char name[32];
    const char *iface;
    void (*on_final_release)(struct Base *b); /* optional: what the last Release ends */
} Base;

/* owner: the object whose call hands this one out (it inherits the owner's thread), or NULL for a
 * components object, which belongs to the thread creating it. */
void base_init(Base *b, const void *vtbl, const char *iface, const char *prefix, const Base *owner);
HRESULT base_qi(Base *b, REFIID riid, void **ppv);
ULONG base_addref(Base *b);
ULONG base_release(Base *b);
/* Every call on an object: logs "ON <method> obj= thread= apartment=", and THREAD-VIOLATION when the
 * thread is not the one that created the components object, APARTMENT-VIOLATION when
 * VSSAPI_STANDIN_REQUIRE_STA=1 and the thread is not in a single-threaded apartment. */
void base_check_thread(Base *b, const char *method);
int require_sta(void); /* VSSAPI_STANDIN_REQUIRE_STA=1 */
int thread_violation_count(void);
int apartment_violation_count(void);
void base_report_all(void);
void fill_unexpected_slots(void **vtbl, int count);

#define IUNKNOWN_IMPL(Iface)                                                                          \
    static HRESULT STDMETHODCALLTYPE Standin_##Iface##_QueryInterface(Iface *This, REFIID riid, void **ppv)     \
    { return base_qi((Base *)This, riid, ppv); }                                                      \
    static ULONG STDMETHODCALLTYPE Standin_##Iface##_AddRef(Iface *This) { return base_addref((Base *)This); }  \
    static ULONG STDMETHODCALLTYPE Standin_##Iface##_Release(Iface *This) { return base_release((Base *)This); }

#define IUNKNOWN_SLOTS(Iface) \
    .QueryInterface = Standin_##Iface##_QueryInterface, .AddRef = Standin_##Iface##_AddRef, .Release = Standin_##Iface##_Release

/* ---- strings handed to the caller ---- */
BSTR out_bstr(const WCHAR *s);  /* a BSTR the caller must SysFreeString (counted) */
long out_bstr_count(void);

/* ---- async.c ---- */
IVssAsync *async_new(const char *operation, int *finished_flag, const Base *owner);

/* ---- writers.c: two writers with components, files and status ---- */
#define WRITER_COUNT 2
typedef struct FileSpec { const WCHAR *path, *spec, *alternate; unsigned char recursive; } FileSpec;
typedef struct ComponentSpec {
    VSS_COMPONENT_TYPE type;
    const WCHAR *logical_path, *name, *caption;
    unsigned char selectable;
    int file_count, db_count, log_count;
    const FileSpec *files, *dbs, *logs;
} ComponentSpec;
typedef struct WriterSpec {
    GUID instance, writer;
    const WCHAR *name;
    VSS_USAGE_TYPE usage;
    VSS_SOURCE_TYPE source;
    int component_count, exclude_count;
    const ComponentSpec *components;
    const FileSpec *excludes;
    VSS_WRITER_STATE state;
    HRESULT failure;
} WriterSpec;
extern const WriterSpec g_writers[WRITER_COUNT];
IVssExamineWriterMetadata *examine_new(int writer, const Base *owner);
const ComponentSpec *find_component(const GUID *instance, const GUID *writer, VSS_COMPONENT_TYPE ct,
                                    const WCHAR *logical_path, const WCHAR *name);
int component_infos_outstanding(void);

/* ---- snapshots.c: the host's snapshots (shared by every components object in the process),
 * VSS_SNAPSHOT_PROP filling/freeing, and the Query enumerator ---- */
#define MAX_SNAPS 128
typedef struct Snap {
    GUID id, set;
    WCHAR volume[MAX_PATH];
    LONG context;   /* VSS_CTX_* of the object that created it; bit 0 = persistent */
    int alive;      /* created and not deleted/released */
    int done;       /* DoSnapshotSet finished for its set */
    const void *owner;
} Snap;
extern Snap g_snaps[MAX_SNAPS];
extern int g_snap_count;
int snap_find(const GUID *id);          /* index of an alive snapshot, or -1 */
int snap_set_size(const GUID *set);     /* alive snapshots in a set */
void snapshot_fill(VSS_SNAPSHOT_PROP *p, int snap);
int snapshot_props_outstanding(void);
IVssEnumObject *enum_new(const int *snaps, int count, const Base *owner);

#endif
