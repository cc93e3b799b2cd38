#ifndef W2M_CCURLSHIM_H
#define W2M_CCURLSHIM_H

/*
 * Typed, non-variadic wrappers around libcurl's easy interface.
 *
 * Swift cannot call C variadic functions, and curl's typecheck-gcc.h turns
 * curl_easy_setopt/curl_easy_getinfo into macros besides. Each wrapper below
 * fixes the type of the third argument so Swift can import it.
 */

#include <curl/curl.h>

#pragma clang assume_nonnull begin

/* The signature of CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION callbacks. */
typedef size_t (*w2m_curl_data_cb)(char *ptr, size_t size, size_t nmemb, void *_Nullable userdata);

/* The signature of CURLOPT_XFERINFOFUNCTION callbacks; a non-zero return aborts the transfer. */
typedef int (*w2m_curl_xferinfo_cb)(void *_Nullable clientp, curl_off_t dltotal, curl_off_t dlnow,
                                    curl_off_t ultotal, curl_off_t ulnow);

/* curl_global_init(CURL_GLOBAL_DEFAULT), run exactly once per process (pthread_once);
 * every later call returns the first call's result. */
CURLcode w2m_curl_global_init_once(void);

/* curl_easy_setopt(handle, option, (long)value) for CURLOPTTYPE_LONG options. */
CURLcode w2m_curl_setopt_long(CURL *handle, CURLoption option, long value);

/* curl_easy_setopt(handle, option, (curl_off_t)value) for CURLOPTTYPE_OFF_T options. */
CURLcode w2m_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);

/* curl_easy_setopt(handle, option, (const char *)value) for string options; curl copies the string
 * (except CURLOPT_POSTFIELDS, which callers must not use: use CURLOPT_COPYPOSTFIELDS). */
CURLcode w2m_curl_setopt_string(CURL *handle, CURLoption option, const char *_Nullable value);

/* curl_easy_setopt(handle, option, (void *)value) for object pointer options such as
 * CURLOPT_WRITEDATA, CURLOPT_HEADERDATA, CURLOPT_XFERINFODATA and CURLOPT_ERRORBUFFER. */
CURLcode w2m_curl_setopt_pointer(CURL *handle, CURLoption option, void *_Nullable value);

/* curl_easy_setopt(handle, option, (struct curl_slist *)list) for CURLOPT_HTTPHEADER and friends;
 * curl does not copy the list: it must outlive the transfer. */
CURLcode w2m_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *_Nullable list);

/* curl_easy_setopt(handle, option, callback) for CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION. */
CURLcode w2m_curl_setopt_data_callback(CURL *handle, CURLoption option, w2m_curl_data_cb _Nullable callback);

/* curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback). */
CURLcode w2m_curl_setopt_xferinfo_callback(CURL *handle, w2m_curl_xferinfo_cb _Nullable callback);

/* curl_easy_getinfo(handle, info, (long *)out) for CURLINFO_LONG values such as CURLINFO_RESPONSE_CODE. */
CURLcode w2m_curl_getinfo_long(CURL *handle, CURLINFO info, long *out);

#pragma clang assume_nonnull end

#endif
