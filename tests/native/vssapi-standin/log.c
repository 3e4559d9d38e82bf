/* The call log (file named by VSSAPI_STANDIN_LOG, flushed per line) and argument checks. */
#include "standin.h"
#include <stdio.h>
#include <stdarg.h>
#include <wchar.h>
#include <stdlib.h>
#include <string.h>

static FILE *g_log;
static LONG g_mismatches;
static LONG g_refusals;
/* Calls may come from several threads (that is what THREAD-VIOLATION reports), so each line is written
 * whole under a lock and never interleaves with another. */
static SRWLOCK g_log_lock = SRWLOCK_INIT;

static FILE *log_file(void)
{
    if (!g_log) {
        const char *path = getenv("VSSAPI_STANDIN_LOG");
        g_log = path && *path ? fopen(path, "w") : stderr;
        if (!g_log) g_log = stderr;
    }
    return g_log;
}

static void write_line(const char *prefix, const char *where, const char *fmt, va_list ap)
{
    FILE *f;
    AcquireSRWLockExclusive(&g_log_lock);
    f = log_file();
    if (prefix) fprintf(f, "%s %s: ", prefix, where);
    vfprintf(f, fmt, ap);
    fputc('\n', f);
    fflush(f);
    ReleaseSRWLockExclusive(&g_log_lock);
}

void log_line(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    write_line(NULL, NULL, fmt, ap);
    va_end(ap);
}

void mismatch(const char *where, const char *fmt, ...)
{
    va_list ap;
    InterlockedIncrement(&g_mismatches);
    va_start(ap, fmt);
    write_line("ARG-MISMATCH", where, fmt, ap);
    va_end(ap);
}

int mismatch_count(void) { return (int)g_mismatches; }

void refused(const char *where, const char *fmt, ...)
{
    va_list ap;
    InterlockedIncrement(&g_refusals);
    va_start(ap, fmt);
    write_line("REFUSED", where, fmt, ap);
    va_end(ap);
}

int refused_count(void) { return (int)g_refusals; }

const char *fmt_guid(const GUID *g, char buf[40])
{
    if (!g) return "NULL";
    snprintf(buf, 40, "{%08lx-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x}", (unsigned long)g->Data1,
             g->Data2, g->Data3, g->Data4[0], g->Data4[1], g->Data4[2], g->Data4[3], g->Data4[4],
             g->Data4[5], g->Data4[6], g->Data4[7]);
    return buf;
}

const char *fmt_wstr(const WCHAR *s, char *buf, int size)
{
    int n;
    if (!s) return "NULL";
    buf[0] = '"';
    n = WideCharToMultiByte(CP_UTF8, 0, s, -1, buf + 1, size - 3, NULL, NULL);
    if (n <= 0) { snprintf(buf, size, "<unconvertible>"); return buf; }
    buf[n] = '"'; /* n counts the NUL, which sits at buf[n] */
    buf[n + 1] = 0;
    return buf;
}

int check_out(const void *p, const char *where, const char *param)
{
    if (p) return 1;
    mismatch(where, "out pointer %s is NULL", param);
    return 0;
}

int check_bool(unsigned char b, const char *where, const char *param)
{
    if (b == 0 || b == 1) return 1;
    mismatch(where, "boolean %s is %u, expected exactly 0 or 1", param, b);
    return 0;
}

int check_bstr_in(BSTR b, const char *where, const char *param)
{
    UINT len;
    size_t chars;
    if (!b) return 1;
    /* A real BSTR carries its byte length in the 4 bytes before the text; a plain wide string does not. */
    len = SysStringLen(b);
    chars = wcsnlen(b, 1 << 20);
    if (len != chars) {
        mismatch(where, "%s is not a BSTR: SysStringLen=%u but the text has %u characters", param, len, (unsigned)chars);
        return 0;
    }
    return 1;
}

int check_wstr_in(const WCHAR *s, int allow_null, const char *where, const char *param)
{
    if (!s) {
        if (allow_null) return 1;
        mismatch(where, "string %s is NULL", param);
        return 0;
    }
    if (wcsnlen(s, 32768) >= 32768) {
        mismatch(where, "string %s is not NUL-terminated within 32768 characters", param);
        return 0;
    }
    return 1;
}

HRESULT forced_failure(const char *method)
{
    const char *spec = getenv("VSSAPI_STANDIN_FAIL");
    size_t n = strlen(method);
    if (!spec || strncmp(spec, method, n) != 0 || spec[n] != '=') return S_OK;
    return (HRESULT)strtoul(spec + n + 1, NULL, 16);
}
