/* The picture module: JPEGs ImageMagick cannot make for the end-to-end
 * test, written here with libjpeg: plain CMYK (no Adobe marker: 0 is no
 * ink) and RGB with a colour profile other than sRGB (converted by lcms2);
 * the header read without decoding; scaling on request. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <lcms2.h>

#include "model/picture.h"
#include "util.h"
#include "../tap.h"

/* A 16x16 JPEG of one colour PX (NC components, colour space CS). With
 * ICC, that profile is embedded. Caller frees *OUT. */
static void
make_jpeg(J_COLOR_SPACE cs, int nc, const unsigned char *px, int adobe,
    const unsigned char *icc, unsigned icclen, unsigned char **out, unsigned long *len)
{
	struct jpeg_compress_struct ci;
	struct jpeg_error_mgr je;
	unsigned char row[16 * 4];
	JSAMPROW r = row;

	ci.err = jpeg_std_error(&je);
	jpeg_create_compress(&ci);
	*out = NULL;
	*len = 0;
	jpeg_mem_dest(&ci, out, len);
	ci.image_width = 16;
	ci.image_height = 16;
	ci.input_components = nc;
	ci.in_color_space = cs;
	jpeg_set_defaults(&ci);
	jpeg_set_colorspace(&ci, cs);
	ci.write_Adobe_marker = adobe;
	jpeg_set_quality(&ci, 95, TRUE);
	jpeg_start_compress(&ci, TRUE);
	if (icc)
		jpeg_write_icc_profile(&ci, icc, icclen);
	for (int x = 0; x < 16; x++)
		memcpy(row + x * nc, px, (size_t)nc);
	while (ci.next_scanline < 16)
		jpeg_write_scanlines(&ci, &r, 1);
	jpeg_finish_compress(&ci);
	jpeg_destroy_compress(&ci);
}

static int
near(const unsigned char *p, int r, int g, int b)
{
	return abs(p[0] - r) <= 12 && abs(p[1] - g) <= 12 && abs(p[2] - b) <= 12;
}

int
main(void)
{
	/* plain CMYK: full magenta and yellow, no cyan or black = red */
	const unsigned char red_cmyk[4] = {0, 255, 255, 0};
	const unsigned char grey_lin[3] = {128, 128, 128};
	struct image im = {0};
	struct picture pic;
	struct picture_head h;
	unsigned char *jpg;
	unsigned long len;

	make_jpeg(JCS_CMYK, 4, red_cmyk, 0, NULL, 0, &jpg, &len);
	im.src = "plain-cmyk.jpg";
	im.data = jpg;
	im.len = len;
	ok(picture_head(jpg, len, &h) == 0 && h.type == IMG_JPEG && h.w == 16 && !h.as_is,
	    "a CMYK JPEG is read from its header and not used as it is");
	ok(picture_load(&im, 0, 0, &pic) == 0 && near(pic.px, 255, 0, 0),
	    "a plain CMYK JPEG (no Adobe marker) comes out red, not its negative");
	picture_free(&pic);
	free(jpg);

	{
		/* a profile with sRGB's primaries but linear tone curves: a
		 * stored 128 is half the light, sRGB 188 */
		cmsCIExyY d65 = {0.3127, 0.3290, 1.0};
		cmsCIExyYTRIPLE prim = {{0.64, 0.33, 1.0}, {0.30, 0.60, 1.0}, {0.15, 0.06, 1.0}};
		cmsToneCurve *lin = cmsBuildGamma(NULL, 1.0), *curves[3] = {lin, lin, lin};
		cmsHPROFILE pr = cmsCreateRGBProfile(&d65, &prim, curves);
		cmsUInt32Number n = 0;
		unsigned char *icc;

		cmsSaveProfileToMem(pr, NULL, &n);
		icc = malloc(n);
		cmsSaveProfileToMem(pr, icc, &n);
		cmsCloseProfile(pr);
		cmsFreeToneCurve(lin);
		make_jpeg(JCS_RGB, 3, grey_lin, 0, icc, n, &jpg, &len);
		free(icc);
	}
	im.src = "linear.jpg";
	im.data = jpg;
	im.len = len;
	ok(picture_head(jpg, len, &h) == 0 && !h.as_is, "a JPEG with a colour profile is converted");
	ok(picture_load(&im, 0, 0, &pic) == 0 && near(pic.px, 188, 188, 188),
	    "its colours go through the profile into sRGB");
	picture_free(&pic);
	ok(picture_load(&im, 4, 4, &pic) == 0 && pic.w == 4 && pic.h == 4,
	    "scaled down on request to fit 4x4");
	picture_free(&pic);
	free(jpg);

	ok(picture_head((const unsigned char *)"just text", 9, &h) == -1 && h.type == IMG_NONE,
	    "text is not an image");
	return done_testing();
}
