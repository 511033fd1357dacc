// flags: -fno-omit-frame-pointer
// __builtin_return_address(n) and __builtin_frame_address(n) with n > 0 follow the
// frame-pointer chain; a declared alloca is still the builtin.
#include <stddef.h>
extern void *alloca(size_t);

void *ret0[2], *ret1;
void *frame0, *frame1;

__attribute__((noinline)) void inner(void) {
	ret1 = __builtin_return_address(1);
	frame1 = __builtin_frame_address(1);
	char *p = alloca(32);
	p[0] = 1;
	p[31] = 2;
}

__attribute__((noinline)) void outer(void) {
	ret0[0] = __builtin_return_address(0);
	frame0 = __builtin_frame_address(0);
	inner();
	__asm__ volatile(""); /* no tail call: inner's caller frame is outer's */
}

int main(void) {
	outer();
	if (ret1 != ret0[0]) return 1;
	if (frame1 != frame0) return 2;
	return 0;
}
