// flags: -finstrument-functions
// Every function without no_instrument_function calls __cyg_profile_func_enter on entry
// and __cyg_profile_func_exit before each return, with its own address and call site.
#define NOCHK __attribute__((no_instrument_function))

static int enters, exits;
static void *last_in, *last_out, *site_in, *site_out;

void __cyg_profile_func_enter(void *fn, void *site) NOCHK;
void __cyg_profile_func_exit(void *fn, void *site) NOCHK;
void __cyg_profile_func_enter(void *fn, void *site) { enters++; last_in = fn; site_in = site; }
void __cyg_profile_func_exit(void *fn, void *site) { exits++; last_out = fn; site_out = site; }

struct big { long a[4]; };

__attribute__((noinline)) int f(int x) {
	if (x > 0)
		return x * 2; /* exit hook after the value is computed */
	return enters;
}
__attribute__((noinline)) struct big g(void) { struct big b = {{1, 2, 3, 4}}; return b; }
__attribute__((noinline)) void h(void) {}

int main(void) NOCHK;
int main(void) {
	if (f(3) != 6 || enters != 1 || exits != 1) return 1;
	if (last_in != (void *)f || last_out != (void *)f || site_in == 0 || site_in != site_out) return 2;
	if (f(0) != 2 || exits != 2) return 3;
	if (g().a[3] != 4 || enters != 3 || exits != 3 || last_out != (void *)g) return 4;
	h();
	if (enters != 4 || exits != 4 || last_in != (void *)h) return 5;
	return 0;
}
