/* IVssAsync: pending until Wait is called, then finished; completion is reported to the components
 * object through finished_flag, so "used the result before waiting" shows up as an order mismatch. */
#include "standin.h"

typedef struct Async {
    Base base;
    const char *operation;
    int *finished_flag;
    HRESULT status;
} Async;

IUNKNOWN_IMPL(IVssAsync)

static HRESULT STDMETHODCALLTYPE Async_Cancel(IVssAsync *This)
{
    Async *a = (Async *)This;
    base_check_thread(&a->base, "IVssAsync.Cancel");
    log_line("CALL IVssAsync.Cancel obj=%s op=%s", a->base.name, a->operation);
    return a->status == VSS_S_ASYNC_PENDING ? (a->status = VSS_S_ASYNC_CANCELLED) : VSS_S_ASYNC_FINISHED;
}

static HRESULT STDMETHODCALLTYPE Async_Wait(IVssAsync *This, DWORD ms)
{
    Async *a = (Async *)This;
    base_check_thread(&a->base, "IVssAsync.Wait");
    log_line("CALL IVssAsync.Wait obj=%s op=%s ms=%lu", a->base.name, a->operation, (unsigned long)ms);
    if (ms == 0) mismatch("IVssAsync.Wait", "dwMilliseconds is 0: the caller would never wait");
    if (a->status == VSS_S_ASYNC_PENDING) {
        HRESULT forced = forced_failure(a->operation);
        a->status = forced ? forced : VSS_S_ASYNC_FINISHED;
        /* A failed operation has not finished in the sense the next step needs. */
        if (forced) return S_OK;
        if (a->finished_flag) *a->finished_flag = 1;
    }
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Async_QueryStatus(IVssAsync *This, HRESULT *pHrResult, INT *pReserved)
{
    Async *a = (Async *)This;
    base_check_thread(&a->base, "IVssAsync.QueryStatus");
    log_line("CALL IVssAsync.QueryStatus obj=%s op=%s -> 0x%08lx", a->base.name, a->operation, (unsigned long)a->status);
    if (pReserved) mismatch("IVssAsync.QueryStatus", "pReserved must be NULL");
    if (!check_out(pHrResult, "IVssAsync.QueryStatus", "pHrResult")) return E_INVALIDARG;
    *pHrResult = a->status;
    return S_OK;
}

static IVssAsyncVtbl g_async_vtbl = {
    IUNKNOWN_SLOTS(IVssAsync),
    .Cancel = Async_Cancel,
    .Wait = Async_Wait,
    .QueryStatus = Async_QueryStatus,
};

IVssAsync *async_new(const char *operation, int *finished_flag, const Base *owner)
{
    Async *a = (Async *)CoTaskMemAlloc(sizeof *a);
    ZeroMemory(a, sizeof *a);
    base_init(&a->base, &g_async_vtbl, "IVssAsync", "async", owner);
    log_line("INFO %s op=%s", a->base.name, operation);
    a->operation = operation;
    a->finished_flag = finished_flag;
    a->status = VSS_S_ASYNC_PENDING;
    if (finished_flag) *finished_flag = 0;
    return (IVssAsync *)a;
}
