/* The call log (file named by VSSAPI_STANDIN_LOG, flushed per line) and argument checks. */
#include "standin.h"
#include <stdio.h>
#include <stdarg.h>
#include <wchar.h>
#include <stdlib.h>
#include <string.h>

static FILE *g_log;
static int g_mismatches;

static FILE *log_file(void)
{
    if (!g_log) {
        const char *path = getenv("VSSAPI_STANDIN_LOG");
        g_log = path && *path ? fopen(path, "w") : stderr;
        if (!g_log) g_log = stderr;
    }
    return g_log;
}

void log_line(const char *fmt, ...)
{
    FILE *f = log_file();
    va_list ap;
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fputc('\n', f);
    fflush(f);
}

void mismatch(const char *where, const char *fmt, ...)
{
    FILE *f = log_file();
    va_list ap;
    g_mismatches++;
    fprintf(f, "ARG-MISMATCH %s: ", where);
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fputc('\n', f);
    fflush(f);
}

int mismatch_count(void) { return g_mismatches; }

static int g_refusals;

void refused(const char *where, const char *fmt, ...)
{
    FILE *f = log_file();
    va_list ap;
    g_refusals++;
    fprintf(f, "REFUSED %s: ", where);
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fputc('\n', f);
    fflush(f);
}

int refused_count(void) { return g_refusals; }

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
