#ifndef W2M_CCURLSHIM_H
#define W2M_CCURLSHIM_H
#include <curl/curl.h>
/* Placeholder: filled by the curl adapter work. */
#endif
