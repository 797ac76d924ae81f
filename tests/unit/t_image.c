/* Image sniffing from bytes, and the content-directory fence. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/image.h"
#include "model/picture.h"
#include "util.h"
#include "../tap.h"

/* A valid 2x1 RGB PNG. */
static const unsigned char png[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
	0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01,
	0x08, 0x02, 0x00, 0x00, 0x00, 0x7b, 0x40, 0xe8, 0xdd, 0x00, 0x00, 0x00,
	0x0f, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xc0,
	0xf0, 0x9f, 0x01, 0x00, 0x07, 0xff, 0x01, 0xff, 0x01, 0x7f, 0x89, 0xa7,
	0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* A minimal JPEG structure: SOI, SOF0 (3x5), SOS, data, EOI. */
static const unsigned char jpeg[] = {
	0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x05, 0x00, 0x03, 0x01,
	0x01, 0x11, 0x00, 0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f,
	0x00, 0x12, 0x34, 0xff, 0xd9,
};

static void
put(const char *path, const void *p, size_t n)
{
	FILE *f = fopen(path, "wb");

	fwrite(p, 1, n, f);
	fclose(f);
}

int
main(void)
{
	unsigned char bad[sizeof(png)];
	enum image_type t;
	struct image im = {0};
	char dir[] = "/tmp/t_image.XXXXXX";
	char *p;
	int w, h;

	ok(image_sniff(png, sizeof(png), &t, &w, &h) == 0 && t == IMG_PNG && w == 2 && h == 1,
	    "a PNG is known by its bytes, with its size");
	memcpy(bad, png, sizeof(png));
	bad[45] ^= 0xff;
	ok(image_sniff(bad, sizeof(bad), &t, &w, &h) == -1 && t == IMG_PNG,
	    "a PNG with a bad chunk CRC is refused");
	ok(image_sniff(png, 40, &t, &w, &h) == -1, "a truncated PNG is refused");
	ok(image_sniff(jpeg, sizeof(jpeg), &t, &w, &h) == 0 && t == IMG_JPEG && w == 3 && h == 5,
	    "a JPEG is known by its bytes, with its size");
	ok(image_sniff(jpeg, sizeof(jpeg) - 2, &t, &w, &h) == -1, "a JPEG without its end is refused");
	ok(image_sniff((const unsigned char *)"GIF89a....", 10, &t, &w, &h) == -1 && t == IMG_NONE,
	    "a GIF is not an image mkbook takes");
	is_str(image_mime(IMG_JPEG), "image/jpeg", "media type of a JPEG");
	is_str(image_ext(IMG_PNG), "png", "extension of a PNG");

	if (mkdtemp(dir) == NULL)
		return 1;
	p = xprintf("%s/in", dir);
	mkdir(p, 0755);
	free(p);
	p = xprintf("%s/in/a.png", dir);
	put(p, png, sizeof(png));
	free(p);
	p = xprintf("%s/out.png", dir);
	put(p, png, sizeof(png));
	free(p);
	p = xprintf("%s/in/ln.png", dir);
	if (symlink("../out.png", p) != 0)
		return 1;
	free(p);
	p = xprintf("%s/in/x.jpg", dir);
	put(p, png, sizeof(png));	/* a PNG named .jpg */
	free(p);
	p = xprintf("%s/in", dir);

	im.src = "a.png";
	ok(image_probe(&im, p, "f.md", 3, 0) == 0 && im.type == IMG_PNG && im.path, "an image inside is taken");
	free(im.path);
	im.path = NULL;
	im.src = "x.jpg";
	ok(image_probe(&im, p, "f.md", 3, 0) == 0 && im.type == IMG_PNG,
	    "the type comes from the bytes, not the name");
	free(im.path);
	im.path = NULL;
	im.src = "../out.png";
	ok(image_probe(&im, p, "f.md", 3, 0) == -1, "'..' out of the directory is refused");
	is_str(strstr(err_msg(), "f.md:3: "), err_msg(), "the error names file and line");
	im.src = "ln.png";
	ok(image_probe(&im, p, "f.md", 3, 0) == -1, "a symlink pointing out is refused");
	im.src = "/etc/hostname";
	ok(image_probe(&im, p, "f.md", 3, 0) == -1, "an absolute path is refused");
	im.src = "https://example.com/a.png";
	util_quiet = 1;
	ok(image_probe(&im, p, "f.md", 3, 0) == 1 && im.path == NULL, "a URL is left out (a warning)");
	ok(image_probe(&im, p, "f.md", 3, 1) == -1, "a URL is refused under --strict");
	im.src = "none.png";
	ok(image_probe(&im, p, "f.md", 3, 0) == 1, "a missing file is left out (a warning)");
	ok(image_probe(&im, p, "f.md", 3, 1) == -1, "a missing file is refused under --strict");
	is_str(strstr(err_msg(), "f.md:3: image 'none.png' not found"), err_msg(),
	    "the error names file, line and image");
	free(p);
	p = xprintf("rm -rf %s", dir);
	if (system(p) != 0)
		return 1;
	free(p);
	return done_testing();
}
