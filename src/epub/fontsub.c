/* Font subsetting for the EPUB writer: HarfBuzz's hb-subset keeps the
 * glyphs (and the layout rules that reach them) of the characters used. */
#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <hb-subset.h>

#include "epub_int.h"
#include "util.h"

/* Layout features kept beyond hb-subset's defaults: those book.css asks
 * for (small capitals, figure styles). */
static const char *const extra_features[] = {
	"smcp", "c2sc", "onum", "lnum", "pnum", "tnum", "case",
};

int
fontsub_subset(const char *path, int index, const uint8_t *cps, char **out, size_t *len,
    int *cff)
{
	hb_blob_t *blob = NULL, *res = NULL;
	hb_face_t *face = NULL, *sub = NULL;
	hb_subset_input_t *in = NULL;
	hb_set_t *set;
	const char *data;
	unsigned int n;
	size_t i;
	int ret = -1;

	*out = NULL;
	*len = 0;
	if ((blob = hb_blob_create_from_file_or_fail(path)) == NULL) {
		err_set(path, 0, "cannot read the font");
		goto out;
	}
	if (index < 0 || (unsigned int)index >= hb_face_count(blob)) {
		err_set(path, 0, "the font has no face %d", index);
		goto out;
	}
	face = hb_face_create(blob, (unsigned int)index);
	if ((in = hb_subset_input_create_or_fail()) == NULL) {
		err_set(path, 0, "cannot subset the font");
		goto out;
	}
	set = hb_subset_input_unicode_set(in);
	for (i = 0; i < FONTSUB_NCP / 8; i++) {
		if (cps[i] == 0)
			continue;
		for (int k = 0; k < 8; k++)
			if (cps[i] & (1u << k))
				hb_set_add(set, (hb_codepoint_t)(i * 8 + (size_t)k));
	}
	set = hb_subset_input_set(in, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
	for (i = 0; i < sizeof(extra_features) / sizeof(extra_features[0]); i++)
		hb_set_add(set, hb_tag_from_string(extra_features[i], 4));
	/* No hinting: e-readers render at many sizes and ignore it anyway. */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	if ((sub = hb_subset_or_fail(face, in)) == NULL) {
		err_set(path, 0, "cannot subset the font (face %d)", index);
		goto out;
	}
	res = hb_face_reference_blob(sub);
	data = hb_blob_get_data(res, &n);
	if (data == NULL || n == 0) {
		err_set(path, 0, "subsetting the font gave nothing");
		goto out;
	}
	*out = xmalloc(n);
	memcpy(*out, data, n);
	*len = n;
	*cff = n >= 4 && memcmp(data, "OTTO", 4) == 0;
	ret = 0;
out:
	hb_blob_destroy(res);
	hb_face_destroy(sub);
	hb_subset_input_destroy(in);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	return ret;
}
