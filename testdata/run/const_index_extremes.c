/* Loads from read-only data at offsets far outside the object (never executed here)
   must not crash the optimizer's constant-load folding, which also reads the zero
   tail that static data leaves implicit (gcc.dg/pr82596, Warray-bounds-31). */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static const char tail[64] = "ab"; /* 62 implicit zero bytes */
static const long big[4] = {1};

static int far(int i) {
	if (i == 12345)
		return "012"[__PTRDIFF_MAX__] + tail[__PTRDIFF_MAX__ - 1] + (int)big[-__PTRDIFF_MAX__ - 1];
	return 0;
}

int main(void) {
	CHECK(far(0) == 0);
	CHECK(tail[1] == 'b' && tail[40] == 0 && tail[63] == 0 && big[3] == 0 && big[0] == 1);
	CHECK(__builtin_strlen(tail) == 2 && __builtin_strlen(tail + 10) == 0);
	return 0;
}
