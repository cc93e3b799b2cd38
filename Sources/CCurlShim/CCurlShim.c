#include "CCurlShim.h"

#include <pthread.h>

static pthread_once_t w2m_curl_once = PTHREAD_ONCE_INIT;
static CURLcode w2m_curl_init_result = CURLE_FAILED_INIT;

static void w2m_curl_global_init_body(void) {
    w2m_curl_init_result = curl_global_init(CURL_GLOBAL_DEFAULT);
}

CURLcode w2m_curl_global_init_once(void) {
    pthread_once(&w2m_curl_once, w2m_curl_global_init_body);
    return w2m_curl_init_result;
}

CURLcode w2m_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode w2m_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode w2m_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode w2m_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode w2m_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *list) {
    return curl_easy_setopt(handle, option, list);
}

CURLcode w2m_curl_setopt_data_callback(CURL *handle, CURLoption option, w2m_curl_data_cb callback) {
    return curl_easy_setopt(handle, option, callback);
}

CURLcode w2m_curl_setopt_xferinfo_callback(CURL *handle, w2m_curl_xferinfo_cb callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

CURLcode w2m_curl_getinfo_long(CURL *handle, CURLINFO info, long *out) {
    return curl_easy_getinfo(handle, info, out);
}
