/* TEMPORARY (branch h17 only): html_read_mem over branch h12-extract's
 * html_read until that reader has an entry point for fetched pages (remote
 * images kept for the caller to fetch). Deleted when it lands. */
#include "read_html.h"
#include "reader.h"

struct article *
html_read_mem(const char *name, const char *bytes, size_t len, const char *charset, int remote)
{
	(void)remote;
	return html_read(name, bytes, len, charset);
}
