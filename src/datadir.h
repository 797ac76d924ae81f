/* Where mkbook's data (templates/ and fonts/) is: one lookup for every
 * caller. */
#ifndef MKBOOK_DATADIR_H
#define MKBOOK_DATADIR_H

/* The file whose presence makes a directory a data directory. */
#define DATADIR_PROBE "templates/default/book.css"

/* Find the data directory. $MKBOOK_DATADIR, when set and not empty, wins
 * and must hold DATADIR_PROBE (a wrong override is an error, never skipped
 * in silence); otherwise the first of the executable's own directory (read
 * from /proc/self/exe: ./mkbook in a checkout), ../share/mkbook beside it
 * (an installed tree moved elsewhere), and the compiled-in MKBOOK_DATADIR
 * that holds it. Return a fresh string the caller frees, or NULL with the
 * error set naming every place looked and how to fix it. */
char *datadir_find(void);

/* GIVEN when not NULL (a copy), else datadir_find()'s answer. Fresh string
 * the caller frees, or NULL with the error set. */
char *datadir_get(const char *given);

#endif
